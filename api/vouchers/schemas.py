from marshmallow import Schema, fields, validate

from api.common import currency_field, entity_id
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
    expires_at = fields.Integer(required=True, validate=validate.Range(min=0), strict=True,
                                metadata={"description": "epoch ms, UTC"})
