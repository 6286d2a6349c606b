from marshmallow import Schema, fields, validate

from api.common import entity_id, text
from api.pagination import PageArgs
from graph.store.sales import MAX_INSTALLMENTS
from graph.vocabulary import FINANCING_DECISIONS, FINANCING_STATUSES


class FinancingInSchema(Schema):
    """The part of a sale paid on credit (in POST /v1/sales)."""

    institution_id = entity_id(required=True, metadata={
        "description": "an active institution with consumer_credit"})
    amount = fields.Integer(required=True, strict=True, validate=validate.Range(1, 10**12),
                            metadata={"description": "the financed part, minor units, 1 to the "
                                                     "sale's amount"})
    installments = fields.Integer(required=True, strict=True,
                                  validate=validate.Range(1, MAX_INSTALLMENTS),
                                  metadata={"description": "how many repayments the buyer "
                                                           "makes to the institution"})


class ApplicationSchema(Schema):
    id = fields.String(metadata={"description": "the sale's id"})
    sale_id = fields.String()
    institution_id = fields.String()
    buyer_id = fields.String()
    merchant_id = fields.String()
    amount = fields.Integer(metadata={"description": "the financed part, minor units"})
    installments = fields.Integer()
    fee_bp = fields.Integer(metadata={"description": "the institution's fee, as it was when the "
                                                     "sale was recorded"})
    fee = fields.Integer(metadata={"description": "fee_bp of amount, rounded half up"})
    points = fields.Integer(metadata={"description": "the buyer's points, earned on disbursement"})
    status = fields.String(metadata={"enum": list(FINANCING_STATUSES)})
    applied_at = fields.Integer()
    lapse_at = fields.Integer(metadata={"description": "when it lapses if still applied"})
    approved_at = fields.Integer(allow_none=True)
    disbursed_at = fields.Integer(allow_none=True)
    decided_at = fields.Integer(allow_none=True, metadata={
        "description": "when it was declined or cancelled"})
    reason = fields.String(allow_none=True)
    cancelled_by = fields.String(allow_none=True, metadata={
        "enum": ["institution", "operator", "lapse"]})
    reference = fields.String(allow_none=True, metadata={
        "description": "the institution's reference of its last decision"})
    period = fields.String(metadata={"description": "the period of the sale's fee total"})
    carried_into = fields.String(allow_none=True, metadata={
        "description": "voided after its period was run: the open period whose fee total "
                       "took the reversed fee (as a refunded fee)"})


class ApplicationListArgs(PageArgs):
    status = fields.String(load_default=None, validate=validate.OneOf(FINANCING_STATUSES))
    institution_id = entity_id(load_default=None)
    buyer_id = entity_id(load_default=None)
    merchant_id = entity_id(load_default=None)


class CancelInSchema(Schema):
    reason = text(0, 500, load_default=None)


class FinancingDecisionSchema(Schema):
    """An institution's signed decision on one of its applications."""

    application_id = entity_id(required=True)
    status = fields.String(required=True, validate=validate.OneOf(FINANCING_DECISIONS))
    reference = text(1, 200, required=True, metadata={
        "description": "the institution's reference of this decision: sent again, the "
                       "decision is a replay"})
    reason = text(0, 500, load_default=None)
