"""Reward runs, reward lines and their explanations, previews."""

from flask.views import MethodView
from flask_smorest import abort

from api import auth
from api.audit import trail
from api.common import rules_errors_at, v1_blueprint
from api.pagination import PageArgs, decode, page, page_of
from graph import get_backend
from graph.rules import period_bounds
from graph.store import rewards

from .schemas import LineSchema, PreviewInSchema, PreviewSchema, RunSchema

blp = v1_blueprint("rewards", __name__, "Reward runs and reward lines")


@blp.route("/rewards/runs")
class Runs(MethodView):
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_of(RunSchema))
    @auth.roles("operator")
    def get(self, args):
        """Reward runs, newest period first"""
        items = rewards.list_runs(get_backend(), before=decode(args["cursor"]),
                                  limit=args["limit"])
        return page(items, args["limit"], lambda run: run["period"])


@blp.route("/rewards/runs/<period:period>")
class Run(MethodView):
    @blp.response(200, RunSchema)
    @auth.roles("operator")
    def get(self, period):
        """One reward run"""
        return rewards.get_run(get_backend(), period)

    @blp.response(200, RunSchema)
    @auth.roles("operator")
    def post(self, period):
        """Run the rewards of a closed period now (a repeat pays nothing more)"""
        _check_period(period)
        return trail.run_rewards(get_backend(), period)


def _check_period(period):
    try:
        period_bounds(period)
    except ValueError as exc:
        abort(422, message=str(exc), errors={"period": [str(exc)]})


@blp.route("/rewards/preview")
class Preview(MethodView):
    @blp.arguments(PreviewInSchema)
    @blp.response(200, PreviewSchema)
    @auth.roles("operator")
    def post(self, body):
        """What a period's rewards are, and would be under proposed rules; writes nothing"""
        _check_period(body["period"])
        proposed = None
        if body["rules"] is not None:
            with rules_errors_at("rules"):
                proposed = rewards.proposed_rules(get_backend(), body["period"], body["rules"])
        result = rewards.preview(get_backend(), body["period"], proposed)
        result.pop("lines")
        return result


@blp.route("/rewards/lines/<ref:line_id>")
class RewardLine(MethodView):
    @blp.response(200, LineSchema)
    @auth.roles(*auth.ANY_ROLE)
    def get(self, line_id):
        """Why a reward line is what it is: referrals, tier, merchants, path, rules"""
        line = rewards.explain(get_backend(), line_id)
        auth.require_self(line["referrer_id"])
        return line


@blp.route("/users/<user_id>/rewards")
class UserRewards(MethodView):
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_of(LineSchema))
    @auth.roles("operator", "member")
    def get(self, args, user_id):
        """A user's reward lines, newest first"""
        auth.require_self(user_id)
        items = rewards.lines_of(get_backend(), user_id, after=decode(args["cursor"]),
                                 limit=args["limit"])
        return page(items, args["limit"], lambda line: line["id"])


