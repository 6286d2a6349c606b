from marshmallow import Schema, fields, validate

from api.common import currency_field, document, entity_id, text
from api.pagination import PageArgs
from api.rewards.schemas import PERIOD
from graph.money import BP
from graph.statements import KINDS
from graph.store.institutions import MAX_BUYER_LIMIT
from graph.vocabulary import INSTITUTION_SERVICES, INSTITUTION_STATUSES, MISMATCH_KINDS

SERVICES = {"validate": validate.Length(1, len(INSTITUTION_SERVICES)),
            "metadata": {"description": "what it does for the platform: "
                                        + ", ".join(INSTITUTION_SERVICES)}}
LIMIT = {"validate": validate.Range(1, MAX_BUYER_LIMIT), "strict": True, "allow_none": True,
         "metadata": {"description": "most a buyer may have in undecided applications there "
                                     "(minor units; null: no limit)"}}
FEE = {"validate": validate.Range(0, BP), "strict": True,
       "metadata": {"description": "its fee on each disbursement, in bp of the financed "
                                   "amount, rounded half up, charged to the merchant"}}


def _services(**kwargs):
    return fields.List(fields.String(validate=validate.OneOf(INSTITUTION_SERVICES)),
                       **SERVICES, **kwargs)


class InstitutionInSchema(Schema):
    id = entity_id(required=True)
    name = text(1, 200, required=True)
    services = _services(required=True)
    currency = currency_field(load_default=None)
    buyer_limit = fields.Integer(load_default=None, **LIMIT)
    fee_bp = fields.Integer(load_default=0, **FEE)


class InstitutionPatchSchema(Schema):
    name = text(1, 200)
    services = _services()
    status = fields.String(validate=validate.OneOf(INSTITUTION_STATUSES), metadata={
        "description": "inactive: no new financing nor payout batches (callbacks on what it "
                       "has already are still taken)"})
    status_reason = text(0, 500, load_default=None)
    buyer_limit = fields.Integer(**LIMIT)
    fee_bp = fields.Integer(**FEE)


class InstitutionSchema(Schema):
    id = fields.String()
    name = fields.String()
    services = fields.List(fields.String())
    currency = fields.String()
    status = fields.String(metadata={"description": ", ".join(INSTITUTION_STATUSES)})
    status_reason = fields.String(allow_none=True)
    buyer_limit = fields.Integer(allow_none=True)
    fee_bp = fields.Integer()
    created_at = fields.Integer()
    updated_at = fields.Integer()
    secret_version = fields.Integer(metadata={"description": "how many secrets it has had"})
    secret_at = fields.Integer(metadata={"description": "when its current secret was made"})
    previous_until = fields.Integer(allow_none=True, metadata={
        "description": "until when its previous secret still verifies (a rotation's overlap)"})


class InstitutionSecretSchema(InstitutionSchema):
    secret = fields.String(allow_none=True, metadata={
        "description": "its signing secret: shown to the request that made it and to that "
                       "request's retries with the same id, never again; null otherwise"})


class RotationInSchema(Schema):
    id = entity_id(load_default=None, metadata={
        "description": "the rotation's id (or Idempotency-Key), required: a retry gets the "
                       "same secret, where a second rotation would end the old secret's "
                       "overlap"})
    reason = text(1, 500, required=True, metadata={
        "description": "why (scheduled, suspected leak…); in the audit trail"})


class StatementRowSchema(Schema):
    kind = fields.String(metadata={"enum": list(KINDS)})
    reference = fields.String()
    status = fields.String()
    amount = fields.Integer()
    at = fields.Integer()


class StatementSchema(Schema):
    institution_id = fields.String()
    period = fields.String()
    count = fields.Integer()
    rows = fields.List(fields.Nested(StatementRowSchema))
    csv = fields.String(metadata={"description": "the statement file (graph/statements.py), "
                                                 "ending with its #sha256 line"})


class ReconciliationInSchema(Schema):
    id = entity_id(load_default=None, metadata={"description": "or send Idempotency-Key"})
    period = fields.String(required=True, **PERIOD)
    statement = document(1, 1_000_000, required=True, metadata={
        "description": "the institution's statement file (CSV, with its #sha256 line)"})


class MismatchSchema(Schema):
    n = fields.Integer()
    kind = fields.String()
    reference = fields.String()
    problem = fields.String(metadata={"enum": list(MISMATCH_KINDS)})
    ours_status = fields.String(allow_none=True)
    ours_amount = fields.Integer(allow_none=True)
    theirs_status = fields.String(allow_none=True)
    theirs_amount = fields.Integer(allow_none=True)
    resolved_at = fields.Integer(allow_none=True)
    resolution = fields.String(allow_none=True)
    resolved_by = fields.String(allow_none=True)


class ReconciliationSummarySchema(Schema):
    id = fields.String()
    institution_id = fields.String()
    period = fields.String()
    at = fields.Integer()
    statement_sha256 = fields.String()
    ours = fields.Integer(metadata={"description": "rows in refgraph's statement"})
    theirs = fields.Integer(metadata={"description": "rows in the institution's"})
    mismatches = fields.Integer()
    open = fields.Integer(metadata={"description": "mismatches not resolved yet"})
    recorded_by = fields.String()


class ReconciliationSchema(ReconciliationSummarySchema):
    items = fields.List(fields.Nested(MismatchSchema))


class ReconciliationListArgs(PageArgs):
    pass


class ResolutionInSchema(Schema):
    reason = text(1, 500, required=True, metadata={
        "description": "what was found and done about it (recorded, and audited)"})
