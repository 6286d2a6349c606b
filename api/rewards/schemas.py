from marshmallow import Schema, fields

from api.common import FullMatch
from api.contract import PERIOD_PATTERN
from api.rules.schemas import RulesBodySchema
from graph.vocabulary import LINE_STATUSES, RUN_STATUSES

PERIOD = {"validate": FullMatch(PERIOD_PATTERN,
                                      error="a period: YYYY-MM, YYYY-Www or YYYY-MM-DD")}


class RunSchema(Schema):
    period = fields.String()
    status = fields.String(metadata={"description": ", ".join(RUN_STATUSES)})
    rules_version = fields.Integer()
    attempts = fields.Integer()
    started_at = fields.Integer(allow_none=True)
    finished_at = fields.Integer(allow_none=True)
    duration_ms = fields.Integer(allow_none=True)
    lines = fields.Integer()
    referrers = fields.Integer()
    rewards = fields.Integer()
    clawbacks = fields.Integer()
    error = fields.String(allow_none=True)


class MerchantPartSchema(Schema):
    merchant_id = fields.String()
    fees = fields.Integer()
    refunded_fees = fields.Integer()
    base = fields.Integer()
    path = fields.List(fields.String())
    carried_fees = fields.Integer(metadata={
        "description": "part of fees carried into this period from late sales dated in a "
                       "period already run (rule late_sales = carry)"})
    carried_refunded_fees = fields.Integer(metadata={
        "description": "part of refunded_fees carried in from late refunds"})


class LineSchema(Schema):
    id = fields.String()
    period = fields.String()
    referrer_id = fields.String()
    level = fields.Integer()
    amount = fields.Integer(metadata={"description": "negative: a clawback"})
    status = fields.String(metadata={"description": ", ".join(LINE_STATUSES)})
    release_at = fields.Integer(allow_none=True)
    released_at = fields.Integer(allow_none=True)
    created_at = fields.Integer()
    rules_version = fields.Integer()
    referrals = fields.Integer()
    tier = fields.Integer()
    tier_threshold = fields.Integer()
    tier_share_bp = fields.Integer()
    level_share_bp = fields.Integer()
    base = fields.Integer()
    merchants = fields.List(fields.Nested(MerchantPartSchema))


class PreviewInSchema(Schema):
    period = fields.String(required=True, **PERIOD)
    rules = fields.Nested(RulesBodySchema, load_default=None,
                          metadata={"description": "proposed changes to compare; optional"})


class TierTotalSchema(Schema):
    tier = fields.Integer()
    min_referrals = fields.Integer()
    share_bp = fields.Integer()
    lines = fields.Integer()
    rewards = fields.Integer()
    clawbacks = fields.Integer()


class SummarySchema(Schema):
    lines = fields.Integer()
    referrers = fields.Integer()
    rewards = fields.Integer()
    clawbacks = fields.Integer()
    tiers = fields.List(fields.Nested(TierTotalSchema))


class PreviewSchema(Schema):
    period = fields.String()
    current = fields.Nested(SummarySchema)
    proposed = fields.Nested(SummarySchema)
    difference = fields.Dict(keys=fields.String(), values=fields.Integer())
