"""FalkorDB query plans of the statements on the hot paths: every lookup by
id goes through an index, whatever the optional parameters hold.

FalkorDB plans a statement with its parameter values; an equality against a
null parameter becomes a scan of the whole label (cypher/DIALECTS.md).  A
scan there would make every registration and every sale without a buyer
slower as the network grows, which no functional test notices.
"""

import pytest

from graph.maintenance import now_ms

REGISTER = dict(id="u1", name="U", roles=["buyer"], at=1, code="C1", root=False,
                referrers=["merchant", "cardholder"], request_hash="h",
                phone_hash=None, device_id=None, payment_hash=None)


def plan(backend, statement, /, **params):
    """GRAPH.EXPLAIN of a registered statement with these parameters, as text."""
    explained = backend._graph.explain(backend.queries[statement].text, params)
    return "\n".join(getattr(explained, "plan", explained))


@pytest.mark.parametrize("how", [
    {"referrer_id": "r1", "referral_code": None, "root": False},
    {"referrer_id": None, "referral_code": "CODE", "root": False},
    {"referrer_id": None, "referral_code": None, "root": True},
])
def test_registration_looks_users_up_by_index(falkordb_backend, how):
    text = plan(falkordb_backend, "user_register", **{**REGISTER, **how})
    assert "Node By Index Scan | (existing:User)" in text
    assert "Label Scan" not in text, text


@pytest.mark.parametrize("buyer_id", [None, "b1"])
def test_a_sale_looks_users_up_by_index(falkordb_backend, buyer_id):
    at = now_ms()
    text = plan(falkordb_backend, "sale_record", id="s1", merchant_id="m1", buyer_id=buyer_id,
                amount=1000, currency="CNY", at=at, period="2026-11", items=None,
                vouchers=[], voucher_paid=0, fee_bp=300, fee=30, points=0,
                request_hash="h", carry_period=None, financing=None, rules_version=1,
                rules_change_id="c1", now=at)
    assert "Node By Index Scan | (m:User)" in text
    # the check of the caller's cached rules: two lookups of a version
    assert "Node By Index Scan | (newer:RuleSet)" in text
    assert "Node By Index Scan | (known:RuleSet)" in text
    assert "Label Scan" not in text, text


def test_a_financed_sale_looks_its_institution_and_buyer_up_by_index(falkordb_backend):
    text = plan(falkordb_backend, "sale_record", id="s1", merchant_id="m1", buyer_id="b1",
                amount=1000, currency="CNY", at=now_ms(), period="2026-11", items=None,
                vouchers=[], voucher_paid=0, fee_bp=300, fee=30, points=0,
                request_hash="h", carry_period=None, rules_version=None, now=now_ms(),
                rules_change_id=None, financing={"id": "s1", "institution_id": "bank", "buyer_id": "b1",
                           "amount": 500, "installments": 3, "points": 10, "lapse_at": 1})
    assert "Node By Index Scan | (fi:Institution)" in text
    assert "Node By Index Scan | (fb:User)" in text
    assert "Label Scan" not in text, text


def test_a_financing_decision_finds_its_application_by_index(falkordb_backend):
    text = plan(falkordb_backend, "financing_transition", id="s1", to="approved",
                **{"from": ["applied"]}, by="institution", institution_id="bank",
                reference="r", reason=None, at=1, carry_period=None)
    assert "Node By Index Scan | (a:FinancingApplication)" in text
    assert "Label Scan" not in text, text


# -- writes after creations -------------------------------------------------------
#
# On FalkorDB, the first update of a node's properties or labels after nodes
# were created pays for merging those creations into the graph's label
# matrix, a cost that grows with the graph (about 2 ms at 1.4M nodes on 2
# cores; cypher/DIALECTS.md, "Writes after creations").  Each statement of
# the hot paths pays it once at most: every SET or MERGE before its first
# CREATE.  The plan's operations are checked in the order they run.

def operations_in_order(text):
    """The operation names of a plan, in execution order (children first,
    in order: a FalkorDB operation pulls from its first child before its
    later ones)."""
    nodes = []
    for line in text.splitlines():
        if line.strip():
            depth = len(line) - len(line.lstrip())
            nodes.append((depth, line.strip().split(" | ")[0].strip()))

    def walk(i):
        depth, name = nodes[i]
        order, j = [], i + 1
        while j < len(nodes) and nodes[j][0] > depth:
            child, j = walk(j)
            order += child
        return order + [name], j

    return walk(0)[0]


def updates_after_creates(text):
    order = operations_in_order(text)
    if "Create" not in order:
        return []
    first = order.index("Create")
    return [op for op in order[first:] if op in ("Update", "Merge")]


def test_the_order_of_operations_is_read_from_the_plan():
    text = "\n".join(["Results", "    Create", "        Update", "            Merge",
                      "        Foreach", "            Create", "            Update"])
    assert operations_in_order(text) == ["Merge", "Update", "Create", "Update", "Foreach",
                                         "Create", "Results"]
    assert updates_after_creates(text) == ["Update"]


SALE = dict(id="s1", merchant_id="m1", buyer_id="b1", amount=1000, currency="CNY", items=None,
            vouchers=[], voucher_paid=0, fee_bp=300, fee=30, points=10, request_hash="h",
            period="2026-11", carry_period=None, financing=None, rules_version=1,
            rules_change_id="c1")


@pytest.mark.parametrize("case", ["merchant only", "buyer", "vouchers", "financed"])
def test_a_sale_updates_before_it_creates(falkordb_backend, case):
    params = {**SALE, "at": now_ms(), "now": now_ms()}
    if case == "merchant only":
        params.update(buyer_id=None, points=0)
    elif case == "vouchers":
        params.update(vouchers=[{"id": "v1", "amount": 100, "token_hash": "t", "token_total": 150},
                                {"id": "v2", "amount": 50, "token_hash": "t", "token_total": 150}],
                      voucher_paid=150)
    elif case == "financed":
        params.update(financing={"id": "s1", "institution_id": "bank", "buyer_id": "b1",
                                 "amount": 500, "installments": 3, "points": 10,
                                 "lapse_at": 1}, points=0)
    text = plan(falkordb_backend, "sale_record", **params)
    assert updates_after_creates(text) == [], text
    if case == "vouchers":     # the holder's consent: the token by its hash
        assert "Node By Index Scan | (r:VoucherRedemption)" in text, text


def test_a_batch_of_sales_updates_before_it_creates(falkordb_backend):
    row = {**SALE, "at": now_ms()}
    del row["vouchers"], row["voucher_paid"], row["financing"]
    text = plan(falkordb_backend, "sale_record_batch",
                sales=[row, {**row, "id": "s2", "buyer_id": None, "points": 0}])
    assert updates_after_creates(text) == [], text


@pytest.mark.parametrize("carry_period", [None, "2026-12"])
def test_a_refund_looks_up_by_index_and_updates_before_it_creates(falkordb_backend,
                                                                   carry_period):
    text = plan(falkordb_backend, "refund_record", id="r1", sale_id="s1", amount=100,
                at=now_ms(), reason=None, period="2026-11", request_hash="h",
                carry_period=carry_period)
    for lookup in ("(s:Sale)", "(existing:Refund)", "(m:User)", "(b:User)", "(t:FeeTotal)"):
        assert f"Node By Index Scan | {lookup}" in text, text
    assert "Label Scan" not in text and "Traverse" not in text, text
    assert updates_after_creates(text) == [], text


def test_a_card_purchase_updates_before_it_creates(falkordb_backend):
    text = plan(falkordb_backend, "card_buy", id="c1", user_id="u1", price=9900, at=now_ms(),
                request_hash="h", allow_second=False, voucher_ids=["v_1", "v_2", "v_3"],
                voucher_amount=1000,
                expires_at=now_ms() + 1)
    assert "Node By Index Scan | (u:User)" in text, text
    assert updates_after_creates(text) == [], text


@pytest.mark.parametrize("statement", ["user_register", "user_register_batch"])
def test_a_registration_updates_once(falkordb_backend, statement):
    """A registration sets the role labels of the user it creates (a label
    cannot be a parameter): its one update, with nothing created after the
    user before it; the referral and the event are created after it."""
    row = {**REGISTER, "referrer_id": "r1", "referral_code": None}
    if statement == "user_register":
        text = plan(falkordb_backend, statement, **row)
    else:
        row = {k: v for k, v in row.items() if k != "referrers"}
        text = plan(falkordb_backend, statement, referrers=REGISTER["referrers"],
                    users=[{**row, "card_since": 1}])
    order = operations_in_order(text)
    first = order.index("Create")
    assert order[first + 1:].count("Create") >= 2, text       # the referral and the event
    creates_then_update = [op for op in order[first + 1:] if op in ("Create", "Update")]
    assert "Merge" not in order[first:], text
    # the updates (labels) come right after the user's CREATE, before any other
    while creates_then_update and creates_then_update[0] == "Update":
        creates_then_update.pop(0)
    assert "Update" not in creates_then_update, text


def test_a_batch_of_refunds_looks_up_by_index_and_updates_before_it_creates(falkordb_backend):
    row = {"id": "r1", "sale_id": "s1", "amount": 100, "at": now_ms(), "period": "2026-11",
           "reason": None, "request_hash": "h", "carry_period": None}
    text = plan(falkordb_backend, "refund_record_batch",
                refunds=[row, {**row, "id": "r2", "sale_id": "s2", "carry_period": "2026-12"}])
    for lookup in ("(s:Sale)", "(existing:Refund)", "(m:User)", "(b:User)", "(t:FeeTotal)"):
        assert f"Node By Index Scan | {lookup}" in text, text
    assert "Label Scan" not in text and "Traverse" not in text, text
    assert updates_after_creates(text) == [], text


def test_a_reward_credit_updates_before_it_creates(falkordb_backend):
    """The referrer's balances are set before its lines, entries and events
    are created, each of them whole: a 2,000-line batch paid the flush after
    every referrer's creations otherwise."""
    line = {"id": "2026-11|u1|1", "period": "2026-11", "level": 1, "amount": 50,
            "referrals": 3, "tier": 1, "tier_threshold": 1, "tier_share_bp": 1000,
            "level_share_bp": 10000, "base": 500, "detail": "[]"}
    text = plan(falkordb_backend, "reward_lines_credit", release_at=now_ms(), at=now_ms(),
                rules_version=1, referrers=[
                    {"referrer_id": "u1", "lines": [line, {**line, "id": "2026-11|u1|2",
                                                           "level": 2, "amount": -20}]},
                    {"referrer_id": "u2", "lines": [{**line, "id": "2026-11|u2|1"}]}])
    assert "Node By Index Scan | (u:User)" in text, text
    assert "Node By Index Scan | (existing:RewardLine)" in text, text
    assert updates_after_creates(text) == [], text
