"""Races: many threads against one server, through the store functions the API
calls, on every backend.

FalkorDB runs the writes to a graph one at a time; Neo4j runs them side by
side under read-committed isolation (cypher/DIALECTS.md, "Concurrency").
Each test starts its threads together on a barrier and then checks the exact
final state: counts, sums, balances and ledger accounts.  The ledger check
that ``graph_backend`` runs after every test must also pass.

Covered: withdrawals (``tests/test_withdrawals.py::
test_fifty_concurrent_requests_never_overdraw`` has fifty requests for distinct
ids; here they start on a barrier and each request is also sent twice),
registrations on one referral code and on one user id, a reward run started
twice, batches racing single sales, refunds on one sale, sales on one voucher,
card purchases by one user, payout batches, and revocation racing sales and
expiry.  Before the lock-first fixes, the last three overdid it on Neo4j (a
user with eight cards, a withdrawal in four payout batches, a voucher's value
given back twice).
"""

import threading

import pytest
from conftest import consent

from graph.errors import IdempotencyConflict, Refused
from graph.maintenance import counts
from graph.money import fee_for, points_for, round_half_up
from graph.rules import DEFAULT_RULES, period_of
from graph.store import cards, ledger, rewards, sales, users
from graph.store import withdrawals as wd

from test_rewards import AFTER_NOV, DAY, OCT, at
from test_withdrawals import RULES


def race(work, n):
    """Run ``work(i)`` for ``i`` in ``range(n)`` on ``n`` threads released
    together; return each call's result or the exception it raised."""
    barrier = threading.Barrier(n)
    results = [None] * n

    def run(i):
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001  (the test asserts on it)
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck"
    return results


def unexpected(results, *allowed):
    """The results that are exceptions of a type not in ``allowed``."""
    return [r for r in results if isinstance(r, Exception) and not isinstance(r, allowed)]


def register(g, id, roles=(), referrer_id=None, root=False, **extra):
    return users.register(g, id=id, name=extra.pop("name", id), roles=list(roles),
                          rules=DEFAULT_RULES, referrer_id=referrer_id, root=root,
                          at=OCT[0] - DAY, **extra)


@pytest.fixture
def shop(graph_backend):
    """root -> holder (card holder) -> m1, m2 (merchants), b1, b2 (buyers)."""
    g = graph_backend
    register(g, "root", root=True)
    register(g, "holder", ["buyer"], referrer_id="root")
    cards.buy_card(g, id="card-holder", user_id="holder", rules=DEFAULT_RULES, at=OCT[0] - DAY)
    for id, roles in (("m1", ["merchant"]), ("m2", ["merchant"]), ("b1", ["buyer"]),
                      ("b2", ["buyer"])):
        register(g, id, roles, referrer_id="holder")
    return g


# --- withdrawals -------------------------------------------------------------

def test_one_withdrawal_sent_by_many_threads_is_created_once(rich):
    """carol has 212 withdrawable: the same request for all of it, twenty
    times at once, is created once and every other answer is its replay, not
    'insufficient_balance'."""
    results = race(lambda i: wd.request(rich, id="all", user_id="carol", amount=212,
                                        rules=RULES), 20)
    assert unexpected(results) == []
    assert sorted(created for _, created in results) == [False] * 19 + [True]
    assert {w["id"] for w, _ in results} == {"all"}
    balance = sales.balances(rich, "carol")
    assert (balance["cash_available"], balance["cash_pending"]) == (0, 0)
    assert ledger.balances(rich)["user:carol:withdrawing"] == 212


def test_withdrawals_sent_twice_each_at_once_never_overdraw(rich):
    """Thirty requests of 10, each sent by two threads, all released together:
    21 are created (212 // 10), both senders of each get the same answer."""
    def ask(i):
        return wd.request(rich, id=f"w{i // 2}", user_id="carol", amount=10, rules=RULES)

    results = race(ask, 60)
    assert unexpected(results, Refused) == []
    for n in range(30):
        first, second = results[2 * n], results[2 * n + 1]
        if isinstance(first, Refused) or isinstance(second, Refused):
            assert (getattr(first, "code", None), getattr(second, "code", None)) == \
                ("insufficient_balance", "insufficient_balance"), (n, first, second)
        else:
            assert sorted([first[1], second[1]]) == [False, True]
            assert first[0] == second[0]
    assert sum(1 for r in results if isinstance(r, tuple) and r[1]) == 21
    balance = sales.balances(rich, "carol")
    assert balance["cash_available"] == 2
    assert ledger.balances(rich)["user:carol:withdrawing"] == 210
    assert counts(rich)[0]["Withdrawal"] == 21


# --- registrations -----------------------------------------------------------

def test_referees_racing_on_one_referral_code_all_land_under_the_referrer(shop):
    code = users.get(shop, "holder")["referral_code"]
    results = race(lambda i: register(shop, f"r{i:02}", ["buyer"], referral_code=code), 30)
    assert unexpected(results) == []
    assert all(created for _, created in results)
    assert sorted(u["referrer_id"] for u, _ in results) == ["holder"] * 30
    levels, below = users.downline(shop, "holder", depth=1, limit=100)
    assert levels == [{"level": 1, "users": 34, "merchants": 2}]
    assert sorted(u["id"] for u in below if u["id"].startswith("r")) == \
        [f"r{i:02}" for i in range(30)]
    nodes, rels = counts(shop)
    assert (nodes["User"], rels["REFERRED"]) == (6 + 30, 5 + 30)


def test_registrations_racing_on_one_user_id_create_one_user(shop):
    """Twenty threads register 'dup': ten send one request, ten another (a
    different name and referrer).  One user is created; the senders of the
    winning request get its replay, the others a 409 (id taken)."""
    def sign_up(i):
        if i % 2:
            return register(shop, "dup", ["buyer"], referrer_id="holder", name="Dup A")
        return register(shop, "dup", ["merchant"], referrer_id="m1", name="Dup B")

    results = race(sign_up, 20)
    assert unexpected(results, IdempotencyConflict) == []
    won = [i for i, r in enumerate(results) if isinstance(r, tuple) and r[1]]
    assert len(won) == 1
    winner = results[won[0]][0]
    for i, result in enumerate(results):
        if i % 2 == won[0] % 2:
            assert result == (winner, i == won[0])
        else:
            assert isinstance(result, IdempotencyConflict)
    assert users.get(shop, "dup") == {**winner, "referrals": 0}
    nodes, rels = counts(shop)
    assert (nodes["User"], rels["REFERRED"]) == (7, 6)
    assert users.upline(shop, "dup")[0]["id"] == winner["referrer_id"]


# --- reward runs -------------------------------------------------------------

@pytest.fixture
def network(example):
    """The worked example plus twelve card holders with one to six merchants
    each, every merchant selling in October: lines at every tier."""
    g = example
    for h in range(12):
        holder = f"h{h:02}"
        register(g, holder, ["buyer"], referrer_id="platform")
        cards.buy_card(g, id=f"card-{holder}", user_id=holder, rules=DEFAULT_RULES,
                       at=OCT[0] - DAY)
        for n in range(1 + h % 6):
            merchant = f"{holder}-m{n}"
            register(g, merchant, ["merchant"], referrer_id=holder)
            sales.record_sale(g, id=f"{merchant}-s", merchant_id=merchant,
                              amount=1_000 + 137 * h + 11 * n, currency="CNY",
                              rules=DEFAULT_RULES, at=at(OCT, 1 + n))
    return g


def test_a_reward_run_started_twice_at_once_pays_once(network):
    expected = rewards.compute(network, "2026-10")
    assert len(expected) == 14
    per_referrer = {}
    for line in expected:
        per_referrer[line.referrer_id] = per_referrer.get(line.referrer_id, 0) + line.amount
    total = sum(per_referrer.values())

    results = race(lambda i: rewards.run(network, "2026-10", now=AFTER_NOV, batch=2), 4)
    assert unexpected(results) == []
    run = rewards.get_run(network, "2026-10")
    assert (run["status"], run["lines"], run["rewards"], run["clawbacks"]) == \
        ("completed", 14, total, 0)
    for referrer_id, amount in per_referrer.items():
        assert sales.balances(network, referrer_id)["cash_pending"] == amount, referrer_id
    assert counts(network)[0]["RewardLine"] == 14
    assert ledger.balances(network)["platform:rewards"] == -total
    again = rewards.run(network, "2026-10", now=AFTER_NOV + DAY)
    assert (again["lines"], again["rewards"]) == (14, total)


# --- sales -------------------------------------------------------------------

WHEN = at(OCT, 9)
SALES = [{"id": f"s{n:02}", "merchant_id": f"m{1 + n % 2}",
          "buyer_id": [None, "b1", "b2"][n % 3], "amount": 999 + 1_013 * n,
          "currency": "CNY", "at": WHEN} for n in range(40)]


def sell(g, item):
    return sales.record_sale(g, rules=DEFAULT_RULES, **item)


def test_batches_racing_single_sales_with_the_same_ids_record_each_sale_once(shop):
    """Two overlapping batches (sales 0-24 and 15-39) and forty single sales
    of the same requests, all at once: each sale is created once and replayed
    everywhere else; fee totals, points and the ledger are exact."""
    batches = [SALES[:25], SALES[15:]]

    def work(i):
        if i < len(batches):
            return sales.record_sales(shop, batches[i])
        return sell(shop, SALES[i - len(batches)])

    results = race(work, len(batches) + len(SALES))
    assert unexpected(results) == []
    created = {}
    for outcome in results[:len(batches)]:
        for id, what in outcome:
            assert what in ("created", "replayed"), (id, what)
            created[id] = created.get(id, 0) + (what == "created")
    for item, (sale, was_created) in zip(SALES, results[len(batches):], strict=True):
        assert sale["id"] == item["id"] and sale["amount"] == item["amount"]
        created[item["id"]] = created.get(item["id"], 0) + was_created
    assert created == {item["id"]: 1 for item in SALES}

    period = period_of(WHEN, DEFAULT_RULES.period)
    totals = {row["merchant_id"]: row for row in shop.read("analytics_fee_totals_page",
                                                           after=None, limit=10)}
    for merchant in ("m1", "m2"):
        mine = [s for s in SALES if s["merchant_id"] == merchant]
        fees = sum(fee_for(s["amount"], DEFAULT_RULES.fee_bp) for s in mine)
        row = totals[merchant]
        assert (row["period"], row["fees"], row["sales"], row["amount"], row["refunded_fees"]) \
            == (period, fees, len(mine), sum(s["amount"] for s in mine), 0)
    for buyer in ("b1", "b2"):
        points = sum(points_for(s["amount"], DEFAULT_RULES.points_bp)
                     for s in SALES if s["buyer_id"] == buyer)
        assert sales.balances(shop, buyer)["points"] == points
    all_fees = sum(fee_for(s["amount"], DEFAULT_RULES.fee_bp) for s in SALES)
    assert ledger.balances(shop)["platform:fees"] == all_fees
    nodes, rels = counts(shop)
    assert (nodes["Sale"], nodes["FeeTotal"], rels["SOLD"], rels["BOUGHT"]) == \
        (40, 2, 40, sum(1 for s in SALES if s["buyer_id"]))


# --- refunds -----------------------------------------------------------------

def test_refunds_racing_on_one_sale_never_over_refund(shop):
    """Twelve refunds of different sizes (9,900 together) on a sale of 3,333,
    all at once: what they refund never exceeds the sale; each refused one
    does not fit even now; fee and points are reversed exactly once."""
    sale, _ = sell(shop, {"id": "big", "merchant_id": "m1", "buyer_id": "b1", "amount": 3_333,
                          "currency": "CNY", "at": WHEN})
    assert (sale["fee"], sale["points"]) == (167, 33)
    amounts = [1_500, 1_200, 1_100, 1_000, 900, 800, 700, 600, 500, 400, 300, 900]

    results = race(lambda i: sales.record_refund(
        shop, id=f"rf{i}", sale_id="big", amount=amounts[i], rules=DEFAULT_RULES,
        at=WHEN + 1), len(amounts))
    assert unexpected(results, Refused) == []
    done = [r[0] for r in results if isinstance(r, tuple)]
    refused = [amounts[i] for i, r in enumerate(results) if isinstance(r, Refused)]
    assert all(r.code == "over_refund" for r in results if isinstance(r, Refused))
    refunded = sum(r["amount"] for r in done)
    assert refunded <= 3_333 and all(refunded + a > 3_333 for a in refused)

    after = sales.get_sale(shop, "big")
    fee_back = round_half_up(167 * refunded, 3_333)
    points_back = round_half_up(33 * refunded, 3_333)
    assert (after["refunded_amount"], after["refunded_fee"], after["refunded_points"]) == \
        (refunded, fee_back, points_back)
    assert sum(r["fee"] for r in done) == fee_back
    assert sum(r["points"] for r in done) == points_back
    total = shop.read("analytics_fee_totals_page", after=None, limit=10)[0]
    assert (total["fees"], total["refunded_fees"]) == (167, fee_back)
    assert sales.balances(shop, "b1")["points"] == 33 - points_back
    assert ledger.balances(shop)["platform:fees"] == 167 - fee_back
    assert counts(shop)[0]["Refund"] == len(done)


def test_one_refund_sent_by_many_threads_is_created_once(shop):
    """The same full refund twelve times at once: created once, replayed
    eleven times, never answered 'over_refund'."""
    sell(shop, {"id": "one", "merchant_id": "m2", "buyer_id": "b2", "amount": 2_000,
                "currency": "CNY", "at": WHEN})
    results = race(lambda i: sales.record_refund(
        shop, id="back", sale_id="one", amount=2_000, rules=DEFAULT_RULES, at=WHEN + 1), 12)
    assert unexpected(results) == []
    assert sorted(created for _, created in results) == [False] * 11 + [True]
    after = sales.get_sale(shop, "one")
    assert (after["refunded_amount"], after["refunded_fee"], after["refunded_points"]) == \
        (2_000, 100, 20)
    assert sales.balances(shop, "b2")["points"] == 0
    assert counts(shop)[0]["Refund"] == 1


# --- vouchers, cards and payout batches (read-then-write statements) ---------

def test_sales_racing_on_one_voucher_never_spend_more_than_it_holds(shop):
    """Twelve sales each paying a quarter of one 1,000 voucher: four are paid,
    eight refused; the voucher ends at 0, the ledger agrees."""
    cards.buy_card(shop, id="card-b1", user_id="b1", rules=DEFAULT_RULES, at=WHEN - DAY)
    voucher = cards.vouchers_of(shop, "b1")[0]
    assert voucher["remaining"] == 1_000

    tokens = [consent(shop, "b1", [voucher["id"]], 250) for _ in range(12)]
    results = race(lambda i: sales.record_sale(
        shop, id=f"vs{i}", merchant_id="m1", buyer_id="b1", amount=400, currency="CNY",
        rules=DEFAULT_RULES, at=WHEN, vouchers=[{"id": voucher["id"], "amount": 250,
                                                 "redemption_token": tokens[i]}]), 12)
    assert unexpected(results, Refused) == []
    assert sum(1 for r in results if isinstance(r, tuple) and r[1]) == 4
    assert {r.code for r in results if isinstance(r, Refused)} == {"voucher_unusable"}
    assert cards.get_voucher(shop, voucher["id"])["remaining"] == 0
    assert counts(shop)[1]["PAID_WITH"] == 4


def test_one_sale_paid_by_voucher_sent_by_many_threads_is_created_once(shop):
    """The same sale, paid in full by a voucher, sent twelve times at once: one
    sale, eleven replays, never 'voucher_unusable'."""
    cards.buy_card(shop, id="card-b1", user_id="b1", rules=DEFAULT_RULES, at=WHEN - DAY)
    voucher = cards.vouchers_of(shop, "b1")[0]
    token = consent(shop, "b1", [voucher["id"]], 1_000)
    results = race(lambda i: sales.record_sale(
        shop, id="paid", merchant_id="m1", buyer_id="b1", amount=1_000, currency="CNY",
        rules=DEFAULT_RULES, at=WHEN, vouchers=[{"id": voucher["id"], "amount": 1_000,
                                                 "redemption_token": token}]), 12)
    assert unexpected(results) == []
    assert sorted(created for _, created in results) == [False] * 11 + [True]
    assert cards.get_voucher(shop, voucher["id"])["remaining"] == 0


def test_one_redemption_token_sent_with_many_sales_at_once_pays_one(shop):
    """Twelve different sales at once with one holder's token, each for 100
    of a 1,000 voucher: the token pays one, the eleven others are refused for
    want of consent (it is used), and the voucher lost 100 only."""
    cards.buy_card(shop, id="card-b1", user_id="b1", rules=DEFAULT_RULES, at=WHEN - DAY)
    voucher = cards.vouchers_of(shop, "b1")[0]
    token = consent(shop, "b1", [voucher["id"]], 100)
    results = race(lambda i: sales.record_sale(
        shop, id=f"one-token-{i}", merchant_id="m1", buyer_id="b1", amount=300,
        currency="CNY", rules=DEFAULT_RULES, at=WHEN,
        vouchers=[{"id": voucher["id"], "amount": 100, "redemption_token": token}]), 12)
    assert unexpected(results, Refused) == []
    assert sum(1 for r in results if isinstance(r, tuple) and r[1]) == 1
    assert [r.code for r in results if isinstance(r, Refused)] == \
        ["voucher_consent_required"] * 11
    assert cards.get_voucher(shop, voucher["id"])["remaining"] == 900
    assert counts(shop)[1]["PAID_WITH"] == 1


def test_two_cards_bought_at_once_by_one_user_give_one_card(shop):
    """The rules allow one card per user: eight purchases with different card
    ids at once make one card holder with one card's vouchers."""
    results = race(lambda i: cards.buy_card(shop, id=f"card-{i}", user_id="b2",
                                            rules=DEFAULT_RULES, at=WHEN), 8)
    assert unexpected(results, Refused) == []
    assert sum(1 for r in results if isinstance(r, tuple)) == 1
    assert {r.code for r in results if isinstance(r, Refused)} == {"already_cardholder"}
    assert len(cards.cards_of(shop, "b2")) == 1
    assert len(cards.vouchers_of(shop, "b2")) == DEFAULT_RULES.card_voucher_count


def test_payout_batches_created_at_once_pay_each_withdrawal_once(rich):
    """Twenty approved withdrawals, four payout batches created at once: each
    withdrawal is in exactly one batch."""
    for n in range(20):
        wd.request(rich, id=f"p{n}", user_id="carol", amount=10, rules=RULES)
        wd.transition(rich, f"p{n}", "approved")
    results = race(lambda i: wd.create_batch(rich, f"batch-{i}"), 4)
    assert unexpected(results) == []
    paid = sorted(item["id"] for _, items in results for item in items)
    assert paid == sorted(f"p{n}" for n in range(20))
    for batch, items in results:
        assert all(wd.get(rich, item["id"])["batch_id"] == batch["id"] for item in items)
    assert counts(rich)[1]["PAYS"] == 20


def test_a_voucher_revoked_while_sales_spend_it_keeps_the_ledger(shop):
    """Revoking a voucher while seven sales spend 100 of it each: what the
    revocation takes back is what the sales that went first left (the ledger
    check after the test compares every account with the cached balances)."""
    cards.buy_card(shop, id="card-b1", user_id="b1", rules=DEFAULT_RULES, at=WHEN - DAY)
    voucher = cards.vouchers_of(shop, "b1")[0]
    tokens = [consent(shop, "b1", [voucher["id"]], 100) for _ in range(8)]

    def work(i):
        if i == 3:
            return cards.revoke_voucher(shop, voucher["id"], at=WHEN + 1)
        return sales.record_sale(shop, id=f"rv{i}", merchant_id="m1", buyer_id="b1",
                                 amount=300, currency="CNY", rules=DEFAULT_RULES, at=WHEN,
                                 vouchers=[{"id": voucher["id"], "amount": 100,
                                            "redemption_token": tokens[i]}])

    results = race(work, 8)
    assert unexpected(results, Refused) == []
    spent = 100 * sum(1 for r in results if isinstance(r, tuple) and r[1])
    after = cards.get_voucher(shop, voucher["id"])
    assert (after["status"], after["remaining"]) == ("revoked", 1_000 - spent)
    taken_back = [e["amount"] for e in ledger.entries(shop, "platform:vouchers", limit=100)
                  if e["kind"] == "voucher_revoked"]
    assert taken_back == [1_000 - spent]


def test_expiry_racing_revocation_takes_a_voucher_back_once(shop):
    """Two expiry runs and two revocations of the same expired vouchers at
    once: each voucher's value goes back to the platform exactly once."""
    for n in range(5):
        cards.issue_voucher(shop, id=f"old{n}", owner_id="b2", amount=500 + n,
                            expires_at=WHEN, at=WHEN - DAY)

    def work(i):
        if i < 2:
            return cards.expire_vouchers(shop, now=WHEN + 1)
        return [cards.revoke_voucher(shop, f"old{n}", at=WHEN + 1) for n in range(5)]

    results = race(work, 4)
    assert unexpected(results) == []
    back = {}
    for e in ledger.entries(shop, "platform:vouchers", limit=100):
        if e["kind"] in ("voucher_expired", "voucher_revoked"):
            back[e["ref"]] = back.get(e["ref"], 0) + e["amount"]
    assert back == {f"old{n}": 500 + n for n in range(5)}
    assert ledger.balances(shop).get("user:b2:vouchers", 0) == 0
