"""Settlement with the financial institution that pays withdrawals out.

The institution is an adapter behind :class:`Institution`; the built-in
:class:`FileInstitution` writes each payout batch as a CSV file the
institution takes.  The institution confirms each payout with a callback
signed with a shared secret (:func:`sign`, :func:`verify`).

The CSV file: a header, one row per payout (``withdrawal_id,user_id,amount``
in minor units), then ``#count,<n>``, ``#total,<sum>`` and
``#sha256,<hex>`` of every line above it, so the institution can check it
received the file whole.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

#: A withdrawal as the payout file reads it: ``id``, ``user_id``, ``cash_amount``.
Payout = Mapping[str, Any]


def batch_csv(batch_id: str, withdrawals: Sequence[Payout]) -> str:
    """The payout file of a batch, as text.

    >>> print(batch_csv("b1", [{"id": "w1", "user_id": "u1", "cash_amount": 70}]), end="")
    #batch,b1
    withdrawal_id,user_id,amount
    w1,u1,70
    #count,1
    #total,70
    #sha256,3fa21ff054181d465f4157987407e91885a2b1bd5e43a1747493c85d5c1aa27d
    """
    lines = [f"#batch,{batch_id}", "withdrawal_id,user_id,amount"]
    lines += [f"{w['id']},{w['user_id']},{w['cash_amount']}" for w in withdrawals]
    lines += [f"#count,{len(withdrawals)}",
              f"#total,{sum(w['cash_amount'] for w in withdrawals)}"]
    body = "\n".join(lines) + "\n"
    return body + f"#sha256,{hashlib.sha256(body.encode()).hexdigest()}\n"


def sign(secret: str, body: bytes) -> str:
    """The signature header value for a callback body (bytes)."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str | None, body: bytes, signature: str | None) -> bool:
    if not secret or not signature:
        return False
    return hmac.compare_digest(sign(secret, body), signature)


class Institution(ABC):
    """Where payout batches go."""

    @abstractmethod
    def submit(self, batch_id: str, withdrawals: Sequence[Payout]) -> str:
        """Hand a batch over; return where it went (for the operator)."""


class FileInstitution(Institution):
    """Writes ``<folder>/<batch_id>.csv`` (mode 0600) for the institution."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def submit(self, batch_id: str, withdrawals: Sequence[Payout]) -> str:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.folder / f"{batch_id}.csv"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(batch_csv(batch_id, withdrawals))
        return str(path)


def institution(config: Mapping[str, Any]) -> Institution:
    """The institution of this configuration: a :class:`FileInstitution`
    writing into ``PAYOUT_DIR``, by default ``<DATA_DIR>/payouts``."""
    folder = config.get("PAYOUT_DIR") or Path(config["DATA_DIR"]) / "payouts"
    return FileInstitution(folder)
