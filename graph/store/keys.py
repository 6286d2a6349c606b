"""API keys: ``rgk_<id>_<secret>``.  Only the SHA-256 of the secret is stored;
the whole key is shown once, when it is created."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from typing import Any

from ..backend import Backend, Row
from ..errors import NotFound, Refused
from ..vocabulary import KEY_ROLES, MERCHANT, OPERATOR, now_ms
from . import users


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create(backend: Backend, role: str, user_id: str | None = None,
           name: str | None = None) -> tuple[str, Row]:
    """Create a key; returns ``(plaintext_key, record)``."""
    if role not in KEY_ROLES:
        raise Refused("invalid_role", f"role must be one of {list(KEY_ROLES)}", "role")
    if role == OPERATOR and user_id:
        raise Refused("invalid_binding", "operator keys are not bound to a user", "user_id")
    if role != OPERATOR:
        if not user_id:
            raise Refused("invalid_binding", f"a {role} key needs --user ID", "user_id")
        user = users.get(backend, user_id)
        if role == MERCHANT and MERCHANT not in user["roles"]:
            raise Refused("invalid_binding", f"user {user_id!r} is not a merchant", "user_id")
    key_id, secret = secrets.token_hex(6), secrets.token_urlsafe(24)
    row = backend.write_one("api_key_create", id=key_id, hash=_digest(secret), role=role,
                            user_id=user_id, name=name, at=now_ms())
    assert row is not None  # the CREATE answers with the key
    return f"rgk_{key_id}_{secret}", row["key"]


def verify(backend: Backend, presented: str | None) -> Row | None:
    """The key record for a presented key, or ``None`` (unknown, wrong, revoked)."""
    parts = presented.split("_", 2) if presented else []
    if len(parts) != 3 or parts[0] != "rgk":
        return None
    row = backend.read_one("api_key_get", id=parts[1])
    if row is None:
        return None
    key = row["key"]
    if key["revoked_at"] is not None or not hmac.compare_digest(key["hash"], _digest(parts[2])):
        return None
    return _without_hash(key)


def get(backend: Backend, key_id: str) -> Row | None:
    """The record of key ``key_id``, revoked or not, or ``None``; never its hash."""
    row = backend.read_one("api_key_get", id=key_id)
    return None if row is None else _without_hash(row["key"])


def _without_hash(key: Mapping[str, Any]) -> Row:
    return {k: v for k, v in key.items() if k != "hash"}


def revoke(backend: Backend, key_id: str) -> Row:
    if key_id.startswith("rgk_"):
        key_id = key_id.split("_", 2)[1]
    row = backend.write_one("api_key_revoke", id=key_id, at=now_ms())
    if row is None:
        raise NotFound(f"no API key {key_id!r}; 'refgraph keys list' shows them")
    return row["key"]


def list_keys(backend: Backend) -> list[Row]:
    return [row["key"] for row in backend.read("api_key_list")]


