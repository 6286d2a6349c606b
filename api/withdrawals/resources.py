"""Withdrawals of reward cash, payout batches and the institution's callbacks."""

import uuid

from flask import current_app, g, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from api import auth, signed
from api.audit import trail
from api.common import client_id, current_rules, replay_headers, v1_blueprint
from api.pagination import decode, page, page_of
from graph import get_backend
from graph.settlement import institution, verify
from graph.store import withdrawals as wd
from graph.vocabulary import APPROVED, REJECTED

from .schemas import (
    BatchInSchema,
    BatchSchema,
    ConfirmationSchema,
    DecisionSchema,
    WithdrawalInSchema,
    WithdrawalListArgs,
    WithdrawalSchema,
)

blp = v1_blueprint("withdrawals", __name__, "Withdrawals and payouts")
callbacks = Blueprint("payout_callbacks", __name__, url_prefix="/v1",
                      description="Confirmations from the financial institution (signed)")


@blp.route("/withdrawals")
class Withdrawals(MethodView):
    @blp.arguments(WithdrawalInSchema)
    @blp.response(201, WithdrawalSchema)
    @auth.roles("operator", "member")
    def post(self, body):
        """Ask to withdraw reward cash (paid partly in cash, the rest in vouchers)"""
        auth.require_self(body["user_id"])
        withdrawal, created = wd.request(get_backend(), id=client_id(body["id"]),
                                         user_id=body["user_id"], amount=body["amount"],
                                         currency=body["currency"], rules=current_rules())
        return withdrawal, 201, replay_headers(created)

    @blp.arguments(WithdrawalListArgs, location="query")
    @blp.response(200, page_of(WithdrawalSchema))
    @auth.roles("operator", "member")
    def get(self, args):
        """List withdrawals by status and user"""
        if g.key["role"] == "member":
            if args["user_id"] not in (None, g.key["user_id"]):
                auth.forbid()
            args["user_id"] = g.key["user_id"]
        items = wd.list_withdrawals(get_backend(), status=args["status"],
                                    user_id=args["user_id"], after=decode(args["cursor"]),
                                    limit=args["limit"])
        return page(items, args["limit"], lambda w: w["id"])


@blp.route("/withdrawals/<withdrawal_id>")
class Withdrawal(MethodView):
    @blp.response(200, WithdrawalSchema)
    @auth.roles(*auth.ANY_ROLE)
    def get(self, withdrawal_id):
        """Read a withdrawal"""
        withdrawal = wd.get(get_backend(), withdrawal_id)
        auth.require_self(withdrawal["user_id"])
        return withdrawal


def _decide(withdrawal_id, to, reason):
    return trail.decide_withdrawal(get_backend(), withdrawal_id, to, reason=reason)


@blp.route("/withdrawals/<withdrawal_id>/approve")
class Approve(MethodView):
    @blp.arguments(DecisionSchema)
    @blp.response(200, WithdrawalSchema)
    @auth.roles("operator")
    def post(self, body, withdrawal_id):
        """Approve a requested withdrawal for the next payout batch"""
        return _decide(withdrawal_id, APPROVED, body["reason"])


@blp.route("/withdrawals/<withdrawal_id>/reject")
class Reject(MethodView):
    @blp.arguments(DecisionSchema)
    @blp.response(200, WithdrawalSchema)
    @auth.roles("operator")
    def post(self, body, withdrawal_id):
        """Reject a requested withdrawal; the money goes back to the user"""
        return _decide(withdrawal_id, REJECTED, body["reason"])


@blp.route("/payouts/batches")
class Batches(MethodView):
    @blp.arguments(BatchInSchema)
    @blp.response(201, BatchSchema)
    @auth.roles("operator")
    def post(self, body):
        """Gather approved withdrawals into a payout file for the institution"""
        batch_id = client_id(body["id"]) if (body["id"] or "Idempotency-Key" in request.headers
                                             ) else "batch-" + uuid.uuid4().hex[:12]
        institution_id = body["institution_id"] or current_app.config.get("PAYOUT_INSTITUTION")
        batch, items = trail.create_batch(get_backend(), batch_id, body["limit"],
                                          institution_id=institution_id)
        where = institution(current_app.config).submit(batch["id"], items,
                                                       batch["institution_id"])
        return {"id": batch["id"], "institution_id": batch["institution_id"],
                "count": len(items), "total": sum(w["cash_amount"] for w in items),
                "file": where, "withdrawals": items}, 201


@callbacks.route("/payouts/confirmations")
class Confirmations(MethodView):
    @callbacks.response(200, WithdrawalSchema)
    @callbacks.doc(security=[], parameters=signed.header_docs(legacy=True),
                   requestBody={"required": True, "content": {"application/json": {
                       "schema": ConfirmationSchema}}})
    def post(self):
        """The institution confirms a payout as paid or failed (signed body)

        Signed by the institution the withdrawal's batch was made for, with its
        own secret; or, without X-Refgraph-Institution, with the global
        REFGRAPH_PAYOUT_SECRET, which stands for one institution only: the one
        REFGRAPH_PAYOUT_INSTITUTION names and the batches made without one."""
        raw = request.get_data()
        fallback = current_app.config.get("PAYOUT_INSTITUTION")
        if signed.INSTITUTION_HEADER in request.headers:
            institution = signed.signed_by(raw)
            speaks_for = [institution["id"]] + ([""] if institution["id"] == fallback else [])
            actor = {"type": "institution", "id": institution["id"], "role": None}
        else:
            if not verify(current_app.config.get("PAYOUT_SECRET"), raw,
                          request.headers.get("X-Refgraph-Signature")):
                abort(401, message="The signature is missing or wrong: an institution names "
                                   "itself in X-Refgraph-Institution and signs with its own "
                                   "secret; the fallback signs the raw body with HMAC-SHA256 "
                                   "and the shared secret (REFGRAPH_PAYOUT_SECRET).")
            speaks_for = [""] + ([fallback] if fallback else [])
            actor = trail.INSTITUTION
        body = signed.load_body(ConfirmationSchema(), raw)
        return trail.decide_withdrawal(get_backend(), body["withdrawal_id"], body["status"],
                                       rules=current_rules(), reason=body["reason"],
                                       reference=body["reference"], actor=actor,
                                       institutions=speaks_for)


