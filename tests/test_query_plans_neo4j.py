"""Neo4j query plans of the statements on the hot paths: every lookup by id is
an index seek and nothing scans a label or the whole graph.

The FalkorDB side is tests/test_query_plans.py.  Neo4j plans by cost, with the
database's counts, so the plans are taken on a small seeded network rather
than an empty one.  In write statements Neo4j seeks with
``NodeUniqueIndexSeek(Locking)``: a miss takes the index entry's lock to the
end of the transaction, which is what makes two creations of one id queue
(cypher/DIALECTS.md, "Concurrency").
"""

import pytest

from graph.maintenance import wipe
from graph.rules import DEFAULT_RULES
from graph.store import cards, sales, users

SEEKS = ("NodeIndexSeek", "NodeUniqueIndexSeek")

REGISTER = {"id": "new", "name": "New", "roles": ["buyer"], "at": 1, "code": "NEWCODE",
            "root": False, "referrers": ["merchant", "cardholder"], "request_hash": "h",
            "phone_hash": None, "device_id": None, "payment_hash": None}
SALE = {"id": "s-new", "merchant_id": "m0", "amount": 1_000, "currency": "CNY", "at": 1,
        "period": "2026-11", "items": None, "vouchers": [], "voucher_paid": 0, "fee_bp": 500,
        "fee": 50, "points": 10, "request_hash": "h", "carry_period": None, "financing": None,
        "rules_version": 1, "rules_change_id": "c1", "now": 1}
BATCH_ROW = {k: v for k, v in SALE.items() if k not in ("vouchers", "voucher_paid",
                                                         "financing", "rules_version",
                                                         "rules_change_id", "now")}


@pytest.fixture(scope="module")
def neo4j(neo4j_backend):
    """A small network, so that the planner has counts to go by: a root, two
    card holders, ten merchants, twenty buyers, sales and a refund."""
    g = neo4j_backend
    wipe(g)

    def register(id, roles, referrer_id=None, root=False):
        users.register(g, id=id, name=id, roles=roles, rules=DEFAULT_RULES,
                       referrer_id=referrer_id, root=root)

    register("root", [], root=True)
    for h in range(2):
        register(f"h{h}", ["buyer"], "root")
        cards.buy_card(g, id=f"card-h{h}", user_id=f"h{h}", rules=DEFAULT_RULES)
    for n in range(10):
        register(f"m{n}", ["merchant"], f"h{n % 2}")
    for n in range(20):
        register(f"b{n}", ["buyer"], f"m{n % 10}")
    for n in range(30):
        sales.record_sale(g, id=f"s{n}", merchant_id=f"m{n % 10}", buyer_id=f"b{n % 20}",
                          amount=1_000 + n, currency="CNY", rules=DEFAULT_RULES)
    sales.record_refund(g, id="r0", sale_id="s0", amount=500, rules=DEFAULT_RULES)
    yield g
    wipe(g)


def check(backend, statement, lookups, /, **params):
    """EXPLAIN ``statement``: no scan anywhere, and each of ``lookups``
    (``'var:Label(property)'``) found by an index seek."""
    plan = backend.explain(statement, **params)
    text = "\n".join(f"{op} | {details}" for op, details in plan)
    assert [op for op, _ in plan if op.endswith("Scan")] == [], text
    for lookup in lookups:
        assert any(op.startswith(SEEKS) and f" {lookup} " in f" {details} "
                   for op, details in plan), f"{lookup} is not an index seek:\n{text}"
    return plan


@pytest.mark.parametrize("how", [
    {"referrer_id": "h0", "referral_code": None, "root": False},
    {"referrer_id": None, "referral_code": "CODE", "root": False},
    {"referrer_id": None, "referral_code": None, "root": True},
], ids=["referrer_id", "referral_code", "root"])
def test_registration(neo4j, how):
    check(neo4j, "user_register",
          ["existing:User(id)", "by_id:User(id)", "by_code:User(referral_code)", "u:User(id)"],
          **{**REGISTER, **how})


@pytest.mark.parametrize("buyer_id", [None, "b1"], ids=["no_buyer", "buyer"])
def test_a_sale(neo4j, buyer_id):
    check(neo4j, "sale_record",
          ["existing:Sale(id)", "m:User(id)", "b:User(id)", "v:Voucher(id)", "t:FeeTotal(id)",
           "s:Sale(id)", "newer:RuleSet(version)", "known:RuleSet(version)"],
          **{**SALE, "buyer_id": buyer_id, "points": 10 if buyer_id else 0})


def test_a_financed_sale(neo4j):
    """The institution by its id, the buyer (locked first) by theirs."""
    check(neo4j, "sale_record",
          ["existing:Sale(id)", "m:User(id)", "b:User(id)", "fb:User(id)",
           "fi:Institution(id)"],
          **{**SALE, "buyer_id": "b1", "financing": {
              "id": "s-new", "institution_id": "bank", "buyer_id": "b1", "amount": 500,
              "installments": 3, "points": 10, "lapse_at": 1}})


def test_a_financing_decision(neo4j):
    check(neo4j, "financing_transition", ["a:FinancingApplication(id)"],
          id="s1", to="disbursed", by="institution", institution_id="bank", reference="r",
          reason=None, at=1, carry_period=None, **{"from": ["approved"]})


def test_a_sale_paid_with_a_voucher(neo4j):
    """Each voucher is sought by id and its owner checked from there.  Written
    as (b)-[:OWNS]->(v:Voucher {id: ...}), one fresh server in three planned a
    scan of the whole Voucher index here, even for sales without vouchers."""
    voucher = cards.vouchers_of(neo4j, "h0")[0]["id"]
    check(neo4j, "sale_record",
          ["existing:Sale(id)", "m:User(id)", "b:User(id)", "v:Voucher(id)",
           "r:VoucherRedemption(token_hash)"],
          **{**SALE, "buyer_id": "h0", "vouchers": [{"id": voucher, "amount": 100,
                                                     "token_hash": "t", "token_total": 100}],
             "voucher_paid": 100})


def test_a_batch_of_sales(neo4j):
    check(neo4j, "sale_record_batch",
          ["existing:Sale(id)", "m:User(id)", "b:User(id)", "t:FeeTotal(id)"],
          sales=[{**BATCH_ROW, "buyer_id": "b1"}, {**BATCH_ROW, "id": "s-new-2", "buyer_id": None,
                                                   "points": 0}])


def test_a_refund(neo4j):
    check(neo4j, "refund_record",
          ["s:Sale(id)", "existing:Refund(id)", "m:User(id)", "b:User(id)", "t:FeeTotal(id)",
           "r:Refund(id)"],
          id="r-new", sale_id="s1", amount=100, at=2, reason=None, period="2026-11",
          request_hash="h", carry_period=None)


def test_a_batch_of_refunds(neo4j):
    row = {"id": "r-new", "sale_id": "s1", "amount": 100, "at": 2, "period": "2026-11",
           "reason": None, "request_hash": "h", "carry_period": None}
    check(neo4j, "refund_record_batch",
          ["s:Sale(id)", "existing:Refund(id)", "m:User(id)", "b:User(id)", "t:FeeTotal(id)"],
          refunds=[row])


def test_balances(neo4j):
    check(neo4j, "user_balances", ["u:User(id)"], id="b1", at=1)


def test_upline_and_downline(neo4j):
    check(neo4j, "user_upline", ["u:User(id)"], id="b1")
    check(neo4j, "user_downline_counts", ["u:User(id)"], id="h0", depth=3)
    check(neo4j, "user_downline_page", ["u:User(id)"], id="h0", depth=3, after_level=1,
          after_id="m2", limit=50)


def test_a_withdrawal(neo4j):
    check(neo4j, "withdrawal_request",
          ["u:User(id)", "existing:Withdrawal(id)", "w:Withdrawal(id)"],
          id="w-new", user_id="h0", amount=100, cash_amount=70, min_amount=10, at=1,
          request_hash="h")
