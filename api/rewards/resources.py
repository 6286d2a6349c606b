"""Reward runs, reward lines and their explanations, previews."""

from flask.views import MethodView
from flask_smorest import abort
from marshmallow import Schema, fields, validate

from api import auth
from api.common import v1_blueprint
from api.pagination import PageArgs, decode, page, page_of
from api.rules.resources import RulesBodySchema
from graph import get_backend
from graph.rules import RuleSet, period_bounds, validate as validate_rules
from graph.store import rewards

blp = v1_blueprint("rewards", __name__, "Reward runs and reward lines")

PERIOD = {"validate": validate.Regexp(r"^\d{4}-(\d{2}|W\d{2}|\d{2}-\d{2})$",
                                      error="a period: YYYY-MM, YYYY-Www or YYYY-MM-DD")}


class RunSchema(Schema):
    period = fields.String()
    status = fields.String(metadata={"description": "running, completed or failed"})
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


class LineSchema(Schema):
    id = fields.String()
    period = fields.String()
    referrer_id = fields.String()
    level = fields.Integer()
    amount = fields.Integer(metadata={"description": "negative: a clawback"})
    status = fields.String(metadata={"description": "pending, released or clawback"})
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


@blp.route("/rewards/runs")
class Runs(MethodView):
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_of(RunSchema))
    def get(self, args):
        """Reward runs, newest period first"""
        auth.allow("operator")
        items = rewards.list_runs(get_backend(), before=decode(args["cursor"]),
                                  limit=args["limit"])
        return page(items, args["limit"], lambda run: run["period"])


@blp.route("/rewards/runs/<period>")
class Run(MethodView):
    @blp.response(200, RunSchema)
    def get(self, period):
        """One reward run"""
        auth.allow("operator")
        return rewards.get_run(get_backend(), period)

    @blp.response(200, RunSchema)
    def post(self, period):
        """Run the rewards of a closed period now (a repeat pays nothing more)"""
        auth.allow("operator")
        _check_period(period)
        return rewards.run(get_backend(), period)


def _check_period(period):
    try:
        period_bounds(period)
    except ValueError as exc:
        abort(422, message=str(exc), errors={"period": [str(exc)]})


@blp.route("/rewards/preview")
class Preview(MethodView):
    @blp.arguments(PreviewInSchema)
    @blp.response(200, PreviewSchema)
    def post(self, body):
        """What a period's rewards are, and would be under proposed rules; writes nothing"""
        auth.allow("operator")
        _check_period(body["period"])
        proposed = None
        if body["rules"] is not None:
            current = rewards.rules_for_period(get_backend(), body["period"])["rules"]
            try:
                proposed = RuleSet.from_dict({**current.to_dict(), **body["rules"]})
            except (TypeError, ValueError) as exc:
                abort(422, message=str(exc), errors={"rules": [str(exc)]})
            problems = validate_rules(proposed)
            if problems:
                abort(422, message="The proposed rules are invalid; see errors.",
                      errors={"rules": problems})
        result = rewards.preview(get_backend(), body["period"], proposed)
        result.pop("lines")
        return result


@blp.route("/rewards/lines/<line_id>")
class RewardLine(MethodView):
    @blp.response(200, LineSchema)
    def get(self, line_id):
        """Why a reward line is what it is: referrals, tier, merchants, path, rules"""
        line = rewards.explain(get_backend(), line_id)
        auth.require_self(line["referrer_id"])
        return line


@blp.route("/users/<user_id>/rewards")
class UserRewards(MethodView):
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_of(LineSchema))
    def get(self, args, user_id):
        """A user's reward lines, newest first"""
        auth.allow("operator", "member")
        auth.require_self(user_id)
        items = rewards.lines_of(get_backend(), user_id, after=decode(args["cursor"]),
                                 limit=args["limit"])
        return page(items, args["limit"], lambda line: line["id"])


