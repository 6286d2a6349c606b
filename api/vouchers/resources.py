"""Mall vouchers: those a card grants and those operators issue."""

from flask.views import MethodView
from flask_smorest import abort

from api import auth
from api.audit import trail
from api.common import client_id, replay_headers, v1_blueprint
from api.pagination import PageArgs, decode, page, page_of
from api.signed import master
from graph import get_backend
from graph.errors import ConfigurationError
from graph.store import cards, redemptions

from .schemas import RedemptionInSchema, RedemptionSchema, VoucherIssueSchema, VoucherSchema

blp = v1_blueprint("vouchers", __name__,
                   "Mall vouchers: a user's vouchers; their holder's consent to pay with them "
                   "(redemption tokens); issuing and revoking them (operators)")


@blp.route("/users/<user_id>/vouchers")
class UserVouchers(MethodView):
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_of(VoucherSchema))
    @auth.roles("operator", "member")
    def get(self, args, user_id):
        """A user's vouchers with what is left on each"""
        auth.require_self(user_id)
        items = cards.vouchers_of(get_backend(), user_id, after=decode(args["cursor"]),
                                  limit=args["limit"])
        return page(items, args["limit"], lambda voucher: voucher["id"])


@blp.route("/users/<user_id>/vouchers/redemptions")
class UserVoucherRedemptions(MethodView):
    @blp.arguments(RedemptionInSchema)
    @blp.response(201, RedemptionSchema)
    @auth.roles("operator", "member")
    def post(self, body, user_id):
        """Consent to paying with some of one's vouchers: a single-use redemption token

        The holder's own key (or an operator acting for them) mints it and
        hands it to the storefront, which sends it as each voucher's
        redemption_token in POST /v1/sales.  It pays one sale, at most
        max_amount from these vouchers, before expires_at; merchant_id, when
        given, is the one merchant that may use it.  The token is in this
        answer (and in the answer to the same request again); refgraph keeps
        only its hash."""
        auth.require_self(user_id)
        # an operator consenting for a holder is in the audit trail
        mint = trail.mint_redemption if auth.is_operator() else redemptions.mint
        redemption, created = mint(
            get_backend(), _master_key(), id=client_id(body["id"]), user_id=user_id,
            voucher_ids=body["voucher_ids"], max_amount=body["max_amount"],
            merchant_id=body["merchant_id"], expires_in=body["expires_in"])
        return redemption, 201, replay_headers(created)


def _master_key():
    """The master key tokens are derived under; without one (a remote
    database and no REFGRAPH_INSTITUTION_KEY) a 503 saying what to set."""
    try:
        return master()
    except ConfigurationError as exc:
        abort(503, code="master_key_missing", message="Redemption tokens are derived under "
              "refgraph's master key, which is not set: " + exc.message)


@blp.route("/vouchers")
class Vouchers(MethodView):
    @blp.arguments(VoucherIssueSchema)
    @blp.response(201, VoucherSchema)
    @auth.roles("operator")
    def post(self, body):
        """Issue a voucher to a user (operators)"""
        voucher, created = trail.issue_voucher(
            get_backend(), id=client_id(body["id"]), owner_id=body["owner_id"],
            amount=body["amount"], expires_at=body["expires_at"], currency=body["currency"])
        return voucher, 201, replay_headers(created)


@blp.route("/vouchers/<voucher_id>")
class Voucher(MethodView):
    @blp.response(200, VoucherSchema)
    @auth.roles(*auth.ANY_ROLE)
    def get(self, voucher_id):
        """Read a voucher"""
        voucher = cards.get_voucher(get_backend(), voucher_id)
        auth.require_self(voucher["owner_id"])
        return voucher


@blp.route("/vouchers/<voucher_id>/revoke")
class VoucherRevoke(MethodView):
    @blp.response(200, VoucherSchema)
    @auth.roles("operator")
    def post(self, voucher_id):
        """Revoke a voucher so it can no longer pay (operators)"""
        return trail.revoke_voucher(get_backend(), voucher_id)
