"""Sales and refunds from merchant terminals."""

from flask import g
from flask.views import MethodView
from flask_smorest import abort

from api import auth
from api.common import client_id, current_rules, replay_headers, v1_blueprint
from api.pagination import decode, page, page_of
from graph import get_backend
from graph.store import sales
from graph.vocabulary import now_ms

from .schemas import (
    RefundInSchema,
    RefundListSchema,
    RefundSchema,
    SaleBatchInSchema,
    SaleBatchSchema,
    SaleInSchema,
    SaleListArgs,
    SaleSchema,
)

blp = v1_blueprint("sales", __name__, "Sales, refunds, fees and points")

FUTURE_SLACK_MS = 300_000  # terminal clocks may run a little ahead


def _visible_sale(sale_id):
    """The sale, if the key may see it: its merchant, its buyer, or operators."""
    sale = sales.get_sale(get_backend(), sale_id)
    if not auth.is_operator() and g.key["user_id"] not in (sale["merchant_id"], sale["buyer_id"]):
        auth.forbid()
    return sale


@blp.route("/sales")
class Sales(MethodView):
    @blp.arguments(SaleInSchema)
    @blp.response(201, SaleSchema)
    @auth.roles("operator", "merchant")
    def post(self, body):
        """Record a sale; the platform charges the merchant its management fee

        Idempotent on the sale id: the same request again returns the same sale;
        the same id with another request is a 409."""
        auth.require_self(body["merchant_id"])
        at = body["at"]
        if at is not None and at > now_ms() + FUTURE_SLACK_MS:
            abort(422, message="A sale cannot be recorded in the future; send the time it "
                               "happened (epoch ms, UTC) or leave 'at' out.",
                  errors={"at": ["in the future"]})
        sale, created = sales.record_sale(
            get_backend(), id=body["id"], merchant_id=body["merchant_id"],
            buyer_id=body["buyer_id"], amount=body["amount"], currency=body["currency"],
            at=at, items=body["items"], vouchers=body["vouchers"], financing=body["financing"])
        return sale, 201, replay_headers(created)

    @blp.arguments(SaleListArgs, location="query")
    @blp.response(200, page_of(SaleSchema))
    @auth.roles(*auth.ANY_ROLE)
    def get(self, args):
        """List sales by merchant, buyer and period (from <= at < to)"""
        key = g.key
        if key["role"] == "merchant":
            if args["merchant_id"] not in (None, key["user_id"]) or args["buyer_id"]:
                auth.forbid()
            args["merchant_id"] = key["user_id"]
        elif key["role"] == "member":
            if args["buyer_id"] not in (None, key["user_id"]) or args["merchant_id"]:
                auth.forbid()
            args["buyer_id"] = key["user_id"]
        if args["merchant_id"] and args["buyer_id"]:
            abort(422, message="Filter by merchant or by buyer, not both.",
                  errors={"buyer_id": ["cannot be combined with merchant_id"]})
        items = sales.list_sales(get_backend(), merchant_id=args["merchant_id"],
                                 buyer_id=args["buyer_id"], start=args["start"],
                                 end=args["end"], after=decode(args["cursor"]),
                                 limit=args["limit"])
        return page(items, args["limit"], lambda sale: [sale["at"], sale["id"]])


@blp.route("/sales:batch")
class SalesBatch(MethodView):
    @blp.arguments(SaleBatchInSchema)
    @blp.response(200, SaleBatchSchema)
    @auth.roles("operator", "merchant")
    def post(self, body):
        """Record up to 1,000 sales in one request, with a result per sale

        Each sale is handled as POST /v1/sales would (idempotent on its id),
        except that vouchers cannot pay: send those sales one by one."""
        now = now_ms()
        for item in body["sales"]:
            if item["at"] is not None and item["at"] > now + FUTURE_SLACK_MS:
                abort(422, message="A sale cannot be recorded in the future.",
                      errors={"sales": {item["id"]: ["at is in the future"]}})
        mine = [item for item in body["sales"]
                if auth.is_operator() or item["merchant_id"] == g.key["user_id"]]
        outcomes = dict(sales.record_sales(get_backend(), mine, at=now))
        results, counts = [], {"created": 0, "replayed": 0, "refused": 0}
        for item in body["sales"]:
            outcome = outcomes.get(item["id"], "forbidden")
            status = BATCH_STATUS.get(outcome, 422)
            counts["created" if status == 201 else "replayed" if status == 200 else "refused"] += 1
            message = None
            if outcome in sales.SALE_REFUSALS:
                message = sales.SALE_REFUSALS[outcome][1]
            elif outcome == "currency_mismatch":
                message = (f"this platform keeps its money in {get_backend().currency}; "
                           "send amounts in it")
            elif outcome == "id_taken":
                message = "this sale id was recorded with a different request"
            elif outcome == "forbidden":
                message = "this key may record sales of its own merchant only"
            results.append({"id": item["id"], "status": status, "code": outcome,
                            "message": message})
        return {**counts, "results": results}


BATCH_STATUS = {"created": 201, "replayed": 200, "id_taken": 409, "forbidden": 403}


@blp.route("/sales/<sale_id>")
class Sale(MethodView):
    @blp.response(200, SaleSchema)
    @auth.roles(*auth.ANY_ROLE)
    def get(self, sale_id):
        """Read a sale"""
        return _visible_sale(sale_id)


@blp.route("/sales/<sale_id>/refunds")
class Refunds(MethodView):
    @blp.arguments(RefundInSchema)
    @blp.response(201, RefundSchema)
    @auth.roles("operator", "merchant")
    def post(self, body, sale_id):
        """Refund part or all of a sale; fee and points are reversed in proportion"""
        sale = sales.get_sale(get_backend(), sale_id)
        auth.require_self(sale["merchant_id"])
        at = body["at"]
        if at is not None and at > now_ms() + FUTURE_SLACK_MS:
            abort(422, message="A refund cannot be recorded in the future; send the time it "
                               "happened (epoch ms, UTC) or leave 'at' out.",
                  errors={"at": ["in the future"]})
        refund, created = sales.record_refund(
            get_backend(), id=client_id(body["id"]), sale_id=sale_id, amount=body["amount"],
            reason=body["reason"], currency=body["currency"], at=at, rules=current_rules(at))
        return refund, 201, replay_headers(created)

    @blp.response(200, RefundListSchema)
    @auth.roles(*auth.ANY_ROLE)
    def get(self, sale_id):
        """The refunds of a sale"""
        _visible_sale(sale_id)
        return {"items": sales.refunds_of(get_backend(), sale_id)}
