"""Operators explore the network: summary, fraud signals, search, a user's
card and the picture of their neighbourhood."""

from flask.views import MethodView

from api import auth
from api.common import v1_blueprint
from api.pagination import decode, encode, page_of
from graph import get_backend
from graph.store import analytics

from .schemas import (
    NeighbourhoodArgs,
    NeighbourhoodSchema,
    NetworkSummarySchema,
    SearchArgs,
    SearchResultSchema,
    SignalArgs,
    SignalSchema,
    UserCardSchema,
)

blp = v1_blueprint("analytics", __name__, "Network analytics and fraud signals (operators)")


@blp.route("/analytics/summary")
class Summary(MethodView):
    @blp.response(200, NetworkSummarySchema)
    @auth.roles("operator")
    def get(self):
        """The latest whole-network analytics and when they were computed

        404 ``no_snapshot`` until they were first computed (POST
        /v1/analytics/refresh, ``refgraph analytics refresh`` or the worker)."""
        return analytics.latest_summary(get_backend())


@blp.route("/analytics/refresh")
class Refresh(MethodView):
    @blp.response(200, NetworkSummarySchema)
    @auth.roles("operator")
    def post(self):
        """Recompute the whole-network analytics now and keep them

        Reads the whole network: seconds on a large one; the worker does
        this every hour."""
        return analytics.refresh(get_backend())


@blp.route("/analytics/signals")
class Signals(MethodView):
    @blp.arguments(SignalArgs, location="query")
    @blp.response(200, page_of(SignalSchema))
    @auth.roles("operator")
    def get(self, args):
        """Fraud signals of the latest analytics, with their evidence

        A signal changes nothing by itself; suspending the user
        (PUT /v1/users/{id}/status) holds their pending rewards."""
        items, next_after = analytics.latest_signals(
            get_backend(), kind=args["kind"], user_id=args["user_id"],
            after=decode(args["cursor"]), limit=args["limit"])
        return {"items": items, "next_cursor": encode(next_after) if next_after else None}


@blp.route("/analytics/search")
class Search(MethodView):
    @blp.arguments(SearchArgs, location="query")
    @blp.response(200, SearchResultSchema)
    @auth.roles("operator")
    def get(self, args):
        """Find users by id (exact or its start) or part of their name"""
        return {"items": analytics.search_users(get_backend(), args["q"], args["limit"])}


@blp.route("/analytics/users/<user_id>")
class UserCard(MethodView):
    @blp.response(200, UserCardSchema)
    @auth.roles("operator")
    def get(self, user_id):
        """A user's card: roles, referrer, counts, balances, fees, rewards, signals"""
        return analytics.user_card(get_backend(), user_id)


@blp.route("/analytics/users/<user_id>/neighbourhood")
class Neighbourhood(MethodView):
    @blp.arguments(NeighbourhoodArgs, location="query")
    @blp.response(200, NeighbourhoodSchema)
    @auth.roles("operator")
    def get(self, args, user_id):
        """The user's referrers above and referrals below, laid out as a tree

        Coordinates come from the server (a tidy tree layout); the downline is
        cut at ``limit`` users (``truncated``)."""
        return analytics.neighbourhood_picture(get_backend(), user_id, **args)
