"""Request fingerprints for idempotency.

A client may send the same operation twice (a retry after a timeout).  The
first request stores the fingerprint of its body next to what it created; a
repeat with the same id and fingerprint gets the same answer and changes
nothing, and the same id with a different fingerprint is a conflict.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def fingerprint(payload: Any) -> str:
    """A stable SHA-256 hex digest of a JSON-compatible payload.

    >>> fingerprint({"b": 1, "a": [1, 2]}) == fingerprint({"a": [1, 2], "b": 1})
    True
    """
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
