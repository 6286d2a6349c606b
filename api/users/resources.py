"""Users, their referrals and balances."""

from flask.views import MethodView

from api import auth
from api.audit import trail
from api.common import current_rules, replay_headers, v1_blueprint
from api.pagination import decode, page, page_of
from graph import get_backend
from graph.store import sales, users

from .schemas import (
    BalancesSchema,
    DownlineArgs,
    DownlineSchema,
    ReferrerResultSchema,
    ReferrerSchema,
    RegisterBatchInSchema,
    RegisterBatchSchema,
    RegisterSchema,
    StatusResultSchema,
    StatusSchema,
    UplineSchema,
    UserListArgs,
    UserSchema,
)

blp = v1_blueprint("users", __name__, "Users, referral links and balances")


@blp.route("/users")
class Users(MethodView):
    @blp.arguments(RegisterSchema)
    @blp.response(201, UserSchema)
    @auth.roles("operator")
    def post(self, body):
        """Register a user on a referral code or referrer id (operators: also roots)

        Idempotent on the user id: the same request again returns the same user
        and creates nothing; the same id with another request is a 409."""
        user, created = users.register(
            get_backend(), id=body["id"], name=body["name"], roles=body["roles"],
            rules=current_rules(), referrer_id=body["referrer_id"],
            referral_code=body["referral_code"], root=body["root"],
            fingerprints=body["fingerprints"])
        return user, 201, replay_headers(created)

    @blp.arguments(UserListArgs, location="query")
    @blp.response(200, page_of(UserSchema))
    @auth.roles("operator")
    def get(self, args):
        """List users by id, filtered by role, status or referrer"""
        items = users.list_users(get_backend(), after=decode(args["cursor"]), limit=args["limit"],
                                 role=args["role"], status=args["status"],
                                 referrer_id=args["referrer_id"])
        return page(items, args["limit"], lambda user: user["id"])


@blp.route("/users:batch")
class UsersBatch(MethodView):
    @blp.arguments(RegisterBatchInSchema)
    @blp.response(200, RegisterBatchSchema)
    @auth.roles("operator")
    def post(self, body):
        """Register up to 1,000 users in one request, with a result per user

        Each user is handled as POST /v1/users would (idempotent on its id); a
        user may be referred by another of the batch."""
        answers = users.register_many(get_backend(), body["users"], rules=current_rules())
        results, counts = [], {"created": 0, "replayed": 0, "refused": 0}
        for user_id, outcome, user in answers:
            status = {"created": 201, "replayed": 200, "id_taken": 409}.get(outcome, 422)
            counts["created" if status == 201 else "replayed" if status == 200 else "refused"] += 1
            message = None
            if outcome in users.REFUSALS:
                message = users.REFUSALS[outcome][1]
            elif outcome == "id_taken":
                message = "this user id was registered with a different request"
            results.append({"id": user_id, "status": status, "code": outcome,
                            "message": message, "user": user})
        return {**counts, "results": results}


@blp.route("/users/<user_id>")
class User(MethodView):
    @blp.response(200, UserSchema)
    @auth.roles(*auth.ANY_ROLE)
    def get(self, user_id):
        """Read a user"""
        auth.require_self(user_id)
        return users.get(get_backend(), user_id)


@blp.route("/users/<user_id>/status")
class UserStatus(MethodView):
    @blp.arguments(StatusSchema)
    @blp.response(200, StatusResultSchema)
    @auth.roles("operator")
    def put(self, body, user_id):
        """Set a user's status: active, suspended or closed"""
        return trail.set_user_status(get_backend(), user_id, body["status"], body["reason"])


@blp.route("/users/<user_id>/referrer")
class UserReferrer(MethodView):
    @blp.arguments(ReferrerSchema)
    @blp.response(200, ReferrerResultSchema)
    @auth.roles("operator")
    def put(self, body, user_id):
        """Attach a user without a referrer (a root) to a referrer, once"""
        referrer_id, _ = trail.attach_referrer(get_backend(), user_id, body["referrer_id"],
                                               current_rules())
        return {"user_id": user_id, "referrer_id": referrer_id}


@blp.route("/users/<user_id>/upline")
class Upline(MethodView):
    @blp.response(200, UplineSchema)
    @auth.roles("operator", "member")
    def get(self, user_id):
        """The chain of referrers above a user, nearest first"""
        auth.require_self(user_id)
        return {"user_id": user_id, "upline": users.upline(get_backend(), user_id)}


@blp.route("/users/<user_id>/downline")
class Downline(MethodView):
    @blp.arguments(DownlineArgs, location="query")
    @blp.response(200, DownlineSchema)
    @auth.roles("operator", "member")
    def get(self, args, user_id):
        """Users below a user to a depth, with counts per level"""
        auth.require_self(user_id)
        levels, items = users.downline(get_backend(), user_id, depth=args["depth"],
                                       after=decode(args["cursor"]), limit=args["limit"])
        body = page(items, args["limit"], lambda user: [user["level"], user["id"]])
        return {"user_id": user_id, "depth": args["depth"], "levels": levels,
                "total": sum(level["users"] for level in levels), **body}


@blp.route("/users/<user_id>/balances")
class Balances(MethodView):
    @blp.response(200, BalancesSchema)
    @auth.roles(*auth.ANY_ROLE)
    def get(self, user_id):
        """A user's points, cash rewards and voucher value"""
        auth.require_self(user_id)
        return sales.balances(get_backend(), user_id)
