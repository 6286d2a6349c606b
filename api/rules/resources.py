"""The content rules of the promotion: versions, history, changes."""

from flask.views import MethodView
from flask_smorest import abort
from marshmallow import Schema, fields, validate

from api import auth
from api.common import v1_blueprint
from graph import get_backend
from graph.rules import RuleSet
from graph.store import rules as rules_store

blp = v1_blueprint("rules", __name__, "Referral promotion rules (operators)")


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


@blp.route("/rules")
class Rules(MethodView):
    @blp.response(200, RuleVersionSchema)
    def get(self):
        """The rule set in force now"""
        auth.allow("operator")
        return rules_store.in_force(get_backend())

    @blp.arguments(RuleChangeSchema)
    @blp.response(201, RuleVersionSchema)
    def post(self, body):
        """Add a rule-set version from a time (never edits history)"""
        auth.allow("operator")
        current = rules_store.rules_at(get_backend()).to_dict()
        try:
            proposed = RuleSet.from_dict({**current, **body["rules"]})
        except (TypeError, ValueError) as exc:
            abort(422, message=str(exc), errors={"rules": [str(exc)]})
        return rules_store.create(get_backend(), proposed, effective_from=body["effective_from"],
                                  note=body["note"], created_by="api"), 201


@blp.route("/rules/history")
class RulesHistory(MethodView):
    @blp.response(200, RuleHistorySchema)
    def get(self):
        """Every rule-set version, newest first"""
        auth.allow("operator")
        return {"items": rules_store.history(get_backend())}
