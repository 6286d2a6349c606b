from marshmallow import Schema, fields, validate

from api.common import currency_field, entity_id, text
from api.pagination import PageArgs
from graph.vocabulary import SETTLEMENT_STATUSES, WITHDRAWAL_STATUSES


class WithdrawalInSchema(Schema):
    id = entity_id(load_default=None, metadata={"description": "or send Idempotency-Key"})
    user_id = entity_id(required=True)
    amount = fields.Integer(required=True, strict=True, validate=validate.Range(1, 10**12))
    currency = currency_field(load_default=None)


class WithdrawalSchema(Schema):
    id = fields.String()
    user_id = fields.String()
    amount = fields.Integer()
    cash_amount = fields.Integer(metadata={"description": "paid out in cash"})
    voucher_amount = fields.Integer(metadata={"description": "becomes a mall voucher"})
    status = fields.String(metadata={"description": ", ".join(WITHDRAWAL_STATUSES)})
    requested_at = fields.Integer()
    decided_at = fields.Integer(allow_none=True)
    settled_at = fields.Integer(allow_none=True)
    reason = fields.String(allow_none=True)
    reference = fields.String(allow_none=True)
    batch_id = fields.String(allow_none=True)
    institution_id = fields.String(allow_none=True, metadata={
        "description": "the institution its batch was made for"})


class WithdrawalListArgs(PageArgs):
    status = fields.String(load_default=None, validate=validate.OneOf(WITHDRAWAL_STATUSES))
    user_id = entity_id(load_default=None)


class DecisionSchema(Schema):
    reason = text(0, 500, load_default=None)


class BatchInSchema(Schema):
    id = entity_id(load_default=None)
    limit = fields.Integer(load_default=10_000, validate=validate.Range(1, 100_000))
    institution_id = entity_id(load_default=None, metadata={
        "description": "the institution paying the batch out (active, with payouts); default "
                       "REFGRAPH_PAYOUT_INSTITUTION, else none (the global secret's)"})


class BatchSchema(Schema):
    id = fields.String()
    institution_id = fields.String(allow_none=True)
    count = fields.Integer()
    total = fields.Integer()
    file = fields.String(metadata={"description": "where the payout file was written"})
    withdrawals = fields.List(fields.Dict())


class ConfirmationSchema(Schema):
    withdrawal_id = entity_id(required=True)
    status = fields.String(required=True, validate=validate.OneOf(SETTLEMENT_STATUSES))
    reference = text(0, 200, load_default=None)
    reason = text(0, 500, load_default=None)
