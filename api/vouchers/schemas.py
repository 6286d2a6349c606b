from marshmallow import Schema, ValidationError, fields, validate, validates

from api.common import LATEST, currency_field, entity_id
from graph.money import MAX_AMOUNT
from graph.store import redemptions
from graph.vocabulary import VOUCHER_STATUSES


class VoucherSchema(Schema):
    id = fields.String()
    owner_id = fields.String()
    amount = fields.Integer()
    remaining = fields.Integer()
    issued_at = fields.Integer()
    expires_at = fields.Integer()
    status = fields.String(metadata={"description": ", ".join(VOUCHER_STATUSES)})
    source = fields.String(metadata={"description": "card or operator"})
    revoked_at = fields.Integer(allow_none=True)


class VoucherIssueSchema(Schema):
    id = entity_id(load_default=None)
    owner_id = entity_id(required=True)
    amount = fields.Integer(required=True, validate=validate.Range(1, 1_000_000_000),
                            strict=True)
    currency = currency_field(load_default=None)
    expires_at = fields.Integer(required=True, validate=validate.Range(0, LATEST), strict=True,
                                metadata={"description": "epoch ms, UTC"})


class RedemptionInSchema(Schema):
    id = entity_id(load_default=None, metadata={
        "description": "the token's id (or send Idempotency-Key): the same request again "
                       "answers the same token"})
    voucher_ids = fields.List(entity_id(), required=True,
                              validate=validate.Length(1, redemptions.MAX_VOUCHERS),
                              metadata={"description": "the holder's vouchers the token may pay "
                                                       "with"})
    max_amount = fields.Integer(required=True, strict=True,
                                validate=validate.Range(1, MAX_AMOUNT), metadata={
                                    "description": "the most the sale may take from these "
                                                   "vouchers together, minor units"})
    merchant_id = entity_id(load_default=None, metadata={
        "description": "the one merchant whose sale may use the token (default: any)"})
    expires_in = fields.Integer(
        load_default=redemptions.DEFAULT_TTL_S, strict=True,
        validate=validate.Range(redemptions.MIN_TTL_S, redemptions.MAX_TTL_S),
        metadata={"description": f"seconds the token lives, {redemptions.MIN_TTL_S} to "
                                 f"{redemptions.MAX_TTL_S} (default "
                                 f"{redemptions.DEFAULT_TTL_S})"})

    @validates("voucher_ids")
    def distinct(self, value, **kwargs):
        if len(value) != len(set(value)):
            raise ValidationError("each voucher may appear once")


class RedemptionSchema(Schema):
    id = fields.String()
    token = fields.String(metadata={
        "description": "the redemption token (vrt_...): give it to the storefront, which "
                       "sends it as redemption_token with each of these vouchers in POST "
                       "/v1/sales.  refgraph keeps only its hash"})
    user_id = fields.String()
    voucher_ids = fields.List(fields.String())
    max_amount = fields.Integer()
    merchant_id = fields.String(allow_none=True)
    created_at = fields.Integer()
    expires_at = fields.Integer(metadata={"description": "epoch ms, UTC"})
    sale_id = fields.String(allow_none=True, metadata={
        "description": "the sale that used the token (null: unused)"})
    used_at = fields.Integer(allow_none=True)
