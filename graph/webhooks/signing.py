"""Webhook signatures: HMAC-SHA256 over the timestamp and the body.

Each request carries ``X-Refgraph-Signature: t=<unix seconds>,v1=<hex>``
where the hex is ``HMAC-SHA256(secret, "<t>." + body)``.  After a secret is
rotated, the previous one signs too for a while (a second ``v1=``), so a
receiver that still has the old secret keeps accepting deliveries until it
switches.  A receiver checks that ``t`` is recent (:data:`TOLERANCE`) to
refuse replays, and compares in constant time (:func:`verify`; the README
shows the same check in ten lines of plain Python).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Iterable

#: the header carrying the signatures
HEADER = "X-Refgraph-Signature"
#: how old a signature a receiver accepts, in seconds (and how far ahead)
TOLERANCE = 300
#: signing secrets start with this, so they are recognisable in a leak scan
SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    """A new signing secret: ``whsec_`` and 32 random bytes in URL-safe base64."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of ``"<timestamp>." + body`` under ``secret``.

    >>> signature("whsec_test", 1700000000, b'{"id":"e1"}')
    '6a85cb117c993612a34c72b4cfb5a16baed25a80d26e298ce0e6671320fd07c8'
    """
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def header(secrets_: Iterable[str], timestamp: int, body: bytes) -> str:
    """The signature header's value: the time, then one ``v1=`` per secret."""
    parts = [f"t={timestamp}"] + [f"v1={signature(s, timestamp, body)}" for s in secrets_]
    return ",".join(parts)


def verify(secret: str, value: str | None, body: bytes, now: float | None = None,
           tolerance: int = TOLERANCE) -> bool:
    """Whether the header ``value`` signs ``body`` with ``secret``, made
    within ``tolerance`` seconds of ``now``.

    >>> h = header(["whsec_a"], 1700000000, b"{}")
    >>> verify("whsec_a", h, b"{}", now=1700000010), verify("whsec_b", h, b"{}", now=1700000010)
    (True, False)
    >>> verify("whsec_a", h, b"{}", now=1700000000 + 301)   # too old: a replay
    False
    """
    if not value:
        return False
    fields = [part.split("=", 1) for part in value.split(",") if "=" in part]
    stamps = [v for k, v in fields if k.strip() == "t"]
    if len(stamps) != 1 or not stamps[0].strip().isdigit():
        return False
    timestamp = int(stamps[0])
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        return False
    expected = signature(secret, timestamp, body)
    return any(hmac.compare_digest(expected, v.strip()) for k, v in fields if k.strip() == "v1")
