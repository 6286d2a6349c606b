from marshmallow import Schema, fields, validate


class TierSchema(Schema):
    min_referrals = fields.Integer(required=True, strict=True)
    share_bp = fields.Integer(required=True, strict=True)


class RulesBodySchema(Schema):
    fee_bp = fields.Integer(strict=True)
    referrers = fields.List(fields.String())
    card_price = fields.Integer(strict=True)
    card_voucher_count = fields.Integer(strict=True, validate=validate.Range(0, 1000))
    card_voucher_amount = fields.Integer(strict=True)
    card_voucher_days = fields.Integer(strict=True)
    allow_second_card = fields.Boolean()
    points_bp = fields.Integer(strict=True)
    tiers = fields.List(fields.Nested(TierSchema))
    count_basis = fields.String()
    count_window = fields.String()
    level_shares = fields.List(fields.Integer(strict=True))
    hold_days = fields.Integer(strict=True)
    cashout_bp = fields.Integer(strict=True)
    min_withdrawal = fields.Integer(strict=True)
    period = fields.String()
    withdrawal_voucher_days = fields.Integer(strict=True)


class RuleVersionSchema(Schema):
    version = fields.Integer()
    effective_from = fields.Integer()
    created_at = fields.Integer()
    created_by = fields.String()
    note = fields.String(allow_none=True)
    rules = fields.Method("dump_rules")

    def dump_rules(self, obj):
        return obj["rules"].to_dict()


class RuleHistorySchema(Schema):
    items = fields.List(fields.Nested(RuleVersionSchema))


class RuleChangeSchema(Schema):
    rules = fields.Nested(RulesBodySchema, required=True,
                          metadata={"description": "fields to change; the rest are kept"})
    effective_from = fields.Integer(load_default=None, strict=True,
                                    metadata={"description": "epoch ms; default now"})
    note = fields.String(load_default=None, validate=validate.Length(max=500))
