"""Partner financial institutions, their statements and reconciliations (operators)."""

from flask.views import MethodView
from flask_smorest import abort

from api import auth, signed
from api.audit import trail
from api.common import client_id, replay_headers, v1_blueprint
from api.pagination import decode, page, page_of
from api.rewards.resources import _check_period
from graph import get_backend
from graph.store import institutions

from .schemas import (
    InstitutionInSchema,
    InstitutionPatchSchema,
    InstitutionSchema,
    InstitutionSecretSchema,
    MismatchSchema,
    ReconciliationInSchema,
    ReconciliationListArgs,
    ReconciliationSchema,
    ReconciliationSummarySchema,
    ResolutionInSchema,
    RotationInSchema,
    StatementSchema,
)

blp = v1_blueprint("institutions", __name__,
                   "Partner financial institutions: payouts, consumer credit, statements")


@blp.route("/institutions")
class Institutions(MethodView):
    @blp.arguments(InstitutionInSchema)
    @blp.response(201, InstitutionSecretSchema)
    @auth.roles("operator")
    def post(self, body):
        """Register a partner institution; the answer shows its signing secret

        The secret is shown to this request and its retries with the same
        body, never again (rotate to get a new one)."""
        record, secret, created = trail.register_institution(get_backend(), signed.master(),
                                                             **body)
        return {**record, "secret": secret}, 201, replay_headers(created)

    @blp.arguments(ReconciliationListArgs, location="query")
    @blp.response(200, page_of(InstitutionSchema))
    @auth.roles("operator")
    def get(self, args):
        """List the institutions"""
        items = institutions.list_institutions(get_backend(), after=decode(args["cursor"]),
                                               limit=args["limit"])
        return page(items, args["limit"], lambda i: i["id"])


@blp.route("/institutions/<institution_id>")
class Institution(MethodView):
    @blp.response(200, InstitutionSchema)
    @auth.roles("operator")
    def get(self, institution_id):
        """Read an institution (never its secret)"""
        return institutions.get(get_backend(), institution_id)

    @blp.arguments(InstitutionPatchSchema)
    @blp.response(200, InstitutionSchema)
    @auth.roles("operator")
    def patch(self, body, institution_id):
        """Change an institution: name, services, status, per-buyer limit, fee

        Applications already made keep the fee they were made with."""
        limit = {"buyer_limit": body.pop("buyer_limit"), "set_buyer_limit": True} \
            if "buyer_limit" in body else {}
        return trail.update_institution(get_backend(), institution_id, **body, **limit)


@blp.route("/institutions/<institution_id>/secret")
class Secret(MethodView):
    @blp.arguments(RotationInSchema)
    @blp.response(201, InstitutionSecretSchema)
    @auth.roles("operator")
    def post(self, body, institution_id):
        """Rotate the institution's signing secret; the old one verifies 24 more hours

        The new secret is shown to this request and its retries with the same
        id while it is current; the id is required, so that a retry never
        rotates twice."""
        record, secret, rotated = trail.rotate_secret(get_backend(), signed.master(),
                                                      institution_id, client_id(body["id"]),
                                                      reason=body["reason"])
        return {**record, "secret": secret}, 201, replay_headers(rotated)


@blp.route("/institutions/<institution_id>/statements/<period:period>")
class Statement(MethodView):
    @blp.response(200, StatementSchema)
    @auth.roles("operator")
    def get(self, institution_id, period):
        """The institution's statement for a period: payouts, financing and fees, as a file"""
        _check_period(period)
        rows, text = institutions.statement(get_backend(), institution_id, period)
        return {"institution_id": institution_id, "period": period, "count": len(rows),
                "rows": rows, "csv": text}


@blp.route("/institutions/<institution_id>/reconciliations")
class Reconciliations(MethodView):
    @blp.arguments(ReconciliationInSchema)
    @blp.response(201, ReconciliationSchema)
    @auth.roles("operator")
    def post(self, body, institution_id):
        """Reconcile the institution's own statement with refgraph's; changes nothing

        Every mismatch (missing on either side, different amount, different
        status) is recorded, to be resolved with a reason."""
        _check_period(body["period"])
        who = trail.request_actor()
        reconciliation, items, created = institutions.record_reconciliation(
            get_backend(), id=client_id(body["id"]), institution_id=institution_id,
            period=body["period"], text=body["statement"],
            recorded_by=f"{who['type']}:{who['id']}")
        return {**reconciliation, "items": items}, 201, replay_headers(created)

    @blp.arguments(ReconciliationListArgs, location="query")
    @blp.response(200, page_of(ReconciliationSummarySchema))
    @auth.roles("operator")
    def get(self, args, institution_id):
        """The institution's reconciliations, newest first (without their mismatches)"""
        institutions.get(get_backend(), institution_id)
        items = institutions.list_reconciliations(get_backend(), institution_id,
                                                  before=decode(args["cursor"]),
                                                  limit=args["limit"])
        return page(items, args["limit"], lambda r: [r["at"], r["id"]])


def _reconciliation(institution_id, reconciliation_id):
    reconciliation, items = institutions.get_reconciliation(get_backend(), reconciliation_id)
    if reconciliation["institution_id"] != institution_id:
        abort(404, message=f"institution {institution_id!r} has no reconciliation "
                           f"{reconciliation_id!r}; check both ids")
    return reconciliation, items


@blp.route("/institutions/<institution_id>/reconciliations/<reconciliation_id>")
class Reconciliation(MethodView):
    @blp.response(200, ReconciliationSchema)
    @auth.roles("operator")
    def get(self, institution_id, reconciliation_id):
        """A reconciliation with each mismatch and how it was resolved"""
        reconciliation, items = _reconciliation(institution_id, reconciliation_id)
        return {**reconciliation, "items": items}


@blp.route("/institutions/<institution_id>/reconciliations/<reconciliation_id>"
           "/mismatches/<int:n>/resolution")
class Resolution(MethodView):
    @blp.arguments(ResolutionInSchema)
    @blp.response(200, MismatchSchema)
    @auth.roles("operator")
    def post(self, body, institution_id, reconciliation_id, n):
        """Resolve a mismatch: record what was found and done, with a reason (audited)"""
        _reconciliation(institution_id, reconciliation_id)
        mismatch, resolved = trail.resolve_mismatch(get_backend(), reconciliation_id, n,
                                                    body["reason"])
        return mismatch, 200, replay_headers(resolved)
