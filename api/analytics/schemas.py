from marshmallow import Schema, fields, validate

from api.common import entity_id, text
from api.pagination import PageArgs
from api.users.schemas import BalancesSchema, UserSchema
from graph.vocabulary import SIGNAL_KINDS


def _rows(**spec):
    """A list of small uniform rows, e.g. ``_rows(period=String, users=Integer)``."""
    return fields.List(fields.Nested(Schema.from_dict(
        {name: kind() for name, kind in spec.items()},
        name="".join(part.title() for part in spec) + "Row")))


class RankedSchema(Schema):
    id = fields.String()
    name = fields.String()
    value = fields.Float(metadata={"description": "referrals, downline, fees (minor units) "
                                                  "or PageRank, by list"})


class TopReferrersSchema(Schema):
    direct = fields.List(fields.Nested(RankedSchema))
    downline = fields.List(fields.Nested(RankedSchema))
    fees = fields.List(fields.Nested(RankedSchema))
    pagerank = fields.List(fields.Nested(RankedSchema))


class CommunitySchema(Schema):
    id = fields.Integer()
    size = fields.Integer()
    fees = fields.Integer(metadata={"description": "net fees of its merchants, minor units"})
    members = fields.List(fields.String(), metadata={"description": "up to 10, most "
                                                                     "prominent first"})


class SignalCountsSchema(Schema):
    total = fields.Integer()
    by_kind = fields.Dict(keys=fields.String(), values=fields.Integer())
    kept = fields.Integer(metadata={"description": "signals kept for listing (the first "
                                                   "5,000 in kind and subject order)"})


class NetworkSummarySchema(Schema):
    computed_at = fields.Integer(metadata={"description": "epoch ms, UTC"})
    users = fields.Integer()
    by_role = fields.Dict(keys=fields.String(), values=fields.Integer())
    by_status = fields.Dict(keys=fields.String(), values=fields.Integer())
    edges = fields.Integer(metadata={"description": "referral relations"})
    roots = fields.Integer()
    max_depth = fields.Integer()
    depth_distribution = _rows(depth=fields.Integer, count=fields.Integer)
    referrals_per_referrer = _rows(referrals=fields.Integer, referrers=fields.Integer)
    growth_per_period = _rows(period=fields.String, users=fields.Integer,
                              merchants=fields.Integer, cardholders=fields.Integer)
    fees_per_period = _rows(period=fields.String, fees=fields.Integer,
                            refunded_fees=fields.Integer, net=fields.Integer)
    rewards_per_tier = _rows(period=fields.String, tier=fields.Integer, lines=fields.Integer,
                             amount=fields.Integer)
    top_referrers = fields.Nested(TopReferrersSchema)
    communities = fields.List(fields.Nested(CommunitySchema))
    signals = fields.Nested(SignalCountsSchema)


class SignalSchema(Schema):
    id = fields.String()
    kind = fields.String()
    subject = fields.String(metadata={"description": "the user the signal is about"})
    user_ids = fields.List(fields.String())
    evidence = fields.Dict(metadata={"description": "the facts that raised the signal"})
    message = fields.String()


class SignalArgs(PageArgs):
    kind = fields.String(load_default=None, validate=validate.OneOf(SIGNAL_KINDS))
    user_id = entity_id(load_default=None)


class SearchArgs(Schema):
    q = text(1, 100, required=True,
                      metadata={"description": "an id (exact or its start) or part of a name"})
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))


class SearchHitSchema(Schema):
    id = fields.String()
    name = fields.String()
    status = fields.String()
    roles = fields.List(fields.String())


class SearchResultSchema(Schema):
    items = fields.List(fields.Nested(SearchHitSchema))


class LevelCountSchema(Schema):
    level = fields.Integer()
    count = fields.Integer()


class UserCardSchema(Schema):
    user = fields.Nested(UserSchema)
    balances = fields.Nested(BalancesSchema)
    direct = fields.Integer()
    total_downline = fields.Integer(metadata={"description": "down to 10 levels"})
    levels = fields.List(fields.Nested(LevelCountSchema))
    merchant_fees = fields.Integer(metadata={"description": "net fees of the merchants they "
                                                            "referred, minor units"})
    rewards = fields.Integer(metadata={"description": "all reward lines, clawbacks included"})
    signals = fields.List(fields.Nested(SignalSchema))


class NeighbourhoodArgs(Schema):
    up = fields.Integer(load_default=2, validate=validate.Range(0, 20),
                        metadata={"description": "levels of referrers above"})
    depth = fields.Integer(load_default=2, validate=validate.Range(1, 10),
                           metadata={"description": "levels of referrals below"})
    limit = fields.Integer(load_default=300, validate=validate.Range(1, 2_000),
                           metadata={"description": "most users shown below"})
    size_by = fields.String(load_default="fees", validate=validate.OneOf(["fees", "downline"]))


class NodeSchema(Schema):
    id = fields.String()
    name = fields.String()
    roles = fields.List(fields.String())
    status = fields.String()
    level = fields.Integer(metadata={"description": "negative above, 0 the user, positive below"})
    x = fields.Float(metadata={"description": "0 to 1, left to right"})
    y = fields.Float(metadata={"description": "0 to 1, top to bottom"})
    size = fields.Float(metadata={"description": "0 to 1, by size_by"})
    fees = fields.Integer()
    direct = fields.Integer()
    downline = fields.Integer(metadata={"description": "as of the last analytics refresh; "
                                                       "direct referrals before one"})


class EdgeSchema(Schema):
    source = fields.String(metadata={"description": "the referrer"})
    target = fields.String(metadata={"description": "the referee"})


class NeighbourhoodSchema(Schema):
    center = fields.String()
    size_by = fields.String()
    nodes = fields.List(fields.Nested(NodeSchema))
    edges = fields.List(fields.Nested(EdgeSchema))
    truncated = fields.Boolean(metadata={"description": "more users below than limit"})
