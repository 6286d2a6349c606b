"""Reward runs on the real database: the README's worked example, exactly
once, crash and rerun, clawbacks, the hold, rule changes, explanations."""

import pytest

from graph.errors import Refused
from graph.rules import DEFAULT_RULES, period_bounds
from graph.store import rewards, sales, users
from graph.store import rules as rules_store

OCT, NOV = period_bounds("2026-10"), period_bounds("2026-11")
DAY = 86_400_000
AFTER_NOV = NOV[1] + DAY


def at(period, day):
    return period[0] + day * DAY


def user(g, id, roles=(), referrer=None, root=False):
    users.register(g, id=id, name=id, roles=list(roles), rules=DEFAULT_RULES,
                   referrer_id=referrer, root=root, at=OCT[0] - DAY)


def sale(g, id, merchant, amount, when):
    return sales.record_sale(g, id=id, merchant_id=merchant, amount=amount, currency="CNY",
                             rules=DEFAULT_RULES, at=when)[0]


def refund(g, id, sale_id, amount, when):
    return sales.record_refund(g, id=id, sale_id=sale_id, amount=amount, rules=DEFAULT_RULES,
                               at=when)[0]


def build_example(g):
    """The README's worked example (default rules: fee 5 %, tiers 1/5/20
    merchants -> 10/15/20 %)."""
    from graph.store import cards
    user(g, "platform", root=True)
    user(g, "carol", ["buyer"], "platform")
    cards.buy_card(g, id="card-carol", user_id="carol", rules=DEFAULT_RULES, at=OCT[0] - DAY)
    for n in range(1, 6):
        user(g, f"m{n}", ["merchant"], "carol")
    user(g, "ben", ["buyer"], "carol")
    user(g, "m6", ["merchant"], "m1")
    sale(g, "s1", "m1", 10_000, at(OCT, 3))                  # fee 500
    sale(g, "s2", "m2", 20_000, at(OCT, 4))                  # fee 1000
    sale(g, "s3", "m3", 3_333, at(OCT, 5))                   # fee 166.65 -> 167
    sale(g, "s5", "m5", 1_000, at(OCT, 6))                   # fee 50
    sale(g, "s6", "m6", 5_000, at(OCT, 7))                   # fee 250
    refund(g, "r2", "s2", 5_000, at(OCT, 10))                # fee back 250
    refund(g, "r5", "s5", 1_000, at(OCT, 11))                # fee back 50
    return g


def test_worked_example(example):
    lines = rewards.compute(example, "2026-10")
    assert [(l.referrer_id, l.level, l.referrals, l.tier, l.tier_share_bp, l.base, l.amount)
            for l in lines] == [
        ("carol", 1, 5, 2, 1_500, 1_417, 212),   # 500 + 750 + 167 + 0, 15 % rounded down
        ("m1", 1, 1, 1, 1_000, 250, 25),         # 10 % of m6's fee
    ]
    run = rewards.run(example, "2026-10", now=AFTER_NOV)
    assert (run["status"], run["lines"], run["rewards"], run["clawbacks"]) == \
        ("completed", 2, 237, 0)
    assert sales.balances(example, "carol")["cash_pending"] == 212


def test_rerun_after_completion_pays_nothing_more(example):
    first = rewards.run(example, "2026-10", now=AFTER_NOV)
    again = rewards.run(example, "2026-10", now=AFTER_NOV + DAY)
    assert again == first
    assert sales.balances(example, "carol")["cash_pending"] == 212


def test_a_run_that_dies_midway_and_is_rerun_pays_each_line_once(example):
    with pytest.raises(RuntimeError):
        rewards.run(example, "2026-10", now=AFTER_NOV, batch=1, fail_after=1)
    assert rewards.get_run(example, "2026-10")["status"] == "failed"
    paid_so_far = sales.balances(example, "carol")["cash_pending"] + \
        sales.balances(example, "m1")["cash_pending"]
    assert paid_so_far in (212, 25)  # one line of two went through
    run = rewards.run(example, "2026-10", now=AFTER_NOV)
    assert (run["status"], run["lines"], run["rewards"], run["attempts"]) == \
        ("completed", 2, 237, 2)
    assert sales.balances(example, "carol")["cash_pending"] == 212
    assert sales.balances(example, "m1")["cash_pending"] == 25


def test_an_open_period_cannot_be_run(example):
    with pytest.raises(Refused, match="has not closed"):
        rewards.run(example, "2026-11", now=at(NOV, 3))


def test_refunds_above_new_fees_become_a_clawback_settled_by_later_rewards(example):
    rewards.run(example, "2026-10", now=AFTER_NOV)
    refund(example, "r2b", "s2", 10_000, at(NOV, 2))      # fee back 500 in November
    lines = rewards.compute(example, "2026-11")
    assert [(l.referrer_id, l.base, l.amount) for l in lines] == [("carol", -500, -75)]
    rewards.run(example, "2026-11", now=AFTER_NOV)
    assert sales.balances(example, "carol")["cash_pending"] == 212
    row = example.read_one("user_get", id="carol")
    assert row is not None
    released = rewards.release(example, now=AFTER_NOV + 30 * DAY)
    assert released == {"referrers": 2, "lines": 2, "released": 237, "settled": 75}
    balance = sales.balances(example, "carol")
    assert (balance["cash_pending"], balance["cash_available"]) == (0, 137)


def test_rewards_are_held_then_released_and_suspension_holds_them(example):
    rewards.run(example, "2026-10", now=AFTER_NOV)
    assert rewards.release(example, now=AFTER_NOV + DAY)["lines"] == 0   # 7-day hold
    users.set_status(example, "m1", "suspended")
    assert rewards.release(example, now=AFTER_NOV + 8 * DAY)["released"] == 212
    assert sales.balances(example, "m1")["cash_pending"] == 25
    users.set_status(example, "m1", "active")
    assert rewards.release(example, now=AFTER_NOV + 9 * DAY)["released"] == 25


def test_a_rule_change_mid_period_applies_from_the_next_period(example, monkeypatch):
    import graph.store.rules as store

    monkeypatch.setattr(store, "now_ms", lambda: at(OCT, 15))
    new = DEFAULT_RULES.changed({"tiers": [{"min_referrals": 1, "share_bp": 5_000}]})
    rules_store.create(example, new, effective_from=at(OCT, 15))
    assert [l.amount for l in rewards.compute(example, "2026-10")] == [212, 25]  # old tiers
    sale(example, "s7", "m1", 10_000, at(NOV, 3))
    assert [l.amount for l in rewards.compute(example, "2026-11")] == [250]      # 50 % of 500


def test_explain_a_line(example):
    rewards.run(example, "2026-10", now=AFTER_NOV)
    why = rewards.explain(example, "2026-10|carol|1")
    assert (why["referrals"], why["tier"], why["tier_share_bp"], why["base"], why["amount"],
            why["rules_version"]) == (5, 2, 1_500, 1_417, 212, 0)
    assert [(m["merchant_id"], m["fees"], m["refunded_fees"], m["path"])
            for m in why["merchants"]] == [
        ("m1", 500, 0, ["carol", "m1"]), ("m2", 1_000, 250, ["carol", "m2"]),
        ("m3", 167, 0, ["carol", "m3"]), ("m5", 50, 50, ["carol", "m5"])]


def test_multi_level_sharing(example, monkeypatch):
    import graph.store.rules as store

    monkeypatch.setattr(store, "now_ms", lambda: OCT[0] - DAY)
    two_levels = DEFAULT_RULES.changed({"level_shares": [5_000]})
    rules_store.create(example, two_levels, effective_from=OCT[0] - DAY)
    lines = rewards.compute(example, "2026-10")
    assert [(l.referrer_id, l.level, l.base, l.amount) for l in lines] == [
        ("carol", 1, 1_417, 212), ("carol", 2, 250, 18),   # 250 * 15 % * 50 % = 18.75 -> 18
        ("m1", 1, 250, 25)]
    why = [l for l in lines if l.level == 2][0]
    assert why.contributions[0].path == ("carol", "m1", "m6")


def test_preview_compares_proposed_rules(example):
    generous = DEFAULT_RULES.changed({"tiers": [{"min_referrals": 1, "share_bp": 2_000}]})
    result = rewards.preview(example, "2026-10", generous)
    assert result["current"]["rewards"] == 237
    assert result["proposed"]["rewards"] == 283 + 50  # 20 % of 1417 and of 250
    assert result["difference"]["rewards"] == 333 - 237
    assert example.read("reward_run_get", period="2026-10") == []   # nothing written
