"""Loyalty cards and vouchers."""

from flask.views import MethodView
from marshmallow import Schema, fields, validate

from api import auth
from api.common import client_id, current_rules, entity_id, replay_headers, v1_blueprint
from api.pagination import PageArgs, decode, page, page_of
from graph import get_backend
from graph.store import cards

blp = v1_blueprint("cards", __name__, "Loyalty cards and mall vouchers")


class CardPurchaseSchema(Schema):
    id = entity_id(load_default=None,
                   metadata={"description": "purchase id (or send Idempotency-Key)"})
    user_id = entity_id(required=True)


class CardSchema(Schema):
    id = fields.String()
    holder_id = fields.String()
    price = fields.Integer(metadata={"description": "minor units"})
    bought_at = fields.Integer()
    voucher_ids = fields.List(fields.String())


class CardListSchema(Schema):
    items = fields.List(fields.Nested(CardSchema))


class VoucherSchema(Schema):
    id = fields.String()
    owner_id = fields.String()
    amount = fields.Integer()
    remaining = fields.Integer()
    issued_at = fields.Integer()
    expires_at = fields.Integer()
    status = fields.String(metadata={"description": "active, expired or revoked"})
    source = fields.String(metadata={"description": "card or operator"})
    revoked_at = fields.Integer(allow_none=True)



class VoucherIssueSchema(Schema):
    id = entity_id(load_default=None)
    owner_id = entity_id(required=True)
    amount = fields.Integer(required=True, validate=validate.Range(1, 1_000_000_000),
                            strict=True)
    expires_at = fields.Integer(required=True, validate=validate.Range(min=0), strict=True,
                                metadata={"description": "epoch ms, UTC"})


@blp.route("/cards")
class Cards(MethodView):
    @blp.arguments(CardPurchaseSchema)
    @blp.response(201, CardSchema)
    def post(self, body):
        """Buy a loyalty card: the buyer becomes a card holder and gets vouchers"""
        auth.allow("operator", "member")
        auth.require_self(body["user_id"])
        card, created = cards.buy_card(get_backend(), id=client_id(body["id"]),
                                       user_id=body["user_id"], rules=current_rules())
        return card, 201, replay_headers(created)


@blp.route("/users/<user_id>/cards")
class UserCards(MethodView):
    @blp.response(200, CardListSchema)
    def get(self, user_id):
        """The loyalty cards a user holds"""
        auth.allow("operator", "member")
        auth.require_self(user_id)
        return {"items": cards.cards_of(get_backend(), user_id)}


@blp.route("/users/<user_id>/vouchers")
class UserVouchers(MethodView):
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_of(VoucherSchema))
    def get(self, args, user_id):
        """A user's vouchers with what is left on each"""
        auth.allow("operator", "member")
        auth.require_self(user_id)
        items = cards.vouchers_of(get_backend(), user_id, after=decode(args["cursor"]),
                                  limit=args["limit"])
        return page(items, args["limit"], lambda voucher: voucher["id"])


@blp.route("/vouchers")
class Vouchers(MethodView):
    @blp.arguments(VoucherIssueSchema)
    @blp.response(201, VoucherSchema)
    def post(self, body):
        """Issue a voucher to a user (operators)"""
        auth.allow("operator")
        voucher, created = cards.issue_voucher(
            get_backend(), id=client_id(body["id"]), owner_id=body["owner_id"],
            amount=body["amount"], expires_at=body["expires_at"])
        return voucher, 201, replay_headers(created)


@blp.route("/vouchers/<voucher_id>")
class Voucher(MethodView):
    @blp.response(200, VoucherSchema)
    def get(self, voucher_id):
        """Read a voucher"""
        voucher = cards.get_voucher(get_backend(), voucher_id)
        auth.require_self(voucher["owner_id"])
        return voucher


@blp.route("/vouchers/<voucher_id>/revoke")
class VoucherRevoke(MethodView):
    @blp.response(200, VoucherSchema)
    def post(self, voucher_id):
        """Revoke a voucher so it can no longer pay (operators)"""
        auth.allow("operator")
        return cards.revoke_voucher(get_backend(), voucher_id)
