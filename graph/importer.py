"""``refgraph import``: an existing platform's users, sales and refunds, from
CSV or JSON Lines, with their real times.

Each import reads the whole file, validates every line first (a rejected
line is reported with its number and reason, never imported), then imports
the rest in batches through the store functions, so every business rule
holds as for the API: fees by the rules in force at each sale's time, the
platform's currency, time order, late sales.  Every operation is idempotent
on its id, so running an import again imports nothing twice (those lines
count as replayed).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .backend import Backend
from .errors import RefgraphError
from .money import MAX_AMOUNT
from .rules import RuleSet
from .store import rules as rules_store
from .store import sales as sales_store
from .store import users as users_store
from .vocabulary import BUYER, CARDHOLDER, ID_RULE, MERCHANT, USER_STATUSES, is_id, now_ms

KINDS = ("users", "sales", "refunds")
STATUSES = USER_STATUSES

Row = dict[str, Any]


@dataclass
class Report:
    """What an import did: counts, and every rejected line as ``(line, reason)``."""

    kind: str
    lines: int = 0
    created: int = 0
    replayed: int = 0
    rejects: list[tuple[int, str]] = field(default_factory=list)

    @property
    def valid(self) -> int:
        return self.lines - len(self.rejects)


def read(path: Path, fmt: str | None = None) -> Iterator[tuple[int, Row | str]]:
    """``(line number, record)`` for each record of ``path``; a record that
    cannot be read is its reason instead.  The format is ``csv`` or ``jsonl``,
    from ``fmt`` or the file's extension."""
    fmt = fmt or ("csv" if path.suffix.lower() == ".csv" else "jsonl")
    with path.open(newline="", encoding="utf-8") as handle:
        if fmt == "csv":
            reader = csv.DictReader(handle)
            for record in reader:
                if None in record:
                    yield reader.line_num, "more fields than the header names"
                    continue
                yield reader.line_num, {k.strip(): (v.strip() if v and v.strip() else None)
                                        for k, v in record.items()}
            return
        for number, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except ValueError as exc:
                yield number, f"not JSON: {exc}"
                continue
            yield number, record if isinstance(record, dict) else "not a JSON object"


def parse_time(value: Any) -> int:
    """Epoch milliseconds from an integer, or an ISO 8601 time (UTC if it
    names no zone, e.g. ``2026-08-01`` or ``2026-08-01T09:30:00+08:00``).

    >>> parse_time("2026-08-01"), parse_time(1_785_542_400_000), parse_time("1785542400000")
    (1785542400000, 1785542400000, 1785542400000)
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    if not isinstance(value, str):
        raise ValueError("a time is epoch milliseconds or an ISO 8601 time")
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{value!r} is not a time; use epoch ms or ISO 8601") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return int(moment.timestamp() * 1000)


def _amount(value: Any) -> int:
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_AMOUNT:
        raise ValueError(f"amount must be whole minor units, 1 to {MAX_AMOUNT}")
    return value


def _id(record: Row, name: str, required: bool = True) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        if required:
            raise ValueError(f"{name} is missing")
        return None
    if not is_id(value):
        raise ValueError(f"{name} must be {ID_RULE}")
    return value


def _roles(value: Any) -> list[str]:
    if value is None:
        return [BUYER]
    roles = value if isinstance(value, list) else re.split(r"[;, ]+", str(value).strip())
    roles = [r for r in roles if r]
    if not roles or any(r not in (BUYER, MERCHANT) for r in roles):
        raise ValueError("roles are buyer and/or merchant (a card holder has "
                         "card_holder_since)")
    return sorted(set(roles))


# -- validation ---------------------------------------------------------------

def _valid_user(record: Row, now: int) -> Row:
    joined = record.get("joined_at")
    if joined is None:
        raise ValueError("joined_at is missing")
    since = record.get("card_holder_since")
    user: Row = {"id": _id(record, "id"), "name": record.get("name"),
                 "roles": _roles(record.get("roles")), "referrer": record.get("referrer"),
                 "joined_at": parse_time(joined), "status": record.get("status") or "active",
                 "card_since": None if since in (None, "") else parse_time(since)}
    if not isinstance(user["name"], str) or not 1 <= len(user["name"]) <= 200:
        raise ValueError("name is missing (1 to 200 characters)")
    if user["joined_at"] > now:
        raise ValueError("joined_at is in the future")
    if user["card_since"] is not None and not user["joined_at"] <= user["card_since"] <= now:
        raise ValueError("card_holder_since must be between joined_at and now")
    if user["status"] not in STATUSES:
        raise ValueError(f"status is one of {', '.join(STATUSES)}")
    if user["referrer"] is not None and not isinstance(user["referrer"], str):
        raise ValueError("referrer is a user id or a referral code")
    return user


def _valid_sale(record: Row, now: int, currency: str) -> Row:
    if record.get("at") is None:
        raise ValueError("at is missing")
    sale: Row = {"id": _id(record, "id"), "merchant_id": _id(record, "merchant_id"),
            "buyer_id": _id(record, "buyer_id", required=False),
            "amount": _amount(record.get("amount")),
            "currency": record.get("currency") or currency,
            "at": parse_time(record.get("at")), "items": record.get("items")}
    if sale["at"] > now:
        raise ValueError("at is in the future")
    if sale["currency"] != currency:
        raise ValueError(f"currency_mismatch: this platform keeps its money in {currency}")
    return sale


def _valid_refund(record: Row, now: int, currency: str) -> Row:
    if record.get("at") is None:
        raise ValueError("at is missing")
    refund: Row = {"id": _id(record, "id"), "sale_id": _id(record, "sale_id"),
                   "amount": _amount(record.get("amount")), "at": parse_time(record.get("at")),
                   "reason": record.get("reason")}
    if refund["at"] > now:
        raise ValueError("at is in the future")
    if (record.get("currency") or currency) != currency:
        raise ValueError(f"currency_mismatch: this platform keeps its money in {currency}")
    return refund


def validate(kind: str, path: Path, backend: Backend, fmt: str | None = None,
             now: int | None = None) -> tuple[list[tuple[int, Row]], Report]:
    """The valid records of ``path`` with their line numbers (users in an
    order where each comes after its referrer), and a report of the rest."""
    now = now or now_ms()
    report = Report(kind)
    valid: list[tuple[int, Row]] = []
    seen: dict[str, int] = {}
    for number, record in read(path, fmt):
        report.lines += 1
        if isinstance(record, str):
            report.rejects.append((number, record))
            continue
        try:
            if kind == "users":
                item = _valid_user(record, now)
            elif kind == "sales":
                item = _valid_sale(record, now, backend.currency)
            else:
                item = _valid_refund(record, now, backend.currency)
        except ValueError as exc:
            report.rejects.append((number, str(exc)))
            continue
        if item["id"] in seen:
            report.rejects.append((number, f"duplicate id {item['id']!r} (first on line "
                                           f"{seen[item['id']]})"))
            continue
        seen[item["id"]] = number
        valid.append((number, item))
    if kind == "users":
        versions = rules_store.timeline(backend)
        valid = _referrers_first(valid, report,
                                 lambda at: rules_store.pick(versions, at).referrers)
    report.rejects.sort()
    return valid, report


def _could_refer(referrer: Row, at: int, referrers: tuple[str, ...]) -> bool:
    """Whether ``referrer`` (a user of the file) held a role that may refer
    at ``at``: a root always; a card holder only from ``card_since`` on (the
    graph keeps no history of roles, so this is checked here, where the
    file's times are known).

    >>> shop = {"referrer": "x", "roles": ["merchant"], "card_since": None}
    >>> holder = {"referrer": "x", "roles": ["buyer"], "card_since": 100}
    >>> _could_refer(shop, 50, ("cardholder", "merchant")), _could_refer(holder, 50, ("cardholder",))
    (True, False)
    >>> _could_refer(holder, 100, ("cardholder",))
    True
    """
    if referrer["referrer"] is None:
        return True
    roles = set(referrer["roles"])
    if referrer["card_since"] is not None and referrer["card_since"] <= at:
        roles.add(CARDHOLDER)
    return bool(roles & set(referrers))


def _referrers_first(valid: list[tuple[int, Row]], report: Report,
                     referrers_at: Callable[[int], tuple[str, ...]]) -> list[tuple[int, Row]]:
    """Users ordered so each comes after its referrer in the file; users in a
    referral cycle, those who joined before their referrer or before it could
    refer (``referrers_at(time)``: the roles that may refer then), and those
    below a rejected referrer, are rejected."""
    by_id = {user["id"]: (number, user) for number, user in valid}
    state: dict[str, str] = {}            # id -> "ok" | "bad: reason"
    ordered: list[tuple[int, Row]] = []

    def visit(user_id: str) -> str:
        if user_id in state:
            return state[user_id] if state[user_id] != "visiting" else "bad: referral cycle"
        number, user = by_id[user_id]
        state[user_id] = "visiting"
        referrer = user["referrer"]
        verdict = "ok"
        if referrer in by_id:
            above = visit(referrer)
            parent = by_id[referrer][1]
            if above.startswith("bad"):
                verdict = ("bad: referral cycle" if above == "bad: referral cycle"
                           else f"bad: its referrer (line {by_id[referrer][0]}) is rejected")
            elif parent["joined_at"] > user["joined_at"]:
                verdict = "bad: joined before its referrer"
            elif not _could_refer(parent, user["joined_at"], referrers_at(user["joined_at"])):
                verdict = ("bad: joined before its referrer could refer (a card holder "
                           "refers from card_holder_since on; the rules' referrers are "
                           f"{', '.join(referrers_at(user['joined_at']))})")
        state[user_id] = verdict
        if verdict == "ok":
            ordered.append((number, user))
        else:
            report.rejects.append((number, verdict[5:]))
        return verdict

    for user_id in sorted(by_id, key=lambda i: (by_id[i][1]["joined_at"], by_id[i][0])):
        visit(user_id)
    return ordered


# -- import --------------------------------------------------------------------

def run(kind: str, backend: Backend, valid: list[tuple[int, Row]], report: Report, *,
        batch: int = 1_000, progress: Callable[[int], None] | None = None) -> Report:
    """Import the ``valid`` records (from :func:`validate`); what the graph
    refuses is added to the report's rejects with its line number.  Runs in
    the backend's :meth:`~graph.backend.Backend.bulk_load`."""
    with backend.bulk_load():
        _run(kind, backend, valid, report, batch, progress)
    report.rejects.sort()
    return report


def _run(kind: str, backend: Backend, valid: list[tuple[int, Row]], report: Report,
         batch: int, progress: Callable[[int], None] | None) -> None:
    if kind == "users":
        _run_users(backend, valid, report, batch, progress)
    elif kind == "sales":
        for start in range(0, len(valid), batch):
            chunk = valid[start:start + batch]
            outcomes = sales_store.record_sales(backend, [item for _, item in chunk])
            for (number, _), (_, outcome) in zip(chunk, outcomes, strict=True):
                _count(report, number, outcome, sales_store.SALE_REFUSALS.get(outcome, ("", ""))[1])
            if progress:
                progress(len(chunk))
    else:
        versions = rules_store.timeline(backend)
        for number, item in valid:
            try:
                _, created = sales_store.record_refund(
                    backend, id=item["id"], sale_id=item["sale_id"], amount=item["amount"],
                    at=item["at"], reason=item["reason"],
                    rules=rules_store.pick(versions, item["at"]))
            except RefgraphError as exc:
                report.rejects.append((number, f"{getattr(exc, 'code', 'refused')}: {exc}"))
            else:
                if created:
                    report.created += 1
                else:
                    report.replayed += 1
            if progress:
                progress(1)


def _count(report: Report, number: int, outcome: str, message: str) -> None:
    if outcome == "created":
        report.created += 1
    elif outcome == "replayed":
        report.replayed += 1
    else:
        report.rejects.append((number, f"{outcome}: {message}".rstrip(": ")))


def _run_users(backend: Backend, valid: list[tuple[int, Row]], report: Report, batch: int,
               progress: Callable[[int], None] | None) -> None:
    """Users in batches of one statement (users.register_many), each batch
    under one rule-set version (who may refer), in join order."""
    versions = rules_store.timeline(backend)
    chunks: list[tuple[RuleSet, list[tuple[int, Row]]]] = []
    for number, user in valid:
        rules = rules_store.pick(versions, user["joined_at"])
        if not chunks or chunks[-1][0] is not rules or len(chunks[-1][1]) >= batch:
            chunks.append((rules, []))
        chunks[-1][1].append((number, user))
    for rules, chunk in chunks:
        # the referrer is sought both as an id and as a referral code
        items = [{"id": u["id"], "name": u["name"], "roles": u["roles"],
                  "root": u["referrer"] is None, "referrer_id": u["referrer"],
                  "referral_code": u["referrer"], "at": u["joined_at"],
                  "card_since": u["card_since"]} for _, u in chunk]
        answers = users_store.register_many(backend, items, rules)
        for (number, user), (_, outcome, saved) in zip(chunk, answers, strict=True):
            message = users_store.REFUSALS.get(outcome, ("", ""))[1]
            _count(report, number, outcome, message)
            if (saved is not None and user["status"] != "active"
                    and saved.get("status") != user["status"]):
                users_store.set_status(backend, user["id"], user["status"], reason="imported",
                                       at=user["joined_at"])
        if progress:
            progress(len(chunk))


def write_rejects(path: Path, report: Report) -> None:
    """One line per rejected record: ``line<TAB>reason``, after a header."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("line\treason\n")
        for number, reason in report.rejects:
            handle.write(f"{number}\t{reason}\n")
