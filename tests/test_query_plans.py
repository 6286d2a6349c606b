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
                request_hash="h", carry_period=None, financing=None)
    assert "Node By Index Scan | (m:User)" in text
    assert "Label Scan" not in text, text


def test_a_financed_sale_looks_its_institution_and_buyer_up_by_index(falkordb_backend):
    text = plan(falkordb_backend, "sale_record", id="s1", merchant_id="m1", buyer_id="b1",
                amount=1000, currency="CNY", at=now_ms(), period="2026-11", items=None,
                vouchers=[], voucher_paid=0, fee_bp=300, fee=30, points=0,
                request_hash="h", carry_period=None,
                financing={"id": "s1", "institution_id": "bank", "buyer_id": "b1",
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
