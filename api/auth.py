"""API keys on every request, and the scope each role has.

A request carries ``Authorization: Bearer <key>`` (or ``X-API-Key: <key>``).
Roles: ``operator`` may do everything; ``merchant`` is bound to one merchant
and sees only its own sales and refunds; ``member`` is bound to one user and
reads their own balances, referrals and vouchers, and buys cards for
themselves.  No valid key: 401.  Outside the key's scope: 403.

Verified keys are cached in the app for ``KEY_CACHE_SECONDS`` (default 5) so
that a request costs no extra database round trip; a revoked key stops
working within that time.
"""

import hashlib
import threading
import time

from flask import current_app, g, request
from flask_smorest import abort

from graph import get_backend
from graph.store import keys
from graph.vocabulary import KEY_ROLES

from . import hardening


class KeyCache:
    def __init__(self, ttl):
        self.ttl = ttl
        self._lock = threading.Lock()
        self._keys = {}

    def get(self, presented):
        # Cached under a digest: the secret itself is not kept in memory, and
        # the lookup compares fixed-length digests.
        cache_key = hashlib.sha256(presented.encode()).digest()
        with self._lock:
            hit = self._keys.get(cache_key)
            if hit and hit[1] > time.monotonic():
                return hit[0]
        key = keys.verify(get_backend(), presented)
        if key is not None and self.ttl > 0:
            with self._lock:
                if len(self._keys) > 10_000:
                    self._keys.clear()
                self._keys[cache_key] = (key, time.monotonic() + self.ttl)
        return key


def init_app(app):
    app.config.setdefault("KEY_CACHE_SECONDS", 5)
    app.extensions["refgraph.keys"] = KeyCache(app.config["KEY_CACHE_SECONDS"])


def _presented_key():
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("X-API-Key", "").strip() or None


def authenticate():
    address = request.remote_addr or "unknown"
    hardening.check_failures(address)
    presented = _presented_key()
    key = current_app.extensions["refgraph.keys"].get(presented) if presented else None
    if key is None:
        hardening.count_failure(address)
        abort(401, message="A valid API key is required: send 'Authorization: Bearer <key>'. "
                           "Operators create keys with 'refgraph keys create'.",
              headers={"WWW-Authenticate": 'Bearer realm="refgraph"'})
    g.key = key
    hardening.check_rate(key)
    return key


#: every role a key may have, for the views that serve each key its own data
ANY_ROLE = KEY_ROLES


def roles(*allowed):
    """Declare the roles that may call a view (``@auth.roles("operator")``,
    right above its ``def``).  They are checked as soon as the key is known,
    before the body is read: a key outside them gets 403 and learns nothing
    of the schema.  A view that serves its own user (``require_self``) still
    checks that once it has the body."""
    def mark(view):
        view.allowed_roles = allowed
        return view
    return mark


def declared_roles(endpoint, method):
    """The roles the view of ``endpoint`` declares for ``method``, or None."""
    view = current_app.view_functions.get(endpoint)
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        view = getattr(view_class, method.lower(), None)
        if view is None and method == "HEAD":
            view = getattr(view_class, "get", None)
    return getattr(view, "allowed_roles", None)


def authorize():
    """Refuse (403) a key whose role the view does not declare."""
    allowed = declared_roles(request.endpoint, request.method)
    if allowed is not None and g.key["role"] not in allowed:
        forbid()


def allow(*roles):
    """Refuse (403) unless the request's key has one of ``roles``."""
    if g.key["role"] not in roles:
        forbid()


def forbid():
    abort(403, message="This API key may not do this; it is limited to its role and user.")


def is_operator():
    return g.key["role"] == "operator"


def require_self(user_id):
    """Operators pass; merchant and member keys only for their own user."""
    if not is_operator() and g.key["user_id"] != user_id:
        forbid()
