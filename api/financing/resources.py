"""Financing applications: the queue, cancellations, and the institutions'
signed decisions."""

from flask import g, request
from flask.views import MethodView
from flask_smorest import Blueprint

from api import auth, signed
from api.audit import trail
from api.common import replay_headers, v1_blueprint
from api.pagination import decode, page, page_of
from graph import get_backend
from graph.store import financing
from graph.vocabulary import CANCELLED

from .schemas import ApplicationListArgs, ApplicationSchema, CancelInSchema, FinancingDecisionSchema

blp = v1_blueprint("financing", __name__, "Consumer finance: financing applications")
callbacks = Blueprint("financing_callbacks", __name__, url_prefix="/v1",
                      description="Decisions of the institutions on financing (signed)")


@blp.route("/financing/applications")
class Applications(MethodView):
    @blp.arguments(ApplicationListArgs, location="query")
    @blp.response(200, page_of(ApplicationSchema))
    @auth.roles(*auth.ANY_ROLE)
    def get(self, args):
        """List financing applications by status, institution, buyer or merchant

        Merchant keys see their own merchant's, member keys their own."""
        key = g.key
        if key["role"] == "merchant":
            if args["merchant_id"] not in (None, key["user_id"]) or args["buyer_id"]:
                auth.forbid()
            args["merchant_id"] = key["user_id"]
        elif key["role"] == "member":
            if args["buyer_id"] not in (None, key["user_id"]) or args["merchant_id"]:
                auth.forbid()
            args["buyer_id"] = key["user_id"]
        items = financing.list_applications(
            get_backend(), status=args["status"], institution_id=args["institution_id"],
            buyer_id=args["buyer_id"], merchant_id=args["merchant_id"],
            after=decode(args["cursor"]), limit=args["limit"])
        return page(items, args["limit"], lambda a: a["id"])


def _visible(application_id):
    application = financing.get(get_backend(), application_id)
    if not auth.is_operator() and g.key["user_id"] not in (application["merchant_id"],
                                                           application["buyer_id"]):
        auth.forbid()
    return application


@blp.route("/financing/applications/<application_id>")
class Application(MethodView):
    @blp.response(200, ApplicationSchema)
    @auth.roles(*auth.ANY_ROLE)
    def get(self, application_id):
        """Read a financing application (its id is the sale's)"""
        return _visible(application_id)


@blp.route("/financing/applications/<application_id>/cancel")
class Cancel(MethodView):
    @blp.arguments(CancelInSchema)
    @blp.response(200, ApplicationSchema)
    @auth.roles("operator", "merchant")
    def post(self, body, application_id):
        """Cancel an application the institution has not decided; its sale is void

        Operators and the sale's merchant; once the institution approved, only
        it may cancel."""
        application = _visible(application_id)
        auth.require_self(application["merchant_id"])
        application, changed = trail.decide_financing(
            get_backend(), application_id, CANCELLED, by=financing.OPERATOR,
            reason=body["reason"] or "cancelled by " + g.key["role"])
        return application, 200, replay_headers(changed)


@callbacks.route("/financing/callbacks")
class Decisions(MethodView):
    @callbacks.response(200, ApplicationSchema)
    @callbacks.doc(security=[], parameters=signed.header_docs(),
                   requestBody={"required": True, "content": {"application/json": {
                       "schema": FinancingDecisionSchema}}})
    def post(self):
        """An institution decides on one of its applications (signed with its secret)

        approved, declined (the sale is void), disbursed (the buyer's points are
        earned) or cancelled; idempotent on the decision's reference, and a
        signature more than 300 s old is refused."""
        raw = request.get_data()
        institution = signed.signed_by(raw)
        body = signed.load_body(FinancingDecisionSchema(), raw)
        application, changed = trail.decide_financing(
            get_backend(), body["application_id"], body["status"], by=financing.INSTITUTION,
            institution_id=institution["id"], reference=body["reference"],
            reason=body["reason"],
            actor={"type": "institution", "id": institution["id"], "role": None})
        return application, 200, replay_headers(changed)
