from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from api.common import EARLIEST, LATEST, currency_field, entity_id, text
from api.financing.schemas import FinancingInSchema
from api.pagination import PageArgs
from graph.money import MAX_AMOUNT
from graph.store.redemptions import TOKEN_LENGTH, TOKEN_PATTERN
from graph.store.sales import BATCH_LIMIT

AMOUNT = {"validate": validate.Range(1, MAX_AMOUNT), "strict": True,
          "metadata": {"description": f"minor units, 1 to {MAX_AMOUNT}"}}


class VoucherUseSchema(Schema):
    id = entity_id(required=True)
    amount = fields.Integer(required=True, **AMOUNT)
    redemption_token = fields.String(
        load_default=None, validate=[
            validate.Regexp(TOKEN_PATTERN, error="a redemption token: vrt_ and 43 letters, "
                                                 "digits, - or _"),
            validate.Length(equal=TOKEN_LENGTH, error="a redemption token: vrt_ and 43 "
                                                      "letters, digits, - or _")],
        metadata={"description": "the holder's consent: the token they minted for this voucher "
                                 "(POST /v1/users/{id}/vouchers/redemptions).  Without a "
                                 "valid one the sale is refused: 403 voucher_consent_required"})


class SaleInSchema(Schema):
    id = entity_id(required=True, metadata={"description": "the terminal's sale id"})
    merchant_id = entity_id(required=True)
    buyer_id = entity_id(load_default=None)
    amount = fields.Integer(required=True, **AMOUNT)
    currency = currency_field(required=True)
    at = fields.Integer(load_default=None, strict=True,
                        validate=validate.Range(EARLIEST, LATEST),
                        metadata={"description": "epoch ms, UTC; default now; not in the future"})
    items = text(0, 1000, load_default=None)
    vouchers = fields.List(fields.Nested(VoucherUseSchema), load_default=list,
                           validate=validate.Length(max=20))
    financing = fields.Nested(FinancingInSchema, load_default=None, allow_none=True, metadata={
        "description": "part or all of the sale paid on credit from a partner institution: "
                       "its financing application is created with the sale (refused: no "
                       "buyer, vouchers too, more than the amount, an unknown or inactive "
                       "institution, one without consumer_credit, past its per-buyer limit)"})

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
        exclude = ("vouchers", "financing")


class SaleBatchInSchema(Schema):
    sales = fields.List(fields.Nested(SaleBatchItemSchema), required=True,
                        validate=validate.Length(1, BATCH_LIMIT))


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
    period = fields.String(metadata={"description": "the period whose fee total the sale "
                                                    "counts in"})
    carried_from = fields.String(allow_none=True, metadata={
        "description": "a late sale carried into period: the period it is dated in"})
    items = fields.String(allow_none=True)
    voucher_paid = fields.Integer()
    fee_bp = fields.Integer()
    fee = fields.Integer(metadata={"description": "management fee, minor units"})
    points = fields.Integer()
    refunded_amount = fields.Integer()
    refunded_fee = fields.Integer()
    refunded_points = fields.Integer()
    vouchers = fields.List(fields.Nested(VoucherPaidSchema))
    financing_id = fields.String(allow_none=True, metadata={
        "description": "its financing application (GET /v1/financing/applications/{id})"})
    financed_amount = fields.Integer(allow_none=True)
    financing_status = fields.String(allow_none=True, metadata={
        "description": "the application's status; points are earned once disbursed"})
    voided_at = fields.Integer(allow_none=True, metadata={
        "description": "its financing was declined or cancelled: the sale is void, its fee "
                       "reversed"})


class SaleListArgs(PageArgs):
    merchant_id = entity_id(load_default=None)
    buyer_id = entity_id(load_default=None)
    start = fields.Integer(load_default=None, data_key="from",
                           validate=validate.Range(EARLIEST, LATEST), metadata={"description": "epoch ms, inclusive"})
    end = fields.Integer(load_default=None, data_key="to",
                         validate=validate.Range(EARLIEST, LATEST), metadata={"description": "epoch ms, exclusive"})


class RefundInSchema(Schema):
    id = entity_id(load_default=None, metadata={"description": "refund id (or Idempotency-Key)"})
    amount = fields.Integer(required=True, **AMOUNT)
    currency = currency_field(load_default=None)
    at = fields.Integer(load_default=None, strict=True,
                        validate=validate.Range(EARLIEST, LATEST),
                        metadata={"description": "epoch ms, UTC; default now; not in the future, "
                                                 "not before the sale"})
    reason = text(0, 500, load_default=None)


class RefundSchema(Schema):
    id = fields.String()
    sale_id = fields.String()
    merchant_id = fields.String()
    buyer_id = fields.String(allow_none=True)
    amount = fields.Integer()
    fee = fields.Integer(metadata={"description": "fee reversed by this refund"})
    points = fields.Integer(metadata={"description": "points reversed by this refund"})
    at = fields.Integer()
    period = fields.String(metadata={"description": "the period whose fee total the refund "
                                                    "counts in"})
    carried_from = fields.String(allow_none=True, metadata={
        "description": "a late refund carried into period: the period it is dated in"})
    reason = fields.String(allow_none=True)


class RefundListSchema(Schema):
    items = fields.List(fields.Nested(RefundSchema))
