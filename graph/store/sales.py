"""Sales, refunds and the fees and points they carry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import coalesce
from ..backend import Backend, check_params

if TYPE_CHECKING:
    from ..rules import RuleSet

Row = dict[str, Any]

from ..errors import (
    BackendError,
    BackendUnavailable,
    NotFound,
    Refused,
    RulesChanged,
    UnknownUser,
)
from ..fingerprint import fingerprint
from ..money import fee_for, points_for
from ..rules import next_period, period_of
from ..vocabulary import COMPLETED, RUNNING, now_ms
from . import Outcomes, missing, redemptions, refuse, taken
from . import rules as rules_store
from .platform import check_currency

SALE_REFUSALS = {
    "unknown_merchant": ("merchant_id", "no such merchant; check the id"),
    "not_a_merchant": ("merchant_id", "this user is not a merchant"),
    "merchant_inactive": ("merchant_id", "the merchant's account is not active"),
    "before_merchant_joined": ("at", "the sale is dated before its merchant joined; "
                                     "check the time (epoch ms, UTC)"),
    "unknown_buyer": ("buyer_id", "no such buyer; check the id or leave it out"),
    "buyer_inactive": ("buyer_id", "the buyer's account is not active"),
    "before_buyer_joined": ("at", "the sale is dated before its buyer joined; "
                                  "check the time (epoch ms, UTC)"),
    "period_closed": ("at", "the sale is dated in a period whose reward run has run; under the "
                            "rule late_sales = refuse it is refused: date it in an open period, "
                            "or set late_sales to carry"),
}
#: the message of a late sale or refund refused, naming the first open period
PERIOD_CLOSED = ("period {period} is closed: its reward run has run, and under the rule "
                 "late_sales = refuse what is dated in it is refused; the first open period "
                 "is {first_open} (date it there, or set late_sales to carry to count it there)")


def _voucher_unusable(outcome: str, row: Row, context: dict[str, Any]) -> Refused:
    error = Refused(outcome, "some vouchers cannot pay: unknown, not the buyer's, expired, "
                    "revoked or without enough value left", "vouchers")
    error.details["errors"] = {"vouchers": {v: ["cannot pay this amount"]
                                            for v in row["bad_vouchers"]}}
    return error


_SALE_REFUSALS = {outcome: refuse(field, message)
                  for outcome, (field, message) in SALE_REFUSALS.items()}
_SALE_REFUSALS["period_closed"] = refuse("at", PERIOD_CLOSED)
#: refusals of a financed sale (graph/store/financing.py), by the statement
FINANCING_REFUSALS = {
    "unknown_institution": refuse("financing", "no institution {institution_id!r}; check the "
                                               "id (GET /v1/institutions lists them)"),
    "institution_inactive": refuse("financing", "institution {institution_id!r} is inactive: "
                                                "it takes no new financing"),
    "no_consumer_credit": refuse("financing", "institution {institution_id!r} does not give "
                                              "consumer credit (its services lack "
                                              "consumer_credit)"),
    "financing_limit": refuse("financing", "the buyer's undecided financing at institution "
                                           "{institution_id!r} ({undecided}) and this "
                                           "{amount} would pass its per-buyer limit: wait for "
                                           "those decisions, or finance less"),
}
SALE = Outcomes("sale_record", ("created", "replayed"), {
    "id_taken": taken("sale"), "rules_changed": lambda outcome, row, context: RulesChanged(
        "the rules changed while the sale was being recorded; nothing was written: "
        "send it again"),
    **_SALE_REFUSALS, **FINANCING_REFUSALS,
    "voucher_consent_required": lambda outcome, row, context: redemptions.unconsented(row),
    "voucher_unusable": _voucher_unusable})
#: the most installments a financed sale may be repaid in (ten years monthly)
MAX_INSTALLMENTS = 120
#: a batch reports each sale's outcome rather than raising (api/sales maps them)
SALE_BATCH = Outcomes("sale_record_batch", ("created", "replayed"),
                      {"id_taken": taken("sale"), **_SALE_REFUSALS})
REFUND = Outcomes("refund_record", ("created", "replayed"), {
    "id_taken": taken("refund"),
    "unknown_sale": missing("no sale {sale_id!r}; check the id"),
    "before_sale": refuse("at", "the refund is dated before its sale; check the time "
                                "(epoch ms, UTC)"),
    "period_closed": refuse("at", PERIOD_CLOSED),
    "financing_undecided": refuse("sale_id", "the sale's financing is not disbursed yet; a "
                                             "financed sale is refunded once its institution "
                                             "has disbursed (or cancel the application)",
                                  status=409),
    "sale_void": refuse("sale_id", "the sale is void: its financing was declined or "
                                   "cancelled, and its fee was reversed already",
                        status=409),
    "over_refund": refuse("amount", "the refund exceeds what is left to refund ({refundable})"),
})


def closed_periods(backend: Backend) -> set[str]:
    """The periods whose reward run is completed or running."""
    return {row["run"]["period"] for row in backend.read("reward_run_list", before=None,
                                                         limit=100_000)
            if row["run"]["status"] in (COMPLETED, RUNNING)}


def first_open_period(period: str, closed: set[str]) -> str:
    """``period`` or the first one after it whose reward run has not run.

    >>> first_open_period("2026-10", {"2026-09", "2026-10", "2026-11"})
    '2026-12'
    """
    while period in closed:
        period = next_period(period)
    return period


def _late_policy(backend: Backend, late_sales: str | None) -> str:
    """``late_sales`` if given, else the rule in force now: a late sale
    follows today's policy, not the one of its period."""
    return late_sales or rules_store.rules_at(backend).late_sales


def _write_late(backend: Backend, query: str, dated_in: str, late_sales: str | None,
                first: Callable[[], Row | None] | None = None,
                **params: Any) -> tuple[Row | None, str]:
    """Run ``query`` (sale_record or refund_record); when it answers
    period_closed and the policy is carry, again with the first open period
    (a run that starts in between makes it try the next).  Returns the row
    and the first open period (for the refusal's message).  On time, the one
    statement is all it costs.  ``first``, when given, makes the first
    attempt instead (group commit: the same statement's row, from a group);
    the carried attempts are single statements."""
    row = first() if first is not None else backend.write_one(query, carry_period=None, **params)
    first_open = dated_in
    for _ in range(3):
        if row is None or row["outcome"] != "period_closed":
            break
        first_open = first_open_period(dated_in, closed_periods(backend))
        if _late_policy(backend, late_sales) != "carry":
            break
        row = backend.write_one(query, carry_period=first_open, **params)
    return row, first_open


def record_sale(backend: Backend, *, id: str, merchant_id: str, amount: int, currency: str,
                rules: RuleSet | None = None, buyer_id: str | None = None,
                at: int | None = None, items: str | None = None,
                vouchers: list[Row] | tuple[Row, ...] = (), late_sales: str | None = None,
                financing: Row | None = None) -> tuple[Row, bool]:
    """Record a sale; fee and points follow ``rules``, by default the rules
    in force at ``at`` from the backend's cached timeline, which the
    statement checks is current (read again and retried if it is not: the
    one read a request saves, 20 % of a single sale).  Returns ``(sale, created)``.

    ``vouchers`` is a list of ``{"id", "amount", "redemption_token"}``: how
    much of the sale each of the buyer's vouchers pays, with the token the
    buyer minted to consent to it (graph/store/redemptions.py; without a
    valid one the sale is refused, 403 voucher_consent_required).  ``financing`` (``{"institution_id",
    "amount", "installments"}``) pays ``amount`` of it on credit from the
    institution: the sale's financing application is created with it, and
    the buyer's points wait for the disbursement (graph/store/financing.py).
    Callers validate shapes; this checks the business rules in one
    statement.  A sale dated in a period whose reward run has run follows
    ``late_sales`` (default: the rule in force now): refused, or carried
    into the first open period.
    """
    if rules is not None:
        return _record_sale(backend, rules, None, id=id, merchant_id=merchant_id,
                            amount=amount, currency=currency, buyer_id=buyer_id, at=at,
                            items=items, vouchers=vouchers, late_sales=late_sales,
                            financing=financing)
    when = now_ms() if at is None else at
    for attempt in range(RULES_RETRIES):
        timeline = rules_store.cached_timeline(backend)
        try:
            return _record_sale(backend, timeline.at(when), timeline, id=id,
                                merchant_id=merchant_id, amount=amount, currency=currency,
                                buyer_id=buyer_id, at=at, items=items, vouchers=vouchers,
                                late_sales=late_sales, financing=financing)
        except RulesChanged:
            rules_store.forget_timeline(backend)
            if attempt == RULES_RETRIES - 1:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises


#: how often a sale is tried again after ``rules_changed`` (each time with
#: the rules read anew; a second change within one sale is already rare)
RULES_RETRIES = 3


def _record_sale(backend: Backend, rules: RuleSet, timeline: rules_store.Timeline | None, *,
                 id: str, merchant_id: str, amount: int, currency: str,
                 buyer_id: str | None, at: int | None, items: str | None,
                 vouchers: list[Row] | tuple[Row, ...], late_sales: str | None,
                 financing: Row | None) -> tuple[Row, bool]:
    check_currency(backend, currency)
    request: Row = {"id": id, "merchant_id": merchant_id, "buyer_id": buyer_id,
                    "amount": amount, "currency": currency, "at": at, "items": items,
                    "vouchers": sorted((u["id"], u["amount"]) for u in vouchers)}
    if financing is not None:
        request["financing"] = {k: financing[k] for k in ("institution_id", "amount",
                                                          "installments")}
    recorded = now_ms()
    at = at or recorded
    voucher_paid = sum(use["amount"] for use in vouchers)
    if voucher_paid > amount:
        raise Refused("vouchers_exceed_amount", "vouchers cannot pay more than the sale amount",
                      "vouchers")
    if vouchers and buyer_id is None:
        raise Refused("vouchers_need_buyer", "a sale paid with vouchers needs the buyer_id",
                      "buyer_id")
    fee = fee_for(amount, rules.fee_bp)
    points = points_for(amount - voucher_paid, rules.points_bp) if buyer_id else 0
    applied = None
    if financing is not None:
        _check_financing(financing, amount, buyer_id, vouchers)
        # the points wait for the disbursement (graph/store/financing.py)
        applied = {"id": id, "institution_id": financing["institution_id"],
                   "buyer_id": buyer_id, "amount": financing["amount"],
                   "installments": financing["installments"], "points": points,
                   "lapse_at": recorded + rules.financing_lapse_hours * HOUR_MS}
        points = 0
    period = period_of(at, rules.period)
    params = dict(
        id=id, merchant_id=merchant_id, buyer_id=buyer_id, amount=amount, currency=currency,
        at=at, period=period, items=items, vouchers=redemptions.sale_vouchers(vouchers),
        now=recorded, voucher_paid=voucher_paid, fee_bp=rules.fee_bp, fee=fee, points=points,
        request_hash=fingerprint(request), financing=applied,
        rules_version=timeline.newest if timeline else None,
        rules_change_id=timeline.newest_change_id if timeline else None,
    )
    grouped = timeline is not None and not vouchers and financing is None \
        and coalesce.enabled(backend)
    first = (lambda: _grouped_sale(backend, params)) if grouped else None
    row, first_open = _write_late(backend, "sale_record", period, late_sales, first, **params)
    outcome, row = SALE.settle(backend, row, id=id, period=period, first_open=first_open,
                               institution_id=(financing or {}).get("institution_id"),
                               amount=(financing or {}).get("amount"))
    return row["sale"], outcome == "created"


HOUR_MS = 3_600_000

#: sale_record_group's outcomes: those of a sale without vouchers or
#: financing, each meaning what it means for sale_record
SALE_GROUP = Outcomes("sale_record_group", ("created", "replayed"), {
    outcome: SALE.refusals[outcome] for outcome in (
        "id_taken", "rules_changed", *SALE_REFUSALS)})
#: the fields of a sale_record_group row, from sale_record's parameters
_SALE_FIELDS = ("id", "merchant_id", "buyer_id", "amount", "currency", "at", "period", "items",
                "fee_bp", "fee", "points", "request_hash", "rules_version", "rules_change_id")


class _Alone:
    """A group's answer for a write to send again alone: the statement failed
    with an error that need not be every row's (not an unavailable database)."""


_ALONE = _Alone()


def _grouped(backend: Backend, group: coalesce.Coalescer[Row, Row | _Alone], query: str,
             fields: tuple[str, ...], params: Row) -> Row | None:
    """``query``'s row (sale_record or refund_record) for the write of
    ``params`` (its parameters), made with the writes of concurrent requests
    in one statement of ``group`` (group commit, graph/coalesce.py); the
    group's rows carry ``fields`` of ``params``.

    The parameters are checked as the single statement checks them, so a
    bad id is refused with the same error and never reaches a group.  If
    the group's statement fails with a database error other than an
    unavailable database, each of its writes is sent again alone, so that
    each gets what the single statement gives it (the others are recorded,
    and the one that made it fail gets its own error).
    """
    check_params({**params, "carry_period": None}, ids=True)
    item = {field: params[field] for field in fields}
    item["carry_period"] = None
    row = group.submit(item, backend.timeout())
    if isinstance(row, _Alone):
        return backend.write_one(query, carry_period=None, **params)
    return row


def _grouped_sale(backend: Backend, params: Row) -> Row | None:
    """sale_record's row for the plain sale of ``params``, from a
    sale_record_group statement (:func:`_grouped`).

    Only plain sales are grouped: a sale paid with vouchers or financed goes
    alone through sale_record, because the holder's consent (its redemption
    tokens), the vouchers' values and the financing checks (institution,
    per-buyer limit, the buyer's lock) live only in that statement.  A sale
    whose rules were passed in rather than taken from the cached timeline
    goes alone too (there is no version for the statement to check).
    """
    return _grouped(backend, sale_coalescer(backend), "sale_record", _SALE_FIELDS, params)


def _unavailable(backend: Backend) -> Callable[[float], BackendUnavailable]:
    """The 503 of a request that waited its whole timeout for its group."""
    return lambda seconds: BackendUnavailable.no_answer(f"The {backend.name} database", seconds)


def sale_coalescer(backend: Backend) -> coalesce.Coalescer[Row, Row | _Alone]:
    """The backend's coalescer of plain single sales (one per process)."""
    return coalesce.coalescer(backend, "sale_record", lambda: coalesce.Coalescer(
        lambda items: _write_group(
            backend, SALE_GROUP, "sales", items, _sale_row,
            # by merchant and period, then buyer: two statements of different
            # processes (serve --workers) lock the fee totals they share in
            # one order, which keeps Neo4j's deadlocks (each retried after
            # about a second) rare
            order=lambda item: (item["merchant_id"], item["period"], item["buyer_id"] or "")),
        limit=BATCH_LIMIT, keys=lambda item: (item["id"],), unavailable=_unavailable(backend),
        context=backend.request_statements, name="sales"))


def _sale_row(row: Row) -> Row:
    """sale_record's row, from a sale_record_group row (no vouchers, no financing)."""
    return {"outcome": row["outcome"], "sale": row["sale"], "bad_vouchers": [],
            "unconsented": [], "undecided": 0}


def _write_group(backend: Backend, table: Outcomes, param: str, items: list[Row],
                 answer: Callable[[Row], Row], order: Callable[[Row], Any]
                 ) -> list[Row | _Alone | BaseException]:
    """Run ``table``'s group statement on ``items`` (passed as ``param``, in
    ``order``); each one's answer, in the order of ``items``, as ``answer``
    makes it from its row."""
    try:
        rows = backend.write(table.query, **{param: sorted(items, key=order)})
    except BackendUnavailable:
        raise
    except BackendError:
        return [_ALONE] * len(items)
    by_id = {row["id"]: row for row in rows}
    answers: list[Row | _Alone | BaseException] = []
    for item in items:
        row = by_id.get(item["id"])
        if row is None:
            answers.append(BackendError(f"query {table.query!r} answered no row for "
                                        f"{item['id']!r}; it answers one per row: report "
                                        "this as a bug"))
            continue
        try:
            table.check(backend, row["outcome"])
        except BackendError as exc:
            answers.append(exc)
            continue
        answers.append(answer(row))
    return answers


def _check_financing(financing: Row, amount: int, buyer_id: str | None,
                     vouchers: list[Row] | tuple[Row, ...]) -> None:
    """The refusals of a financed sale that need no database."""
    if buyer_id is None:
        raise Refused("financing_needs_buyer", "consumer credit is for a buyer: a financed "
                      "sale needs its buyer_id", "buyer_id")
    if vouchers:
        raise Refused("financing_with_vouchers", "a financed sale cannot also be paid with "
                      "vouchers (a declined application voids the sale, and vouchers are "
                      "not given back): pay with one or the other", "vouchers")
    if not 1 <= financing["amount"] <= amount:
        raise Refused("financing_exceeds_sale", f"the financed amount must be from 1 to the "
                      f"sale's amount ({amount})", "financing")
    if not 1 <= financing["installments"] <= MAX_INSTALLMENTS:
        raise Refused("invalid_financing", f"installments must be from 1 to {MAX_INSTALLMENTS}",
                      "financing")


BATCH_LIMIT = 1_000


def record_sales(backend: Backend, items: list[Row], at: int | None = None,
                 late_sales: str | None = None) -> list[tuple[str, str]]:
    """Record up to ``BATCH_LIMIT`` sales (no voucher payments) in one statement.

    ``items`` are dicts with the fields of :func:`record_sale`.  Returns one
    ``(id, outcome)`` per item, in order; each outcome is that of
    :func:`record_sale` ('created', 'replayed', 'id_taken', a refusal code,
    'currency_mismatch' for a sale in another currency than the platform's,
    which is not sent to the database).  Late sales follow ``late_sales``
    as in :func:`record_sale`: those carried are sent again in a second
    statement.
    """
    if len(items) > BATCH_LIMIT:
        raise Refused("batch_too_large", f"send at most {BATCH_LIMIT} sales per batch", "sales")
    ids = [item["id"] for item in items]
    if len(ids) != len(set(ids)):
        raise Refused("duplicate_ids", "each sale id may appear once in a batch", "sales")
    rows = _batch_rows(backend, items, at or now_ms())
    outcomes = _write_batch(backend, SALE_BATCH, "sales", rows, late_sales)
    return [(item["id"], outcomes.get(item["id"], "currency_mismatch")) for item in items]


def record_new_sales(backend: Backend, items: list[Row], at: int | None = None) -> int:
    """Record a batch of new sales in bulk (``refgraph demo seed``, the
    benchmarks); returns how many were created.

    The graph ends as :func:`record_sales` would leave it, but the fee totals
    and the buyers' points are added up here and written once per batch
    (``demo_sales_batch``).  Sales in a closed period, in another currency,
    or that :func:`record_sales` might refuse (a sale id taken, a merchant
    or buyer missing or not active) go through :func:`record_sales`
    instead, which answers per sale.
    """
    def one_by_one() -> int:
        return sum(outcome == "created"
                   for i in range(0, len(items), BATCH_LIMIT)
                   for _, outcome in record_sales(backend, items[i:i + BATCH_LIMIT], at))

    if not items:
        return 0
    rows = _batch_rows(backend, items, at or now_ms())
    closed = closed_periods(backend)
    if len(rows) < len(items) or any(row["period"] in closed for row in rows):
        return one_by_one()
    totals: dict[str, Row] = {}
    points: dict[str, int] = {}
    for row in rows:
        key = f"{row['merchant_id']}|{row['period']}"
        total = totals.setdefault(key, {"id": key, "merchant_id": row["merchant_id"],
                                        "period": row["period"], "fees": 0, "sales": 0,
                                        "amount": 0})
        total["fees"] += row["fee"]
        total["sales"] += 1
        total["amount"] += row["amount"]
        if row["buyer_id"] is not None:
            points[row["buyer_id"]] = points.get(row["buyer_id"], 0) + row["points"]
    written = backend.write_one(
        "demo_sales_batch", sales=rows, sale_ids=[row["id"] for row in rows],
        merchant_ids=sorted({row["merchant_id"] for row in rows}), buyer_ids=sorted(points),
        totals=list(totals.values()),
        buyers=[{"id": buyer, "points": p} for buyer, p in points.items() if p])
    created = written["created"] if written else 0
    if created == 0:
        return one_by_one()
    if created != len(rows):
        raise BackendError(f"demo_sales_batch created {created} of {len(rows)} sales")
    return created


def _write_batch(backend: Backend, batch: Outcomes, param: str, rows: list[Row],
                 late_sales: str | None) -> dict[str, str]:
    """Run ``batch``'s statement on ``rows`` (passed as ``param``); rows it
    finds late are sent again with the first open period when ``late_sales``
    is carry.  Returns each row id's outcome."""
    results = backend.write(batch.query, **{param: rows}) if rows else []
    outcomes = {row["id"]: batch.check(backend, row["outcome"]) for row in results}
    late = [row for row in rows if outcomes[row["id"]] == "period_closed"]
    if late and _late_policy(backend, late_sales) == "carry":
        closed = closed_periods(backend)
        for row in late:
            row["carry_period"] = first_open_period(row["period"], closed)
        for again in backend.write(batch.query, **{param: late}):
            outcomes[again["id"]] = batch.check(backend, again["outcome"])
    return outcomes


def _batch_rows(backend: Backend, items: list[Row], now: int) -> list[Row]:
    """The statement rows of a batch of sales in the platform's currency."""
    versions = rules_store.timeline(backend)
    rows = []
    for item in items:
        if item["currency"] != backend.currency:
            continue
        when = item.get("at") or now
        rules = rules_store.pick(versions, when)
        request = {"id": item["id"], "merchant_id": item["merchant_id"],
                   "buyer_id": item.get("buyer_id"), "amount": item["amount"],
                   "currency": item["currency"], "at": item.get("at"),
                   "items": item.get("items"), "vouchers": []}
        rows.append({
            "id": item["id"], "merchant_id": item["merchant_id"],
            "buyer_id": item.get("buyer_id"), "amount": item["amount"],
            "currency": item["currency"], "at": when, "period": period_of(when, rules.period),
            "carry_period": None,
            "items": item.get("items"), "fee_bp": rules.fee_bp,
            "fee": fee_for(item["amount"], rules.fee_bp),
            "points": points_for(item["amount"], rules.points_bp) if item.get("buyer_id") else 0,
            "request_hash": fingerprint(request)})
    return rows


def get_sale(backend: Backend, sale_id: str) -> Row:
    row = backend.read_one("sale_get", id=sale_id)
    if row is None:
        raise NotFound(f"no sale {sale_id!r}; check the id")
    return row["sale"]


def list_sales(backend: Backend, *, merchant_id: str | None = None, buyer_id: str | None = None,
               start: int | None = None, end: int | None = None,
               after: tuple[int, str] | None = None, limit: int = 50) -> list[Row]:
    after_at, after_id = after if after else (None, None)
    params = {"from": start, "to": end, "after_at": after_at, "after_id": after_id,
              "limit": limit}
    if merchant_id is not None:
        rows = backend.read("sale_list_by_merchant", user_id=merchant_id, **params)
    elif buyer_id is not None:
        rows = backend.read("sale_list_by_buyer", user_id=buyer_id, **params)
    else:
        rows = backend.read("sale_list", **params)
    return [row["sale"] for row in rows]


def record_refund(backend: Backend, *, id: str, sale_id: str, amount: int, rules: RuleSet,
                  reason: str | None = None, at: int | None = None,
                  currency: str | None = None,
                  late_sales: str | None = None) -> tuple[Row, bool]:
    """Refund part or all of a sale.  Returns ``(refund, created)``.

    ``currency``, when given, must be the platform's.  A refund dated in a
    period whose reward run has run follows ``late_sales`` as a sale does."""
    check_currency(backend, currency)
    at = at or now_ms()
    request = {"id": id, "sale_id": sale_id, "amount": amount, "reason": reason}
    period = period_of(at, rules.period)
    params = dict(id=id, sale_id=sale_id, amount=amount, at=at, reason=reason, period=period,
                  request_hash=fingerprint(request))
    first = (lambda: _grouped(backend, refund_coalescer(backend), "refund_record",
                              _REFUND_FIELDS, params)) if coalesce.enabled(backend) else None
    row, first_open = _write_late(backend, "refund_record", period, late_sales, first,
                                  **params)
    outcome, row = REFUND.settle(backend, row, id=id, sale_id=sale_id, period=period,
                                 first_open=first_open)
    return row["refund"], outcome == "created"


#: a batch of refunds reports each refund's outcome rather than raising
REFUND_BATCH = Outcomes("refund_record_batch", ("created", "replayed"),
                        dict(REFUND.refusals))
#: refund_record_group's outcomes: refund_record's, meaning the same
REFUND_GROUP = Outcomes("refund_record_group", ("created", "replayed"), dict(REFUND.refusals))
_REFUND_FIELDS = ("id", "sale_id", "amount", "at", "reason", "period", "request_hash")


def refund_coalescer(backend: Backend) -> coalesce.Coalescer[Row, Row | _Alone]:
    """The backend's coalescer of single refunds (one per process).  A
    statement holds at most one refund of each sale (refund_record_group:
    its rows read their sales before any writes), so a second refund of a
    sale waits for the next, as it would wait for the sale's lock."""
    return coalesce.coalescer(backend, "refund_record", lambda: coalesce.Coalescer(
        lambda items: _write_group(backend, REFUND_GROUP, "refunds", items, _refund_row,
                                   order=lambda item: item["sale_id"]),
        limit=BATCH_LIMIT, keys=lambda item: (("refund", item["id"]), ("sale", item["sale_id"])),
        unavailable=_unavailable(backend), context=backend.request_statements, name="refunds"))


def _refund_row(row: Row) -> Row:
    """refund_record's row, from a refund_record_group row."""
    return {"outcome": row["outcome"], "refund": row["refund"], "refundable": row["refundable"]}



def record_refunds(backend: Backend, items: list[Row],
                   late_sales: str | None = None) -> list[tuple[str, str]]:
    """Record up to ``BATCH_LIMIT`` refunds (of distinct sales) in one statement.

    ``items`` are dicts with the fields of :func:`record_refund` but the
    rules, which are those in force at each refund's ``at``.  Returns one
    ``(id, outcome)`` per item, in order; each outcome is that of
    :func:`record_refund` (a refusal is a code, not raised).  A batch holds
    each sale once: the statement's rows read their sales before any of them
    writes (cypher/sales/refund_record_batch.cypher); send a second refund of
    a sale in a later batch.  Late refunds follow ``late_sales`` as in
    :func:`record_sales`.
    """
    if len(items) > BATCH_LIMIT:
        raise Refused("batch_too_large", f"send at most {BATCH_LIMIT} refunds per batch",
                      "refunds")
    for key, what in (("id", "refund id"), ("sale_id", "sale")):
        values = [item[key] for item in items]
        if len(values) != len(set(values)):
            raise Refused("duplicate_ids", f"each {what} may appear once in a batch of "
                                           "refunds; send the others in a later batch", "refunds")
    versions = rules_store.timeline(backend)
    now = now_ms()
    rows = []
    for item in items:
        if item.get("currency") not in (None, backend.currency):
            continue
        at = item.get("at") or now
        request = {"id": item["id"], "sale_id": item["sale_id"], "amount": item["amount"],
                   "reason": item.get("reason")}
        rows.append({"id": item["id"], "sale_id": item["sale_id"], "amount": item["amount"],
                     "at": at, "reason": item.get("reason"), "carry_period": None,
                     "period": period_of(at, rules_store.pick(versions, at).period),
                     "request_hash": fingerprint(request)})
    outcomes = _write_batch(backend, REFUND_BATCH, "refunds", rows, late_sales)
    return [(item["id"], outcomes.get(item["id"], "currency_mismatch")) for item in items]


def refunds_of(backend: Backend, sale_id: str) -> list[Row]:
    get_sale(backend, sale_id)
    return [row["refund"] for row in backend.read("refund_list", sale_id=sale_id)]


def balances(backend: Backend, user_id: str, at: int | None = None) -> Row:
    row = backend.read_one("user_balances", id=user_id, at=at or now_ms())
    if row is None:
        raise UnknownUser(f"no user {user_id!r}; check the id")
    return row["balances"]
