"""The operator web console at ``/console``.

A signed session cookie gates the pages: ``GET /console`` is a sign-in page
until an operator API key was presented to ``POST /console/session``; then it
is the console, a page of plain JavaScript that keeps the key in the tab's
``sessionStorage`` and reads and changes everything through the ``/v1`` API
with ``Authorization: Bearer <key>``.  The cookie carries only the key's id
(never the key) and the key is checked again on every console request, so a
revoked key signs the console out.  Every file under ``/console/static``
needs the cookie too, and so does ``/console/vocabulary.json``, the words
the console shares with the server (roles, statuses, signal kinds; see
:mod:`graph.vocabulary`), which it loads at start instead of keeping copies;
nothing is loaded from anywhere but refgraph.

The cookie is signed with ``SECRET_KEY`` (``REFGRAPH_SECRET_KEY``); without
one a random key is made at start, and operators sign in again after a
restart.  Only requests under ``/console`` have a session: every other one
(the ``/v1`` API a storefront calls for each sale) gets Flask's null session,
without a cookie read or a signer built for it.
"""

import secrets
import time
from pathlib import Path
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    jsonify,
    redirect,
    render_template_string,
    request,
    send_from_directory,
    session,
)
from flask.sessions import SecureCookieSessionInterface

from graph import get_backend, vocabulary
from graph.store import keys

from ..errors import error_response

STATIC = Path(__file__).with_name("static")
SESSION_HOURS = 12
CREATE_KEY = "refgraph keys create --role operator"

blueprint = Blueprint("console", __name__, url_prefix="/console")


class ConsoleSessions(SecureCookieSessionInterface):
    """The signed cookie session of the console's pages, and no session for
    any other request."""

    def open_session(self, app, request):
        path = request.path
        if path != blueprint.url_prefix and not path.startswith(blueprint.url_prefix + "/"):
            return None   # Flask gives the request a null session, saved never
        return super().open_session(app, request)


def init_app(app):
    """Register the console on ``app``; calling it again changes nothing."""
    if blueprint.name in app.blueprints:
        return
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secrets.token_hex(32)
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Strict"
    if app.config.get("SESSION_COOKIE_PATH") is None:
        app.config["SESSION_COOKIE_PATH"] = "/console"
    app.config.setdefault("CONSOLE_SESSION_HOURS", SESSION_HOURS)
    app.session_interface = ConsoleSessions()
    app.register_blueprint(blueprint)


def signed_in():
    """The operator key record of this browser's session, or ``None``.

    Also ``None`` when the key was revoked, is no operator key any more, or
    the session is older than ``CONSOLE_SESSION_HOURS``: then the session is
    ended, keeping only the reason for the sign-in page."""
    key_id = session.get("key_id")
    if not key_id:
        return None
    # The cookie holds the key's id only; its record says whether it still
    # works (revoked keys keep their record).
    record = keys.get(get_backend(), key_id)
    hours = current_app.config["CONSOLE_SESSION_HOURS"]
    if (record is None or record["revoked_at"] is not None
            or record["role"] != vocabulary.OPERATOR):
        notice = "Your key was revoked or no longer works; sign in again with an operator key."
    elif time.time() - session.get("since", 0) > hours * 3600:
        notice = f"Sessions last {hours} hours; sign in again."
    else:
        return record
    session.clear()
    session["notice"] = notice
    return None


def _secure(response, nonce=None):
    scripts = f"'self' 'nonce-{nonce}'" if nonce else "'self'"
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src {scripts}; style-src {scripts}; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _sign_in_page(message=None, hint=False, status=200, kind="error"):
    nonce = secrets.token_urlsafe(16)
    template = (STATIC / "signin.html").read_text(encoding="utf-8")
    html = render_template_string(template, message=message, kind=kind, nonce=nonce,
                                  create_key=CREATE_KEY, hint=hint)
    response = current_app.response_class(html, status=status, mimetype="text/html")
    return _no_store(_secure(response, nonce))


def _same_origin():
    """Whether a form post comes from the console's own pages (browsers say
    where a request comes from in Sec-Fetch-Site, older ones in Origin)."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


@blueprint.route("", methods=["GET"])
@blueprint.route("/", methods=["GET"])
def console():
    """The console for a signed-in operator, else the sign-in page."""
    if signed_in() is None:
        return _sign_in_page(session.pop("notice", None), kind="notice")
    response = send_from_directory(STATIC, "index.html", max_age=0)
    return _no_store(_secure(response))


@blueprint.route("/session", methods=["POST"])
def sign_in():
    """Check an operator key and start a console session."""
    if not _same_origin():
        return _sign_in_page("Sign in from the console's own page.", status=403)
    presented = (request.form.get("key") or "").strip()
    if not presented:
        return _sign_in_page("Paste an operator API key (it starts with rgk_).", hint=True,
                             status=401)
    key = current_app.extensions["refgraph.keys"].get(presented)
    if key is None:
        return _sign_in_page("This key is not valid: it is unknown, mistyped or revoked.",
                             hint=True, status=401)
    if key["role"] != vocabulary.OPERATOR:
        return _sign_in_page(f"This is a {key['role']} key; the console needs an operator key.",
                             hint=True, status=403)
    session.clear()
    session["key_id"] = key["id"]
    session["since"] = int(time.time())
    return _no_store(redirect("/console", code=303))


@blueprint.route("/session/delete", methods=["POST"])
@blueprint.route("/session", methods=["DELETE"])
def sign_out():
    """End the console session (the API key itself stays valid)."""
    if not _same_origin():
        return error_response(403, "forbidden", "Sign out from the console's own page.")
    session.clear()
    if request.method == "DELETE":
        return _no_store(current_app.response_class(status=204))
    session["notice"] = ("Signed out. The key itself works until it is revoked "
                         "('refgraph keys revoke ID').")
    return _no_store(redirect("/console", code=303))


def _not_signed_in():
    return error_response(401, "unauthorized",
                          "Sign in at /console with an operator API key first.")


@blueprint.route("/vocabulary.json")
def words():
    """Roles, statuses and signal kinds as the server spells them, for the console's scripts."""
    if signed_in() is None:
        return _not_signed_in()
    response = jsonify(vocabulary.as_dict())
    response.headers["Cache-Control"] = "private, no-cache"
    return _secure(response)


@blueprint.route("/static/<path:filename>")
def asset(filename):
    """The console's scripts and styles, for a signed-in operator only."""
    if signed_in() is None:
        return _not_signed_in()
    response = send_from_directory(STATIC, filename, max_age=0)
    response.headers["Cache-Control"] = "private, no-cache"
    return _secure(response)

