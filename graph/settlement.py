"""Settlement with the partner financial institutions: payout files and the
signatures on their callbacks.

Payout batches are handed over through an adapter behind
:class:`Institution`; the built-in :class:`FileInstitution` writes each
batch as a CSV file the institution takes: a header (``#batch,<id>``, and
``#institution,<id>`` when the batch names one), one row per payout
(``withdrawal_id,user_id,amount`` in minor units), then ``#count,<n>``,
``#total,<sum>`` and ``#sha256,<hex>`` of every line above it, so the
institution can check it received the file whole.

**Signatures.**  Each registered institution signs its callbacks (payout
confirmations, financing decisions) with its own secret
(:func:`signature_header`, :func:`check_signature`): the header
``X-Refgraph-Signature: t=<epoch ms>,v1=<hex>`` carries the time it signed at
and the HMAC-SHA256 of ``<t>.<institution id>.<raw body>``, so a signature is
bound to its institution and its moment; refgraph refuses one more than
:data:`TOLERANCE_MS` away from its clock (a replayed callback is refused
after that, and inside it every callback is idempotent).  Several ``v1=``
values may be sent, one per secret, while a rotated secret's overlap runs.
The older scheme, ``sha256=<hex HMAC of the body>`` with the one global
``PAYOUT_SECRET`` (:func:`sign`, :func:`verify`), stays as the fallback of
one institution only (see :mod:`api.withdrawals`); it has no time in it.

**Secrets.**  An institution's secret is never stored.  The database keeps a
random salt per secret; the secret is :func:`derive_secret` of that salt
under the platform's master key (``INSTITUTION_KEY``, or the key file the
embedded database's folder gets: :func:`master_key`), which is never in the
database.  A copy of the database without the master key cannot sign or
verify anything.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import secrets
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import ConfigurationError

#: A withdrawal as the payout file reads it: ``id``, ``user_id``, ``cash_amount``.
Payout = Mapping[str, Any]


def batch_csv(batch_id: str, withdrawals: Sequence[Payout],
              institution_id: str | None = None) -> str:
    """The payout file of a batch, as text.

    >>> print(batch_csv("b1", [{"id": "w1", "user_id": "u1", "cash_amount": 70}]), end="")
    #batch,b1
    withdrawal_id,user_id,amount
    w1,u1,70
    #count,1
    #total,70
    #sha256,3fa21ff054181d465f4157987407e91885a2b1bd5e43a1747493c85d5c1aa27d
    >>> batch_csv("b2", [], "bank-a").splitlines()[:2]
    ['#batch,b2', '#institution,bank-a']
    """
    lines = [f"#batch,{batch_id}"] + ([f"#institution,{institution_id}"] if institution_id
                                      else []) + ["withdrawal_id,user_id,amount"]
    lines += [f"{w['id']},{w['user_id']},{w['cash_amount']}" for w in withdrawals]
    lines += [f"#count,{len(withdrawals)}",
              f"#total,{sum(w['cash_amount'] for w in withdrawals)}"]
    body = "\n".join(lines) + "\n"
    return body + f"#sha256,{hashlib.sha256(body.encode()).hexdigest()}\n"


def sign(secret: str, body: bytes) -> str:
    """The signature header value for a callback body (bytes)."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str | None, body: bytes, signature: str | None) -> bool:
    """The global secret's scheme (no time, no institution): see the module."""
    if not secret or not signature:
        return False
    # compared as bytes: a header may carry any Latin-1 text, and
    # compare_digest refuses non-ASCII str
    return hmac.compare_digest(sign(secret, body).encode(), signature.encode("utf-8", "replace"))


# -- per-institution secrets and timestamped signatures -------------------------

#: How far the time in a signature may be from refgraph's clock, either way.
TOLERANCE_MS = 300_000
#: How long the secret an institution had before a rotation keeps verifying.
OVERLAP_MS = 24 * 3_600_000
#: Bytes of randomness in a salt, and in a generated master key.
KEY_BYTES = 32
KEY_FILE = "institution.key"


def new_salt() -> str:
    """A fresh random salt for a new secret."""
    return secrets.token_hex(KEY_BYTES)


def derive_secret(master: bytes, salt: str) -> str:
    """The signing secret of salt ``salt`` under ``master``: HMAC-SHA256 of
    the salt, written ``rgs_<base64url>`` (the text both sides use as the
    HMAC key).

    >>> secret = derive_secret(b"k" * 32, "00" * 32)
    >>> secret.startswith("rgs_"), len(secret), secret == derive_secret(b"k" * 32, "00" * 32)
    (True, 47, True)
    >>> secret == derive_secret(b"K" * 32, "00" * 32)
    False
    """
    return derive(master, "institution secret", salt, "rgs_")


def derive(master: bytes, purpose: str, salt: str, prefix: str) -> str:
    """``prefix`` and the base64url HMAC-SHA256 of ``refgraph <purpose>|<salt>``
    under ``master``: a value only the master key's holder can make again
    from the salt the database keeps (institution secrets, voucher
    redemption tokens)."""
    digest = hmac.new(master, f"refgraph {purpose}|{salt}".encode(), hashlib.sha256).digest()
    return prefix + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def key_id(master: bytes) -> str:
    """A short public name of a master key, kept beside each salt so that a
    database opened with another key says so instead of refusing every
    signature."""
    return hashlib.sha256(b"refgraph key id|" + master).hexdigest()[:16]


def _decode_key(text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) < KEY_BYTES:
        raise ConfigurationError(
            "INSTITUTION_KEY must be at least 32 random bytes written in base64url; make one "
            "with: python3 -c 'import secrets; print(secrets.token_urlsafe(32))'")
    return raw


def master_key(setting: str | None, data_dir: str | os.PathLike[str] | None) -> bytes:
    """The master key institution secrets are derived under: ``setting``
    (``INSTITUTION_KEY``, base64url), else the file ``institution.key`` in
    ``data_dir`` (the embedded database's folder), made with mode 0600 on
    first use.  Without either (a remote database and no setting) it is a
    :class:`~graph.errors.ConfigurationError`: every process must use the
    same key, which only the setting can promise across machines."""
    if setting:
        return _decode_key(str(setting))
    if data_dir is None:
        raise ConfigurationError(
            "set REFGRAPH_INSTITUTION_KEY (the same value in every refgraph process) to "
            "register institutions and verify their signatures with a remote database; make "
            "one with: python3 -c 'import secrets; print(secrets.token_urlsafe(32))'")
    path = Path(data_dir) / KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _decode_key(path.read_text())
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(KEY_BYTES) + "\n")
    return _decode_key(path.read_text())


def signed_payload(at: int, institution_id: str, body: bytes) -> bytes:
    """What a timestamped signature covers: ``<at>.<institution id>.<body>``."""
    return f"{at}.{institution_id}.".encode() + body


def signature_header(secrets_: Sequence[str], institution_id: str, body: bytes,
                     at: int) -> str:
    """The ``X-Refgraph-Signature`` value for ``body`` signed at ``at`` (epoch
    ms) with each of ``secrets_`` (one ``v1=`` per secret).

    >>> mac = hmac.new(b"s", b"1.bank-a.{}", hashlib.sha256).hexdigest()
    >>> signature_header(["s"], "bank-a", b"{}", 1) == "t=1,v1=" + mac
    True
    """
    payload = signed_payload(at, institution_id, body)
    macs = [hmac.new(s.encode(), payload, hashlib.sha256).hexdigest() for s in secrets_]
    return f"t={at}," + ",".join(f"v1={mac}" for mac in macs)


_ITEM = re.compile(r"^(t|v1)=([0-9a-f]{1,64}|[0-9]{1,16})$")


def check_signature(secrets_: Sequence[str], institution_id: str, body: bytes,
                    header: str | None, now: int, tolerance: int = TOLERANCE_MS) -> str | None:
    """``None`` when ``header`` is a valid signature of ``body`` by one of
    ``secrets_`` made within ``tolerance`` ms of ``now``; else why not, as a
    sentence for the 401's message.

    >>> header = signature_header(["s"], "bank-a", b"{}", 1_000_000)
    >>> check_signature(["old", "s"], "bank-a", b"{}", header, now=1_000_000) is None
    True
    >>> check_signature(["s"], "bank-b", b"{}", header, now=1_000_000)
    'the signature does not match the body, the institution and the time'
    >>> check_signature(["s"], "bank-a", b"{}", header, now=1_000_000 + TOLERANCE_MS + 1)
    'the signature was made at 1000000, more than 300 s from now: sign each callback when it is sent'
    """
    if not header:
        return "the X-Refgraph-Signature header is missing"
    parts = [part.strip() for part in header.split(",")]
    items = [_ITEM.match(part) for part in parts]
    if not parts or not all(items):
        return "the X-Refgraph-Signature header is not t=<epoch ms>,v1=<hex>"
    times = [m.group(2) for m in items if m and m.group(1) == "t"]
    macs = [m.group(2) for m in items if m and m.group(1) == "v1"]
    if len(times) != 1 or not times[0].isdigit() or not macs:
        return "the X-Refgraph-Signature header needs one t= and at least one v1="
    at = int(times[0])
    if abs(now - at) > tolerance:
        return (f"the signature was made at {at}, more than {tolerance // 1000} s from now: "
                "sign each callback when it is sent")
    payload = signed_payload(at, institution_id, body)
    for secret in secrets_:
        expected = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
        if any(hmac.compare_digest(expected, mac) for mac in macs):
            return None
    return "the signature does not match the body, the institution and the time"


class Institution(ABC):
    """Where payout batches go."""

    @abstractmethod
    def submit(self, batch_id: str, withdrawals: Sequence[Payout],
               institution_id: str | None = None) -> str:
        """Hand a batch over; return where it went (for the operator)."""


class FileInstitution(Institution):
    """Writes ``<folder>/<batch_id>.csv`` (mode 0600) for the institution."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def submit(self, batch_id: str, withdrawals: Sequence[Payout],
               institution_id: str | None = None) -> str:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.folder / f"{batch_id}.csv"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(batch_csv(batch_id, withdrawals, institution_id))
        return str(path)


def institution(config: Mapping[str, Any]) -> Institution:
    """The institution of this configuration: a :class:`FileInstitution`
    writing into ``PAYOUT_DIR``, by default ``<DATA_DIR>/payouts``."""
    folder = config.get("PAYOUT_DIR") or Path(config["DATA_DIR"]) / "payouts"
    return FileInstitution(folder)
