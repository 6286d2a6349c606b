"""Partner financial institutions, their secrets, statements and reconciliations.

An institution is registered by an operator with what it does (``payouts``,
``consumer_credit`` or both), the platform's currency, its per-buyer limit
on undecided financing and its fee on each disbursement.  It gets a signing
secret, shown to the request that made it (and to that request's retries
with the same id), never again: the database keeps only a salt, and the
secret is derived from it under the master key (:mod:`graph.settlement`).
A rotation gives a new secret and keeps the old one verifying for
:data:`~graph.settlement.OVERLAP_MS` (24 hours), so the institution can
switch without a gap; a second rotation within that time ends the first
one's overlap at once (only one previous secret is kept).

A statement lists what passed between the platform and the institution in a
period (:mod:`graph.statements`); a reconciliation compares it with the
institution's own and records each mismatch, changing nothing else.
Operators resolve mismatches one by one, with a reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from ..backend import Backend, Row
from ..errors import ConfigurationError, NotFound, Refused
from ..fingerprint import fingerprint
from ..money import BP
from ..rules import period_bounds
from ..settlement import OVERLAP_MS, derive_secret, key_id, new_salt
from ..statements import parse_statement, reconcile, statement_csv
from ..vocabulary import DISBURSED, INSTITUTION_SERVICES, INSTITUTION_STATUSES, now_ms
from . import Outcomes, missing, refuse, taken
from .platform import check_currency

REGISTER = Outcomes("institution_register", ("created", "replayed"),
                    {"id_taken": taken("institution")})
ROTATE = Outcomes("institution_rotate_secret", ("rotated", "replayed"), {
    "superseded": refuse("id", "rotation {change_id!r} was made and a later rotation replaced "
                               "it; its secret is no longer shown: rotate again with a new id",
                         status=409)})
RECORD = Outcomes("reconciliation_record", ("created", "replayed"),
                  {"id_taken": taken("reconciliation")})
RESOLVE = Outcomes("mismatch_resolve", ("resolved", "replayed"), {
    "unknown_mismatch": missing("reconciliation {reconciliation_id!r} has no mismatch {n}; "
                                "check both"),
    "already_resolved": refuse("reason", "mismatch {n} was resolved already: "
                                         "{mismatch[resolution]!r}", status=409),
})

#: What is never answered outside this module: how secrets are derived.
_INTERNAL = ("salt", "key_id", "previous_salt", "secret_change")
MAX_BUYER_LIMIT = 10**12


def public(record: Mapping[str, Any]) -> Row:
    """An institution record without what its secrets are derived from."""
    return {k: v for k, v in record.items() if k not in _INTERNAL}


def _check_fields(services: Sequence[str] | None, fee_bp: int | None,
                  buyer_limit: int | None) -> None:
    errors: dict[str, list[str]] = {}
    if services is not None and (not services or any(s not in INSTITUTION_SERVICES
                                                     for s in services)
                                 or len(set(services)) != len(services)):
        errors["services"] = [f"list one or more of {', '.join(INSTITUTION_SERVICES)}, "
                              "each once"]
    if fee_bp is not None and not 0 <= fee_bp <= BP:
        errors["fee_bp"] = [f"basis points from 0 to {BP}"]
    if buyer_limit is not None and not 1 <= buyer_limit <= MAX_BUYER_LIMIT:
        errors["buyer_limit"] = [f"minor units from 1 to {MAX_BUYER_LIMIT}, or null for none"]
    if errors:
        field, messages = next(iter(errors.items()))
        error = Refused("invalid_institution", f"{field}: {messages[0]}", field)
        error.details["errors"] = errors
        raise error


def _secret(master: bytes, record: Mapping[str, Any], salt: str) -> str:
    if record.get("key_id") != key_id(master):
        raise ConfigurationError(
            f"institution {record['id']!r}'s secret was made under master key "
            f"{record.get('key_id')}, but this refgraph's key is {key_id(master)}: set "
            "REFGRAPH_INSTITUTION_KEY to the key it was made under (or rotate the "
            "institution's secret, which hands it a new one)")
    return derive_secret(master, salt)


def register(backend: Backend, master: bytes, *, id: str, name: str, services: Sequence[str],
             currency: str | None = None, buyer_limit: int | None = None, fee_bp: int = 0,
             at: int | None = None) -> tuple[Row, str | None, bool]:
    """Register an institution.  Returns ``(institution, secret, created)``;
    the secret is given to the registration and its replays while it is the
    institution's first, else ``None``."""
    check_currency(backend, currency)
    _check_fields(services, fee_bp, buyer_limit)
    request = {"id": id, "name": name, "services": sorted(services),
               "currency": backend.currency, "buyer_limit": buyer_limit, "fee_bp": fee_bp}
    row = backend.write_one(
        "institution_register", id=id, name=name, services=sorted(services),
        currency=backend.currency, buyer_limit=buyer_limit, fee_bp=fee_bp, at=at or now_ms(),
        salt=new_salt(), key_id=key_id(master), request_hash=fingerprint(request))
    outcome, row = REGISTER.settle(backend, row, id=id)
    record = row["institution"]
    secret = _secret(master, record, record["salt"]) if record["secret_change"] == "register" \
        else None
    return public(record), secret, outcome == "created"


def _get(backend: Backend, institution_id: str) -> Row:
    row = backend.read_one("institution_get", id=institution_id)
    if row is None:
        raise NotFound(f"no institution {institution_id!r}; 'refgraph institutions list' or "
                       "GET /v1/institutions shows them")
    return row["institution"]


def get(backend: Backend, institution_id: str) -> Row:
    return public(_get(backend, institution_id))


def list_institutions(backend: Backend, after: str | None = None, limit: int = 50) -> list[Row]:
    return [row["institution"] for row in backend.read("institution_list", after=after,
                                                       limit=limit)]


def secrets_of(backend: Backend, master: bytes, institution_id: str,
               now: int | None = None) -> tuple[Row, list[str]]:
    """The institution and the secrets its signatures may be made with now:
    the current one, and the previous one during its overlap."""
    record = _get(backend, institution_id)
    found = [_secret(master, record, record["salt"])]
    if record.get("previous_salt") and (record.get("previous_until") or 0) > (now or now_ms()):
        found.append(_secret(master, record, record["previous_salt"]))
    return public(record), found


def update(backend: Backend, institution_id: str, *, name: str | None = None,
           services: Sequence[str] | None = None, status: str | None = None,
           status_reason: str | None = None, fee_bp: int | None = None,
           buyer_limit: int | None = None, set_buyer_limit: bool = False,
           at: int | None = None) -> Row:
    """Change what is given; ``buyer_limit`` only with ``set_buyer_limit``
    (so that ``None``, no limit, can be set)."""
    _check_fields(services, fee_bp, buyer_limit)
    if status is not None and status not in INSTITUTION_STATUSES:
        raise Refused("invalid_institution", f"status is one of {', '.join(INSTITUTION_STATUSES)}",
                      "status")
    row = backend.write_one(
        "institution_update", id=institution_id, name=name,
        services=sorted(services) if services is not None else None, status=status,
        status_reason=status_reason, fee_bp=fee_bp, buyer_limit=buyer_limit,
        set_buyer_limit=set_buyer_limit, at=at or now_ms())
    if row is None:
        _get(backend, institution_id)  # raises NotFound
    assert row is not None
    return row["institution"]


def rotate_secret(backend: Backend, master: bytes, institution_id: str, change_id: str,
                  at: int | None = None) -> tuple[Row, str, bool]:
    """A new secret for the institution, the old one valid for the overlap.
    Idempotent on ``change_id``: a retry gets the same secret while it is the
    current one.  Returns ``(institution, secret, rotated)``."""
    at = at or now_ms()
    row = backend.write_one(
        "institution_rotate_secret", id=institution_id, change_id="rotate:" + change_id,
        salt=new_salt(), key_id=key_id(master), at=at, previous_until=at + OVERLAP_MS)
    if row is None:
        _get(backend, institution_id)
    outcome, row = ROTATE.settle(backend, row, change_id=change_id)
    record = row["institution"]
    return public(record), _secret(master, record, record["salt"]), outcome == "rotated"


# -- statements and reconciliations ------------------------------------------------

def statement_rows(backend: Backend, institution_id: str, period: str) -> list[Row]:
    """The rows of the institution's statement for ``period`` (see
    :mod:`graph.statements`)."""
    _get(backend, institution_id)
    start, end = period_bounds(period)
    params = {"institution_id": institution_id, "start": start, "end": end}
    rows: list[Row] = []
    for payout in backend.read("statement_payouts", **params):
        rows.append({"kind": "payout", "reference": payout["reference"],
                     "status": payout["status"], "amount": payout["amount"],
                     "at": payout["at"]})
    for item in backend.read("statement_financing", **params):
        rows.append({"kind": "financing", "reference": item["reference"],
                     "status": item["status"], "amount": item["amount"], "at": item["at"]})
        if item["status"] == DISBURSED and item["fee"]:
            rows.append({"kind": "fee", "reference": item["reference"], "status": "charged",
                         "amount": item["fee"], "at": item["at"]})
    return sorted(rows, key=lambda row: (row["kind"], row["reference"]))


def statement(backend: Backend, institution_id: str, period: str) -> tuple[list[Row], str]:
    """``(rows, file text)`` of the institution's statement for ``period``."""
    rows = statement_rows(backend, institution_id, period)
    return rows, statement_csv(institution_id, period, rows)


_SIDES = ("status", "amount")


def record_reconciliation(backend: Backend, *, id: str, institution_id: str, period: str,
                          text: str, recorded_by: str,
                          at: int | None = None) -> tuple[Row, list[Row], bool]:
    """Reconcile the institution's statement ``text`` for ``period`` with
    refgraph's and record what differs.  Returns ``(reconciliation,
    mismatches, created)``; a replay returns what the first run found."""
    ours = statement_rows(backend, institution_id, period)
    theirs = parse_statement(text, institution_id, period)
    found = reconcile(ours, theirs)
    checksum = hashlib.sha256(text.encode()).hexdigest()   # of the file as it was sent
    mismatches = [{"n": n, "kind": m["kind"], "reference": m["reference"],
                   "problem": m["problem"],
                   **{f"ours_{k}": (m["ours"] or {}).get(k) for k in _SIDES},
                   **{f"theirs_{k}": (m["theirs"] or {}).get(k) for k in _SIDES}}
                  for n, m in enumerate(found, start=1)]
    request = {"institution_id": institution_id, "period": period, "sha256": checksum}
    row = backend.write_one(
        "reconciliation_record", id=id, institution_id=institution_id, period=period,
        at=at or now_ms(), statement_sha256=checksum, ours=len(ours), theirs=len(theirs),
        mismatches=mismatches, recorded_by=recorded_by, request_hash=fingerprint(request))
    outcome, row = RECORD.settle(backend, row, id=id)
    reconciliation, items = get_reconciliation(backend, row["reconciliation"]["id"])
    return reconciliation, items, outcome == "created"


def get_reconciliation(backend: Backend, reconciliation_id: str) -> tuple[Row, list[Row]]:
    row = backend.read_one("reconciliation_get", id=reconciliation_id)
    if row is None:
        raise NotFound(f"no reconciliation {reconciliation_id!r}; check the id")
    return row["reconciliation"], row["items"]


def list_reconciliations(backend: Backend, institution_id: str,
                         before: Sequence[Any] | None = None, limit: int = 50) -> list[Row]:
    before_at, before_id = before if before else (None, None)
    return [row["reconciliation"] for row in backend.read(
        "reconciliation_list", institution_id=institution_id, before_at=before_at,
        before_id=before_id, limit=limit)]


def resolve(backend: Backend, reconciliation_id: str, n: int, reason: str, by: str,
            at: int | None = None) -> tuple[Row, bool]:
    """Record how mismatch ``n`` was resolved.  Returns ``(mismatch, resolved)``."""
    row = backend.write_one("mismatch_resolve", reconciliation_id=reconciliation_id, n=n,
                            reason=reason, by=by, at=at or now_ms())
    outcome, row = RESOLVE.settle(backend, row, reconciliation_id=reconciliation_id, n=n)
    return row["mismatch"], outcome == "resolved"
