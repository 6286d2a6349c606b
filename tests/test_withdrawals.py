"""Withdrawals: the cash-out proportion, the life cycle, no overdraft under
concurrency, and payout batches."""

import threading

import pytest

from graph.errors import Refused
from graph.rules import DEFAULT_RULES
from graph.store import cards, sales, users
from graph.store import withdrawals as wd

RULES = DEFAULT_RULES.changed({"min_withdrawal": 10})


def test_cash_out_proportion_and_payment(rich):
    w, created = wd.request(rich, id="w1", user_id="carol", amount=101, rules=RULES)
    assert created and (w["cash_amount"], w["voucher_amount"], w["status"]) == (70, 31, "requested")
    balance = sales.balances(rich, "carol")
    assert balance["cash_available"] == 111
    wd.transition(rich, "w1", "approved")
    batch, items = wd.create_batch(rich, "batch-1")
    assert items == [{"id": "w1", "user_id": "carol", "cash_amount": 70}]
    assert wd.create_batch(rich, "batch-1")[1] == items           # idempotent
    paid = wd.transition(rich, "w1", "paid", reference="bank-77")
    assert (paid["status"], paid["reference"]) == ("paid", "bank-77")
    vouchers = cards.vouchers_of(rich, "carol")
    paid_vouchers = [v for v in vouchers if v["source"] == "withdrawal"]
    assert [(v["amount"], v["source"]) for v in paid_vouchers] == [(31, "withdrawal")]
    # an unguessable id, not one made from the withdrawal's (issue 27)
    assert paid_vouchers[0]["id"].startswith("v_") and "w1" not in paid_vouchers[0]["id"]
    assert wd.transition(rich, "w1", "paid")["status"] == "paid"  # a replayed confirmation


def test_rejected_and_failed_withdrawals_return_the_money(rich):
    wd.request(rich, id="w1", user_id="carol", amount=100, rules=RULES)
    wd.transition(rich, "w1", "rejected", reason="documents missing")
    assert sales.balances(rich, "carol")["cash_available"] == 212
    wd.request(rich, id="w2", user_id="carol", amount=100, rules=RULES)
    wd.transition(rich, "w2", "approved")
    wd.create_batch(rich, "b")
    wd.transition(rich, "w2", "failed", reason="account closed")
    assert sales.balances(rich, "carol")["cash_available"] == 212


def test_refusals(rich):
    with pytest.raises(Refused, match="only 212"):
        wd.request(rich, id="w1", user_id="carol", amount=213, rules=RULES)
    with pytest.raises(Refused, match="smallest withdrawal"):
        wd.request(rich, id="w1", user_id="carol", amount=9, rules=RULES)
    wd.request(rich, id="w1", user_id="carol", amount=10, rules=RULES)
    with pytest.raises(Refused, match="cannot become paid"):
        wd.transition(rich, "w1", "paid")
    users.set_status(rich, "m1", "suspended")
    with pytest.raises(Refused, match="not active"):
        wd.request(rich, id="w9", user_id="m1", amount=10, rules=RULES)


def test_fifty_concurrent_requests_never_overdraw(rich):
    outcomes = []

    def ask(n):
        try:
            wd.request(rich, id=f"c{n}", user_id="carol", amount=10, rules=RULES)
            outcomes.append("ok")
        except Refused as exc:
            outcomes.append(exc.code)

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 21 and outcomes.count("insufficient_balance") == 29
    balance = sales.balances(rich, "carol")
    assert (balance["cash_available"], balance["cash_pending"]) == (2, 0)
