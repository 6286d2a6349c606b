"""The content rules of the promotion: versions, history, changes."""

from flask.views import MethodView

from api import auth
from api.audit import trail
from api.common import rules_errors_at, v1_blueprint
from graph import get_backend
from graph.store import rules as rules_store

from .schemas import RuleChangeSchema, RuleHistorySchema, RuleVersionSchema

blp = v1_blueprint("rules", __name__, "Referral promotion rules (operators)")


@blp.route("/rules")
class Rules(MethodView):
    @blp.response(200, RuleVersionSchema)
    @auth.roles("operator")
    def get(self):
        """The rule set in force now"""
        return rules_store.in_force(get_backend())

    @blp.arguments(RuleChangeSchema)
    @blp.response(201, RuleVersionSchema)
    @auth.roles("operator")
    def post(self, body):
        """Add a rule-set version from a time (never edits history)"""
        with rules_errors_at("rules"):
            return trail.change_rules(get_backend(), body["rules"],
                                      effective_from=body["effective_from"], note=body["note"],
                                      created_by="api"), 201


@blp.route("/rules/history")
class RulesHistory(MethodView):
    @blp.response(200, RuleHistorySchema)
    @auth.roles("operator")
    def get(self):
        """Every rule-set version, newest first"""
        return {"items": rules_store.history(get_backend())}
