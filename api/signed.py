"""Callbacks signed by a partner institution instead of sent with an API key.

An institution names itself in ``X-Refgraph-Institution`` and signs the raw
body in ``X-Refgraph-Signature: t=<epoch ms>,v1=<hex>`` with its own secret
(graph/settlement.py): the signature covers the time, the institution and
the body, and is refused more than ``CALLBACK_TOLERANCE_SECONDS`` (300) from
refgraph's clock, so a callback replayed later is refused; within that time
every callback is idempotent.  The signature is checked before the body is
read.  :func:`master` is the master key the institutions' secrets are
derived under, for the routes that register institutions and rotate secrets.
"""

from flask import current_app, request
from flask_smorest import abort
from marshmallow import ValidationError

from graph import get_backend
from graph.errors import NotFound
from graph.settlement import check_signature, master_key
from graph.store import institutions
from graph.vocabulary import is_id, now_ms

from . import payload
from .common import ENTITY_ID

INSTITUTION_HEADER = "X-Refgraph-Institution"
SIGNATURE_HEADER = "X-Refgraph-Signature"


def master():
    """The master key (``INSTITUTION_KEY``, else the embedded database's key file)."""
    server = getattr(get_backend(), "server", None)
    return master_key(current_app.config.get("INSTITUTION_KEY"),
                      server.data_dir if server is not None else None)


def header_docs(legacy=False):
    """The OpenAPI parameters of a signed callback."""
    return [
        {"in": "header", "name": INSTITUTION_HEADER, "required": not legacy,
         "schema": {"type": "string", "pattern": ENTITY_ID},
         "description": "the institution's id" + (
             "; without it the body is verified with the global REFGRAPH_PAYOUT_SECRET "
             "(the fallback of one institution)" if legacy else "")},
        {"in": "header", "name": SIGNATURE_HEADER, "required": True,
         "schema": {"type": "string"},
         "description": "t=<epoch ms>,v1=<hex HMAC-SHA256 of '<t>.<institution id>.<raw "
                        "body>' with the institution's secret>; one v1= per secret during a "
                        "rotation's overlap" + (
                            "; or, without X-Refgraph-Institution, sha256=<hex HMAC-SHA256 of "
                            "the raw body with REFGRAPH_PAYOUT_SECRET>" if legacy else "")},
    ]


def signed_by(raw):
    """The institution whose valid signature on ``raw`` the request carries;
    401 (what is wrong, and how to sign) otherwise."""
    institution_id = request.headers.get(INSTITUTION_HEADER, "")
    if not is_id(institution_id):
        abort(401, message=f"Name the institution in {INSTITUTION_HEADER} and sign the body "
                           f"in {SIGNATURE_HEADER} with its secret.")
    try:
        record, secrets = institutions.secrets_of(get_backend(), master(), institution_id)
    except NotFound:
        abort(401, message=f"No institution {institution_id!r} is registered; its operator "
                           "registers it with 'refgraph institutions add'.")
    tolerance = int(current_app.config.get("CALLBACK_TOLERANCE_SECONDS", 300)) * 1000
    problem = check_signature(secrets, institution_id, raw, request.headers.get(SIGNATURE_HEADER),
                              now_ms(), tolerance)
    if problem:
        abort(401, message=f"The callback is not signed by institution {institution_id!r}: "
                           f"{problem}. Sign '<t>.<institution id>.<raw body>' with HMAC-SHA256 "
                           "and the institution's secret.")
    return record


def load_body(schema, raw):
    """The JSON body ``raw`` loaded with ``schema``, or the one 422."""
    try:
        return schema.load(payload.loads(raw or b"null") or {})
    except (ValueError, ValidationError, TypeError, RecursionError) as exc:
        errors = (getattr(exc, "messages", None) or getattr(exc, "errors", None)
                  or {"body": ["not a JSON object"]})
        abort(422, message="The callback's body is invalid; see errors.", errors=errors)
