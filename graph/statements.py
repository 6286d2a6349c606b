"""Statements of what passed between the platform and one institution in one
period, and their reconciliation with the institution's own statement.

A statement has one row per item: ``kind`` (``payout``: a withdrawal batched
through the institution, amount its cash part; ``financing``: an application
for consumer credit, amount the financed part; ``fee``: the institution's
fee on a disbursed application), ``reference`` (refgraph's id: the
withdrawal's or the application's), ``status`` (the withdrawal's: batched,
paid, failed; the application's: applied, approved, disbursed, declined,
cancelled; a fee's: charged), ``amount`` (minor units) and ``at`` (when the
item began: the batch was made, the sale was recorded).  A period's rows are
those whose ``at`` falls in it, so an item stays in one statement whatever
happens to it later; its status is the one it has when the statement is made.

The file (:func:`statement_csv`) is CSV: ``#statement,<institution>,<period>``,
the header line, the rows in (kind, reference) order, ``#count,<n>``, one
``#total,<kind>,<sum>`` per kind, then ``#sha256,<hex>`` of every line above it.
An institution sends its own statement in the same form (columns in any
order; ``kind``, ``reference``, ``status`` and ``amount`` are required, others
are ignored; the checksum line is required, so a truncated file is refused
rather than read as missing rows).  :func:`reconcile` compares the two and
reports every difference; it changes nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .errors import Refused

Row = dict[str, Any]

KINDS = ("payout", "financing", "fee")
COLUMNS = ("kind", "reference", "status", "amount", "at")
REQUIRED = ("kind", "reference", "status", "amount")
#: The largest statement refgraph reads, in rows.
MAX_ROWS = 100_000


def _key(row: Mapping[str, Any]) -> tuple[str, str]:
    return (str(row["kind"]), str(row["reference"]))


def statement_csv(institution_id: str, period: str, rows: Iterable[Mapping[str, Any]]) -> str:
    """The statement file of ``rows``, as text.

    >>> print(statement_csv("bank-a", "2026-10", [
    ...     {"kind": "payout", "reference": "w1", "status": "paid", "amount": 700, "at": 5},
    ...     {"kind": "fee", "reference": "s9", "status": "charged", "amount": 30, "at": 6}]),
    ...     end="")  # doctest: +ELLIPSIS
    #statement,bank-a,2026-10
    kind,reference,status,amount,at
    fee,s9,charged,30,6
    payout,w1,paid,700,5
    #count,2
    #total,fee,30
    #total,payout,700
    #sha256,...
    """
    ordered = sorted(rows, key=_key)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    out.write(f"#statement,{institution_id},{period}\n")
    writer.writerow(COLUMNS)
    totals: dict[str, int] = {}
    for row in ordered:
        writer.writerow([row[column] for column in COLUMNS])
        totals[row["kind"]] = totals.get(row["kind"], 0) + int(row["amount"])
    out.write(f"#count,{len(ordered)}\n")
    for kind in sorted(totals):
        out.write(f"#total,{kind},{totals[kind]}\n")
    body = out.getvalue()
    return body + f"#sha256,{hashlib.sha256(body.encode()).hexdigest()}\n"


def _invalid(problems: list[str]) -> Refused:
    error = Refused("statement_invalid", "the statement cannot be read: "
                    + "; ".join(problems[:5]) + (" …" if len(problems) > 5 else "")
                    + "; send the institution's statement file as it came, checksum line "
                    "included", "statement")
    error.details["errors"] = {"statement": problems[:50]}
    return error


def _meta(line: str, number: int, institution_id: str, period: str,
          problems: list[str]) -> int | None:
    """Check a ``#`` line; return the count it declares, if it is one."""
    parts = line[1:].split(",")
    if parts[0] == "statement" and parts[1:] != [institution_id, period]:
        problems.append(f"line {number}: the statement is of {','.join(parts[1:])}, "
                        f"not of {institution_id},{period}")
    if parts[0] == "count":
        if len(parts) != 2 or not parts[1].isdigit():
            problems.append(f"line {number}: #count needs a number")
            return None
        return int(parts[1])
    return None


def parse_statement(text: str, institution_id: str, period: str) -> list[Row]:
    """The rows of an institution's statement file; raises
    :class:`~graph.errors.Refused` (``statement_invalid``) listing every
    problem by line when the file is not a whole, well-formed statement.

    >>> text = statement_csv("bank-a", "2026-10", [
    ...     {"kind": "payout", "reference": "w1", "status": "paid", "amount": 700, "at": 5}])
    >>> parse_statement(text, "bank-a", "2026-10")
    [{'kind': 'payout', 'reference': 'w1', 'status': 'paid', 'amount': 700}]
    >>> try:
    ...     parse_statement(text.replace("700", "701", 1), "bank-a", "2026-10")
    ... except Refused as exc:
    ...     print(exc.details["errors"]["statement"])
    ['the #sha256 line does not match the lines above it: the file was changed or cut short']
    """
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    problems: list[str] = []
    checksum = next((i for i, line in enumerate(lines) if line.startswith("#sha256,")), None)
    if checksum is None:
        raise _invalid(["there is no #sha256 line: the file is not whole"])
    body = "".join(line + "\n" for line in lines[:checksum])
    if hashlib.sha256(body.encode()).hexdigest() != lines[checksum][len("#sha256,"):].strip():
        raise _invalid(["the #sha256 line does not match the lines above it: the file was "
                        "changed or cut short"])
    if any(line.strip() for line in lines[checksum + 1:]):
        problems.append(f"line {checksum + 2}: nothing may follow the #sha256 line")
    declared = None
    data: list[tuple[int, str]] = []
    for number, line in enumerate(lines[:checksum], start=1):
        if line.startswith("#"):
            count = _meta(line, number, institution_id, period, problems)
            declared = declared if count is None else count
        elif line.strip():
            data.append((number, line))
    rows = _rows(data, problems)
    if declared is not None and declared != len(rows):
        problems.append(f"#count says {declared} rows, the file has {len(rows)}")
    if problems:
        raise _invalid(problems)
    return rows


def _rows(data: Sequence[tuple[int, str]], problems: list[str]) -> list[Row]:
    if not data:
        problems.append("there is no header line (kind,reference,status,amount)")
        return []
    header_number, header_line = data[0]
    header = next(csv.reader([header_line]))
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        problems.append(f"line {header_number}: the header lacks {', '.join(missing)}")
        return []
    if len(data) - 1 > MAX_ROWS:
        problems.append(f"more than {MAX_ROWS} rows: send one period at a time")
        return []
    rows: list[Row] = []
    seen: dict[tuple[str, str], int] = {}
    for number, line in data[1:]:
        values = next(csv.reader([line]))
        if len(values) != len(header):
            problems.append(f"line {number}: {len(values)} fields, the header has {len(header)}")
            continue
        record = dict(zip(header, values, strict=True))
        row: Row = {column: record[column].strip() for column in REQUIRED}
        if row["kind"] not in KINDS:
            problems.append(f"line {number}: kind {row['kind']!r} is not one of {', '.join(KINDS)}")
        if not row["reference"]:
            problems.append(f"line {number}: the reference is empty")
        if not row["amount"].isdigit() or len(row["amount"]) > 15:
            problems.append(f"line {number}: amount {row['amount']!r} is not a whole number of "
                            "minor units")
            continue
        row["amount"] = int(row["amount"])
        key = _key(row)
        if key in seen:
            problems.append(f"line {number}: {key[0]} {key[1]} is on line {seen[key]} already")
            continue
        seen[key] = number
        rows.append(row)
    return rows


def reconcile(ours: Iterable[Mapping[str, Any]],
              theirs: Iterable[Mapping[str, Any]]) -> list[Row]:
    """Every difference between refgraph's rows and the institution's, in
    (kind, reference) order: ``missing_theirs`` (refgraph has it, the
    institution does not), ``missing_ours`` (the other way), ``amount`` and
    ``status`` (both have it, and they differ; an item can have both).
    Each is ``{kind, reference, problem, ours, theirs}``, the last two
    ``{status, amount}`` or ``None``.

    >>> mine = [{"kind": "payout", "reference": "w1", "status": "paid", "amount": 700},
    ...         {"kind": "payout", "reference": "w2", "status": "paid", "amount": 70}]
    >>> [(m["reference"], m["problem"]) for m in reconcile(mine, [
    ...     {"kind": "payout", "reference": "w1", "status": "failed", "amount": 600},
    ...     {"kind": "fee", "reference": "s1", "status": "charged", "amount": 5}])]
    [('s1', 'missing_ours'), ('w1', 'amount'), ('w1', 'status'), ('w2', 'missing_theirs')]
    >>> reconcile(mine, mine)
    []
    """
    def side(row: Mapping[str, Any] | None) -> Row | None:
        return None if row is None else {"status": row["status"], "amount": row["amount"]}

    mine = {_key(row): row for row in ours}
    other = {_key(row): row for row in theirs}
    found: list[Row] = []
    for key in sorted(set(mine) | set(other)):
        a, b = mine.get(key), other.get(key)
        problems = []
        if b is None:
            problems = ["missing_theirs"]
        elif a is None:
            problems = ["missing_ours"]
        else:
            if int(a["amount"]) != int(b["amount"]):
                problems.append("amount")
            if a["status"] != b["status"]:
                problems.append("status")
        found += [{"kind": key[0], "reference": key[1], "problem": problem,
                   "ours": side(a), "theirs": side(b)} for problem in problems]
    return found
