"""Rewards for random networks, sales, refunds and rule sets, compared line by
line with an independent reference that works from the raw events (every
sale and refund, the referrer of each user) instead of refgraph's
per-merchant fee totals, and rounds with exact fractions.

Some events arrive late: after period P's reward run.  Under the rule
late_sales = refuse those dated in P are refused; under carry they count in
the first open period, N.  The reference says which events count where, so
P's and N's lines both match it: nothing unpaid, nothing paid twice."""

import datetime as dt
from collections import defaultdict
from fractions import Fraction
from math import floor

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import Refused
from graph.maintenance import wipe
from graph.rules import RuleSet, period_bounds, validate
from graph.store import rewards, sales, users

P = "2026-10"
N = "2026-11"                   # the first open period once P has run
START, END = period_bounds(P)
DAY = 86_400_000
POLICIES = ("refuse", "carry")


def month_of(at):
    return dt.datetime.fromtimestamp(at / 1000, tz=dt.timezone.utc).strftime("%Y-%m")


def accepted(world, policy):
    """The sales and refunds refgraph keeps, in the order they were sent,
    each with the period whose fees it counts in: late ones dated in P are
    refused (and so are the refunds of a refused sale), or carried to N."""
    sales_, refunds, kept = [], [], set()
    for late in (False, True):
        for sale in (s for s in world["sales"] if s["late"] == late):
            period = month_of(sale["at"])
            if late and period == P:
                if policy == "refuse":
                    continue
                period = N
            sales_.append({**sale, "period": period})
            kept.add(sale["id"])
        for refund in (r for r in world["refunds"] if r["late"] == late):
            period = month_of(refund["at"])
            if refund["sale"] not in kept or (late and period == P and policy == "refuse"):
                continue
            refunds.append({**refund, "period": N if late and period == P else period})
    return sales_, refunds


def half_up(x):
    return floor(x + Fraction(1, 2))


def reference(world, rules, policy="refuse", period=P):
    """The rewards of ``period``, straight from the patent's words."""
    start, end = period_bounds(period)
    kept_sales, kept_refunds = accepted(world, policy)
    referrer = {u["id"]: u["referrer"] for u in world["users"]}
    joined = {u["id"]: u["joined"] for u in world["users"]}
    merchant = {u["id"]: u["merchant"] for u in world["users"]}
    counts = defaultdict(int)
    for child, parent in referrer.items():
        if parent is None or joined[child] >= end:
            continue
        if rules.count_window == "period" and joined[child] < start:
            continue
        if rules.count_basis == "merchants" and not merchant[child]:
            continue
        counts[parent] += 1
    base = defaultdict(int)
    refunded_so_far = defaultdict(int)
    fee_of = {}
    for sale in kept_sales:
        fee = half_up(Fraction(sale["amount"] * rules.fee_bp, 10_000))
        fee_of[sale["id"]] = (fee, sale["amount"], sale["merchant"])
        if sale["period"] == period:
            base[sale["merchant"]] += fee
    for refund in kept_refunds:
        fee, amount, shop = fee_of[refund["sale"]]
        before = refunded_so_far[refund["sale"]]
        after = before + refund["amount"]
        back = half_up(Fraction(fee * after, amount)) - half_up(Fraction(fee * before, amount))
        refunded_so_far[refund["sale"]] = after
        if refund["period"] == period:
            base[shop] -= back
    shares = [10_000] + list(rules.level_shares)
    lines = defaultdict(int)
    for shop in {s["merchant"] for s in kept_sales}:
        up, level = referrer[shop], 1
        while up is not None and level <= len(shares):
            lines[(up, level)] += base[shop]
            up, level = referrer[up], level + 1
    result = []
    for (who, level), total in sorted(lines.items()):
        tiers = [share for threshold, share in rules.tiers if counts[who] >= threshold]
        if not tiers:
            continue
        amount = floor(Fraction(total * tiers[-1] * shares[level - 1], 10_000 ** 2))
        if amount:
            result.append((who, level, total, amount))
    return result


@st.composite
def worlds(draw):
    n = draw(st.integers(2, 12))
    people = []
    for i in range(n):
        people.append({
            "id": f"u{i}", "referrer": None if i == 0 else f"u{draw(st.integers(0, i - 1))}",
            "merchant": i > 0 and draw(st.booleans()),
            "joined": START - 40 * DAY + draw(st.integers(0, 70)) * DAY + i,
        })
    people.sort(key=lambda u: int(u["id"][1:]))
    for person in people[1:]:   # a referee joins after its referrer
        parent = people[int(person["referrer"][1:])]
        person["joined"] = max(person["joined"], parent["joined"] + 1)
    shops = [u["id"] for u in people if u["merchant"]]
    sales_, refunds = [], []
    for k in range(draw(st.integers(0, 12)) if shops else 0):
        shop = draw(st.sampled_from(shops))
        joined = next(u["joined"] for u in people if u["id"] == shop)
        at = max(joined + 1, START - 5 * DAY + draw(st.integers(0, 40)) * DAY)
        sales_.append({"id": f"s{k}", "merchant": shop, "at": at,
                       "amount": draw(st.integers(1, 200_000)),
                       "late": draw(st.booleans())})   # sent after P's reward run
    for k, sale in enumerate(sales_):
        left = sale["amount"]
        for j in range(draw(st.integers(0, 2))):
            if left == 0:
                break
            part = draw(st.integers(1, left))
            left -= part
            refunds.append({"id": f"r{k}-{j}", "sale": sale["id"], "amount": part,
                            "at": sale["at"] + draw(st.integers(1, 20)) * DAY,
                            "late": sale["late"] or draw(st.booleans())})
    refunds.sort(key=lambda r: r["at"])
    thresholds = sorted(draw(st.sets(st.integers(1, 4), min_size=1, max_size=3)))
    rules = RuleSet(
        fee_bp=draw(st.integers(0, 2_000)), referrers=("buyer", "merchant", "cardholder"),
        tiers=tuple((t, draw(st.integers(0, 3_000))) for t in thresholds),
        count_basis=draw(st.sampled_from(["merchants", "all"])),
        count_window=draw(st.sampled_from(["all_time", "period"])),
        level_shares=tuple(draw(st.lists(st.integers(0, 5_000), max_size=2))))
    assert validate(rules) == {}
    policy = draw(st.sampled_from(POLICIES))
    return {"users": people, "sales": sales_, "refunds": refunds}, rules, policy


@given(case=worlds())
@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_engine_matches_the_reference(graph_backend, case):
    world, rules, policy = case
    g = graph_backend
    wipe(g)
    for person in sorted(world["users"], key=lambda u: u["joined"]):
        users.register(g, id=person["id"], name=person["id"],
                       roles=["merchant"] if person["merchant"] else ["buyer"], rules=rules,
                       referrer_id=person["referrer"], root=person["referrer"] is None,
                       at=person["joined"])
    refused = set()
    for late in (False, True):
        if late:        # P's reward run: what is dated in P from now on is late
            rewards.run(g, P, now=END + DAY)
        for sale in (s for s in world["sales"] if s["late"] == late):
            try:
                sales.record_sale(g, id=sale["id"], merchant_id=sale["merchant"],
                                  amount=sale["amount"], currency="CNY", rules=rules,
                                  at=sale["at"], late_sales=policy)
            except Refused as exc:
                assert (exc.code, late, policy) == ("period_closed", True, "refuse")
                refused.add(sale["id"])
        for refund in (r for r in world["refunds"] if r["late"] == late):
            if refund["sale"] in refused:
                continue
            try:
                sales.record_refund(g, id=refund["id"], sale_id=refund["sale"],
                                    amount=refund["amount"], rules=rules, at=refund["at"],
                                    late_sales=policy)
            except Refused as exc:
                assert (exc.code, late, policy) == ("period_closed", True, "refuse")
    for period in (P, N):
        got = [(l.referrer_id, l.level, l.base, l.amount)
               for l in rewards.compute(g, period, rules)]
        assert got == reference(world, rules, policy, period), period
