"""Sales and refunds from merchant terminals."""

from flask import g
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from api import auth
from api.common import client_id, current_rules, entity_id, replay_headers, v1_blueprint
from api.pagination import PageArgs, decode, page, page_of
from graph import get_backend
from graph.maintenance import now_ms
from graph.money import MAX_AMOUNT
from graph.store import sales

blp = v1_blueprint("sales", __name__, "Sales, refunds, fees and points")

EARLIEST, LATEST = 946_684_800_000, 253_402_300_799_999  # 2000-01-01 .. 9999-12-31
FUTURE_SLACK_MS = 300_000  # terminal clocks may run a little ahead

AMOUNT = {"validate": validate.Range(1, MAX_AMOUNT), "strict": True,
          "metadata": {"description": f"minor units, 1 to {MAX_AMOUNT}"}}


class VoucherUseSchema(Schema):
    id = entity_id(required=True)
    amount = fields.Integer(required=True, **AMOUNT)


class SaleInSchema(Schema):
    id = entity_id(required=True, metadata={"description": "the terminal's sale id"})
    merchant_id = entity_id(required=True)
    buyer_id = entity_id(load_default=None)
    amount = fields.Integer(required=True, **AMOUNT)
    currency = fields.String(required=True, validate=validate.Regexp(
        r"^[A-Z]{3}$", error="an ISO 4217 code such as CNY"))
    at = fields.Integer(load_default=None, strict=True,
                        validate=validate.Range(EARLIEST, LATEST),
                        metadata={"description": "epoch ms, UTC; default now; not in the future"})
    items = fields.String(load_default=None, validate=validate.Length(max=1000))
    vouchers = fields.List(fields.Nested(VoucherUseSchema), load_default=list,
                           validate=validate.Length(max=20))

    @validates_schema
    def check(self, data, **kwargs):
        ids = [use["id"] for use in data.get("vouchers", [])]
        if len(ids) != len(set(ids)):
            raise ValidationError("each voucher may appear once", "vouchers")
        if sum(use["amount"] for use in data.get("vouchers", [])) > data.get("amount", 0):
            raise ValidationError("vouchers cannot pay more than the amount", "vouchers")
        if ids and not data.get("buyer_id"):
            raise ValidationError("a sale paid with vouchers needs the buyer", "buyer_id")


class SaleBatchItemSchema(SaleInSchema):
    class Meta:
        exclude = ("vouchers",)


class SaleBatchInSchema(Schema):
    sales = fields.List(fields.Nested(SaleBatchItemSchema), required=True,
                        validate=validate.Length(1, sales.BATCH_LIMIT))


class SaleBatchResultSchema(Schema):
    id = fields.String()
    status = fields.Integer(metadata={"description": "201 created, 200 replayed, 409 id "
                                                     "reused, 403 not this key's, 422 refused"})
    code = fields.String()
    message = fields.String(allow_none=True)


class SaleBatchSchema(Schema):
    created = fields.Integer()
    replayed = fields.Integer()
    refused = fields.Integer()
    results = fields.List(fields.Nested(SaleBatchResultSchema))


class VoucherPaidSchema(Schema):
    id = fields.String()
    amount = fields.Integer()


class SaleSchema(Schema):
    id = fields.String()
    merchant_id = fields.String()
    buyer_id = fields.String(allow_none=True)
    amount = fields.Integer()
    currency = fields.String()
    at = fields.Integer()
    period = fields.String()
    items = fields.String(allow_none=True)
    voucher_paid = fields.Integer()
    fee_bp = fields.Integer()
    fee = fields.Integer(metadata={"description": "management fee, minor units"})
    points = fields.Integer()
    refunded_amount = fields.Integer()
    refunded_fee = fields.Integer()
    refunded_points = fields.Integer()
    vouchers = fields.List(fields.Nested(VoucherPaidSchema))



class SaleListArgs(PageArgs):
    merchant_id = entity_id(load_default=None)
    buyer_id = entity_id(load_default=None)
    start = fields.Integer(load_default=None, data_key="from",
                           metadata={"description": "epoch ms, inclusive"})
    end = fields.Integer(load_default=None, data_key="to",
                         metadata={"description": "epoch ms, exclusive"})


class RefundInSchema(Schema):
    id = entity_id(load_default=None, metadata={"description": "refund id (or Idempotency-Key)"})
    amount = fields.Integer(required=True, **AMOUNT)
    reason = fields.String(load_default=None, validate=validate.Length(max=500))


class RefundSchema(Schema):
    id = fields.String()
    sale_id = fields.String()
    merchant_id = fields.String()
    buyer_id = fields.String(allow_none=True)
    amount = fields.Integer()
    fee = fields.Integer(metadata={"description": "fee reversed by this refund"})
    points = fields.Integer(metadata={"description": "points reversed by this refund"})
    at = fields.Integer()
    period = fields.String()
    reason = fields.String(allow_none=True)


class RefundListSchema(Schema):
    items = fields.List(fields.Nested(RefundSchema))


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
    def post(self, body):
        """Record a sale; the platform charges the merchant its management fee

        Idempotent on the sale id: the same request again returns the same sale;
        the same id with another request is a 409."""
        auth.allow("operator", "merchant")
        auth.require_self(body["merchant_id"])
        at = body["at"]
        if at is not None and at > now_ms() + FUTURE_SLACK_MS:
            abort(422, message="A sale cannot be recorded in the future; send the time it "
                               "happened (epoch ms, UTC) or leave 'at' out.",
                  errors={"at": ["in the future"]})
        sale, created = sales.record_sale(
            get_backend(), id=body["id"], merchant_id=body["merchant_id"],
            buyer_id=body["buyer_id"], amount=body["amount"], currency=body["currency"],
            at=at, items=body["items"], vouchers=body["vouchers"], rules=current_rules(at))
        return sale, 201, replay_headers(created)

    @blp.arguments(SaleListArgs, location="query")
    @blp.response(200, page_of(SaleSchema))
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
    def post(self, body):
        """Record up to 1,000 sales in one request, with a result per sale

        Each sale is handled as POST /v1/sales would (idempotent on its id),
        except that vouchers cannot pay: send those sales one by one."""
        auth.allow("operator", "merchant")
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
    def get(self, sale_id):
        """Read a sale"""
        return _visible_sale(sale_id)


@blp.route("/sales/<sale_id>/refunds")
class Refunds(MethodView):
    @blp.arguments(RefundInSchema)
    @blp.response(201, RefundSchema)
    def post(self, body, sale_id):
        """Refund part or all of a sale; fee and points are reversed in proportion"""
        auth.allow("operator", "merchant")
        sale = sales.get_sale(get_backend(), sale_id)
        auth.require_self(sale["merchant_id"])
        refund, created = sales.record_refund(
            get_backend(), id=client_id(body["id"]), sale_id=sale_id, amount=body["amount"],
            reason=body["reason"], rules=current_rules())
        return refund, 201, replay_headers(created)

    @blp.response(200, RefundListSchema)
    def get(self, sale_id):
        """The refunds of a sale"""
        _visible_sale(sale_id)
        return {"items": sales.refunds_of(get_backend(), sale_id)}
