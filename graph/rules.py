"""The content rules of the referral promotion (the patent's
"onboarding-referral" module): what the business may tune.

A :class:`RuleSet` is a plain value; :func:`validate` refuses nonsense with a
message per field, and :meth:`RuleSet.changed` is the one way a partial change
(from the API, the CLI or a preview) becomes a new, validated rule set.  Rule
sets are versioned and effective-dated in the graph (``graph/store/rules.py``);
version 0 is :data:`DEFAULT_RULES`, in force until an operator sets another.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, get_origin, get_type_hints

from .errors import RulesInvalid
from .money import BP, MAX_AMOUNT
from .vocabulary import CARDHOLDER, MERCHANT, ROLES

PERIODS = ("day", "week", "month")


@dataclass(frozen=True)
class RuleSet:
    #: management fee charged to the merchant on each sale, in bp of the amount
    fee_bp: int = 500
    #: the roles whose holders may refer new users (claim 5: buyers optional)
    referrers: tuple[str, ...] = (CARDHOLDER, MERCHANT)
    #: price of a loyalty card, minor units
    card_price: int = 9_900
    #: vouchers granted with a card: how many, each worth how much, valid how long
    card_voucher_count: int = 10
    card_voucher_amount: int = 1_000
    card_voucher_days: int = 365
    #: whether a card holder may buy a second card
    allow_second_card: bool = False
    #: points a buyer earns, in bp of the amount paid in cash (not vouchers)
    points_bp: int = 100
    #: tier table: ascending referral-count thresholds and the share of the
    #: fee base paid at each tier, in bp
    tiers: tuple[tuple[int, int], ...] = ((1, 1_000), (5, 1_500), (20, 2_000))
    #: what counts as a referral for the tiers: "merchants" or "all" referees
    count_basis: str = "merchants"
    #: which referrals count: "all_time" up to the period's end, or "period"
    count_window: str = "all_time"
    #: shares for levels 2..N as bp of the tier share (level 1 is always 100 %)
    level_shares: tuple[int, ...] = ()
    #: days a reward stays pending before it can be withdrawn
    hold_days: int = 7
    #: part of a withdrawal paid out in cash, in bp; the rest becomes vouchers
    cashout_bp: int = 7_000
    #: smallest withdrawal, minor units
    min_withdrawal: int = 1_000
    #: length of a reward period
    period: str = "month"
    #: how long a voucher that a withdrawal turns into stays valid
    withdrawal_voucher_days: int = 365
    #: a sale or refund dated into a period whose reward run is completed or
    #: running: "refuse" it, or "carry" its fee into the first open period
    late_sales: str = "refuse"
    #: hours a financing application may wait for its institution's decision
    #: before it lapses (is cancelled, voiding its sale); fixed at application
    financing_lapse_hours: int = 72

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["referrers"] = list(self.referrers)
        data["tiers"] = [{"min_referrals": m, "share_bp": s} for m, s in self.tiers]
        data["level_shares"] = list(self.level_shares)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleSet:
        """A rule set from a stored (partial) dict in :meth:`to_dict`'s shapes,
        missing fields at their defaults; not validated, so it is for bodies
        the store wrote.  A change someone asks for goes through
        :meth:`changed`.  Unknown keys and malformed lists raise ``ValueError``.
        """
        unknown = sorted(set(data) - set(RULE_FIELDS))
        if unknown:
            raise ValueError(f"unknown rule fields: {unknown}")
        return replace(cls(), **{name: _shaped(name, value) for name, value in data.items()})

    def changed(self, changes: Mapping[str, Any]) -> RuleSet:
        """This rule set with ``changes`` applied, validated as a whole.

        The one place a partial rule change is merged and checked: the API's
        rule changes and previews, the CLI's ``rules set`` and
        ``rewards preview --set`` all come here.  ``changes`` maps field names
        to values in :meth:`to_dict`'s shapes: lists for the tuple fields,
        tiers as ``{"min_referrals": n, "share_bp": bp}`` objects (or
        ``[n, bp]`` pairs).  Returns a new rule set; raises
        :class:`~graph.errors.RulesInvalid` whose ``errors`` give every
        field's problems: unknown fields, wrong shapes and whatever
        :func:`validate` finds in the result.

        >>> RuleSet().changed({"fee_bp": 300, "tiers": [[1, 800]]}).tiers
        ((1, 800),)
        >>> try:
        ...     RuleSet().changed({"fee_bp": "3%", "colour": "red", "tiers": 5})
        ... except RulesInvalid as exc:
        ...     print(sorted(exc.errors), exc.errors["fee_bp"])
        ['colour', 'fee_bp', 'tiers'] ['must be a whole number of basis points from 0 to 10000']
        """
        errors: dict[str, list[str]] = {}
        values: dict[str, Any] = {}
        for name, value in changes.items():
            if name not in RULE_FIELDS:
                errors[name] = [f"not a rule; the rules are {', '.join(RULE_FIELDS)}"]
                continue
            try:
                values[name] = _shaped(name, value)
            except ValueError as exc:
                errors[name] = [str(exc)]
        proposed = replace(self, **values)
        for name, messages in validate(proposed).items():
            errors.setdefault(name, []).extend(messages)
        if errors:
            order = list(RULE_FIELDS)
            raise RulesInvalid(dict(sorted(
                errors.items(), key=lambda item: order.index(item[0]) if item[0] in order else -1)))
        return proposed

    def tier_for(self, referrals: int) -> tuple[int, int, int] | None:
        """The (index, threshold, share_bp) of the tier for a referral count,
        or ``None`` below the first tier.

        >>> RuleSet().tier_for(0), RuleSet().tier_for(6)
        (None, (1, 5, 1500))
        """
        found: tuple[int, int, int] | None = None
        for index, (threshold, share) in enumerate(self.tiers):
            if referrals >= threshold:
                found = (index, threshold, share)
        return found

    def may_refer(self, roles: Iterable[str]) -> bool:
        return any(role in self.referrers for role in roles)


DEFAULT_RULES = RuleSet()

#: Every rule's name and Python type (``tuple`` for ``tuple[...]``), in
#: declaration order; ``tuple`` fields are written as JSON lists.
_HINTS = get_type_hints(RuleSet)
RULE_FIELDS: dict[str, type] = {
    f.name: get_origin(_HINTS[f.name]) or _HINTS[f.name] for f in fields(RuleSet)}

_TIER_SHAPE = 'must be a list of {"min_referrals": N, "share_bp": BP} objects'

#: The rules in basis points (0 to BP) and the whole-number rules (0 or more),
#: and the words two rules take: what :func:`validate` checks and
#: :data:`RULE_DOCS` tells API clients.
BP_RULES = ("fee_bp", "points_bp", "cashout_bp")
COUNT_RULES = ("card_price", "card_voucher_count", "card_voucher_amount", "card_voucher_days",
               "hold_days", "min_withdrawal", "withdrawal_voucher_days")
COUNT_BASES = ("merchants", "all")
COUNT_WINDOWS = ("all_time", "period")
LATE_SALES = ("refuse", "carry")
#: a year: an application left undecided longer is a mistake in the rule
MAX_LAPSE_HOURS = 8_760
#: The largest value of each whole-number rule: amounts up to the largest
#: amount refgraph takes, at most a century of days, and few enough vouchers
#: per card that one purchase stays one small statement.  (Unbounded, a
#: 25-digit card price was stored, and no engine's integer holds it.)
COUNT_MAX: dict[str, int] = {
    "card_price": MAX_AMOUNT, "card_voucher_amount": MAX_AMOUNT, "min_withdrawal": MAX_AMOUNT,
    "card_voucher_count": 1_000, "card_voucher_days": 36_600, "hold_days": 36_600,
    "withdrawal_voucher_days": 36_600}
#: the most referrals a tier threshold may ask for
MAX_THRESHOLD = 1_000_000_000

_DESCRIPTIONS = {
    "fee_bp": "management fee charged to the merchant on each sale, in bp of the amount",
    "referrers": "the roles whose holders may refer new users",
    "card_price": "price of a loyalty card, minor units",
    "card_voucher_count": "vouchers granted with a card",
    "card_voucher_amount": "value of each voucher granted with a card, minor units",
    "card_voucher_days": "days a card's voucher stays valid",
    "allow_second_card": "whether a card holder may buy a second card",
    "points_bp": "points a buyer earns, in bp of the amount paid in cash (not vouchers)",
    "tiers": "tier table: strictly ascending referral-count thresholds (1 or more) and the "
             "share of the fee base paid at each tier, in bp; at least one tier",
    "count_basis": "what counts as a referral for the tiers: merchants, or all referees",
    "count_window": "which referrals count: all_time up to the period's end, or the period's own",
    "level_shares": "shares for levels 2..N as bp of the tier share (level 1 is always 100 %); "
                    "at the top tier all levels together pay at most 100 % of a fee",
    "hold_days": "days a reward stays pending before it can be withdrawn",
    "cashout_bp": "part of a withdrawal paid out in cash, in bp; the rest becomes vouchers",
    "min_withdrawal": "smallest withdrawal, minor units",
    "period": "length of a reward period",
    "withdrawal_voucher_days": "days a voucher that a withdrawal turns into stays valid",
    "late_sales": "a sale or refund dated into a period whose reward run is completed or "
                  "running: refuse it (422 period_closed, naming the first open period), or "
                  "carry: record it with its true time and count its fee (or refunded fee) in "
                  "the fee base of the first open period, shown as carried there",
    "financing_lapse_hours": "hours a financing application may wait for its institution's "
                             "decision before it lapses: it is cancelled and its sale voided "
                             "(the fee reversed, no points); the rule in force when the sale "
                             "is recorded fixes each application's lapse time; 1 or more",
}


def _rule_doc(name: str) -> dict[str, object]:
    doc: dict[str, object] = {"description": _DESCRIPTIONS[name]}
    if name in BP_RULES:
        doc.update(minimum=0, maximum=BP)
    elif name in COUNT_RULES:
        doc.update(minimum=0, maximum=COUNT_MAX[name])
    elif name in ("count_basis", "count_window", "period", "late_sales"):
        doc["enum"] = list({"count_basis": COUNT_BASES, "count_window": COUNT_WINDOWS,
                            "period": PERIODS, "late_sales": LATE_SALES}[name])
    elif name == "referrers":
        doc.update(items_enum=list(ROLES), min_items=1)
    elif name == "level_shares":
        doc.update(items_minimum=0, items_maximum=BP)
    elif name == "tiers":
        doc.update(min_items=1, items_minimum=0, items_maximum=BP)
    elif name == "financing_lapse_hours":
        doc.update(minimum=1, maximum=MAX_LAPSE_HOURS)
    return doc


#: Every rule's description, and the enum or bounds :func:`validate` holds it
#: to (``items_*`` for each element of a list), for the API's documentation.
RULE_DOCS: dict[str, dict[str, object]] = {name: _rule_doc(name) for name in RULE_FIELDS}


def _shaped(name: str, value: Any) -> Any:
    """``value`` of rule ``name`` in the shape the RuleSet keeps (lists become
    tuples, tiers ``(threshold, share)`` pairs); ``ValueError`` if it cannot
    be.  Numbers and words are :func:`validate`'s to judge."""
    if RULE_FIELDS[name] is not tuple:
        return value
    if not isinstance(value, (list, tuple)):
        raise ValueError(_TIER_SHAPE if name == "tiers" else "must be a list")
    if name != "tiers":
        return tuple(value)
    tiers: list[tuple[Any, ...]] = []
    for tier in value:
        if isinstance(tier, dict) and set(tier) == {"min_referrals", "share_bp"}:
            tiers.append((tier["min_referrals"], tier["share_bp"]))
        elif isinstance(tier, (list, tuple)) and len(tier) == 2:
            tiers.append(tuple(tier))
        else:
            raise ValueError(_TIER_SHAPE)
    return tuple(tiers)


def _whole(value: object) -> bool:
    """An int that is not a bool (JSON true is not a number of days)."""
    return isinstance(value, int) and not isinstance(value, bool)


def validate(rules: RuleSet) -> dict[str, list[str]]:
    """Field-level problems of a rule set, as ``{field: [messages]}``."""
    errors: dict[str, list[str]] = {}

    def bad(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    for name in BP_RULES:
        value = getattr(rules, name)
        if not _whole(value) or not 0 <= value <= BP:
            bad(name, f"must be a whole number of basis points from 0 to {BP}")
    for name in COUNT_RULES:
        value = getattr(rules, name)
        if not _whole(value) or not 0 <= value <= COUNT_MAX[name]:
            bad(name, f"must be a whole number from 0 to {COUNT_MAX[name]}")
    if not isinstance(rules.allow_second_card, bool):
        bad("allow_second_card", "must be true or false")
    if not rules.referrers or any(role not in ROLES for role in rules.referrers):
        bad("referrers", f"must list one or more of {list(ROLES)}")
    if rules.count_basis not in COUNT_BASES:
        bad("count_basis", "must be 'merchants' or 'all'")
    if rules.count_window not in COUNT_WINDOWS:
        bad("count_window", "must be 'all_time' or 'period'")
    if rules.period not in PERIODS:
        bad("period", f"must be one of {list(PERIODS)}")
    if rules.late_sales not in LATE_SALES:
        bad("late_sales", "must be 'refuse' or 'carry'")
    lapse = rules.financing_lapse_hours
    if not _whole(lapse) or not 1 <= lapse <= MAX_LAPSE_HOURS:
        bad("financing_lapse_hours",
            f"must be a whole number of hours from 1 to {MAX_LAPSE_HOURS} (a year)")
    _check_shares(rules, bad)
    if "tiers" not in errors and "level_shares" not in errors and rules.tiers:
        top = max(share for _, share in rules.tiers)
        # the most one merchant's fee can pay out: the top tier at level 1,
        # plus the top tier times each deeper level's share
        worst = top + sum(top * share // BP for share in rules.level_shares)
        if worst > BP:
            bad("level_shares",
                f"at the top tier the levels could pay {worst} bp of a fee; at most {BP} "
                "(100 %) of what is collected can be paid out")
    return errors


def _check_shares(rules: RuleSet, bad: Callable[[str, str], None]) -> None:
    """The tier table and the level shares, each on its own (for :func:`validate`)."""
    if not rules.tiers:
        bad("tiers", "needs at least one tier")
    previous = 0
    for threshold, share in rules.tiers:
        if not _whole(threshold) or not 1 <= threshold <= MAX_THRESHOLD:
            bad("tiers", f"thresholds are whole numbers of referrals from 1 to {MAX_THRESHOLD}")
        elif threshold <= previous:
            bad("tiers", "thresholds must be strictly ascending")
        else:
            previous = threshold
        if not _whole(share) or not 0 <= share <= BP:
            bad("tiers", f"shares are basis points from 0 to {BP}")
    for share in rules.level_shares:
        if not _whole(share) or not 0 <= share <= BP:
            bad("level_shares", f"shares are basis points from 0 to {BP}")


# -- periods ------------------------------------------------------------------

def _utc(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.timezone.utc)


def _ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def period_of(at_ms: int, length: str) -> str:
    """The key of the period holding ``at_ms`` (UTC).

    >>> period_of(1_795_478_400_000, "month"), period_of(1_795_478_400_000, "day")
    ('2026-11', '2026-11-24')
    >>> period_of(1_795_478_400_000, "week")
    '2026-W48'
    """
    moment = _utc(at_ms)
    if length == "day":
        return moment.strftime("%Y-%m-%d")
    if length == "week":
        year, week, _ = moment.isocalendar()
        return f"{year}-W{week:02d}"
    if length == "month":
        return moment.strftime("%Y-%m")
    raise ValueError(f"unknown period length {length!r}")


def period_bounds(key: str) -> tuple[int, int]:
    """``(start_ms, end_ms)`` of a period key; the end is exclusive.

    >>> period_bounds("2026-02") == (period_bounds("2026-02-01")[0], period_bounds("2026-03-01")[0])
    True
    """
    try:
        if "-W" in key:
            year, week = key.split("-W")
            start = dt.datetime.fromisocalendar(int(year), int(week), 1)
            end = start + dt.timedelta(days=7)
        elif key.count("-") == 2:
            start = dt.datetime.strptime(key, "%Y-%m-%d")
            end = start + dt.timedelta(days=1)
        else:
            start = dt.datetime.strptime(key, "%Y-%m")
            days = calendar.monthrange(start.year, start.month)[1]
            end = start + dt.timedelta(days=days)
    except ValueError:
        raise ValueError(
            f"{key!r} is not a period; use YYYY-MM, YYYY-Www or YYYY-MM-DD") from None
    start = start.replace(tzinfo=dt.timezone.utc)
    return _ms(start), _ms(end.replace(tzinfo=dt.timezone.utc))


def next_period(key: str) -> str:
    """The period after ``key``, of the same length.

    >>> next_period("2026-12"), next_period("2026-W52"), next_period("2026-02-28")
    ('2027-01', '2026-W53', '2026-03-01')
    """
    return period_of(period_bounds(key)[1], period_length(key))


def period_length(key: str) -> str:
    """'day', 'week' or 'month' for a period key."""
    period_bounds(key)
    return "week" if "-W" in key else ("day" if key.count("-") == 2 else "month")
