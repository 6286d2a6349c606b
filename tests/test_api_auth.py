"""The authorization matrix: every endpoint with every kind of key."""

import pytest

from graph.maintenance import now_ms
from graph.rules import period_bounds, period_of
from graph.statements import statement_csv
from graph.store import analytics, keys, rewards, webhooks
from graph.store import rules as rules_store
from graph.webhooks.sealing import master_of

ROLES = ["anonymous", "bad_key", "revoked", "operator", "merchant", "other_merchant",
         "member", "other_member"]

OK, CREATED, DENIED, NO_KEY = 200, 201, 403, 401
PERIOD = period_of(now_ms(), "month")


def expect(operator, merchant=DENIED, member=DENIED, other_merchant=None, other_member=None):
    """Statuses by role; the 'other' roles default to the refusal."""
    return {"operator": operator, "merchant": merchant, "member": member,
            "other_merchant": DENIED if other_merchant is None else other_merchant,
            "other_member": DENIED if other_member is None else other_member}


# (method, url, body or None, expected statuses); {r} in ids keeps bodies unique per role
MATRIX = [
    ("get", "/v1/users", None, expect(OK)),
    ("post", "/v1/users", {"id": "new-{r}", "name": "N", "referrer_id": "carol"}, expect(CREATED)),
    ("post", "/v1/users:batch", {"users": [{"id": "bulk-{r}", "name": "N",
                                            "referrer_id": "carol"}]}, expect(OK)),
    ("get", "/v1/users/ben", None, expect(OK, member=OK)),
    ("get", "/v1/users/shop", None, expect(OK, merchant=OK)),
    ("put", "/v1/users/ben/status", {"status": "active"}, expect(OK)),
    ("put", "/v1/users/root2/referrer", {"referrer_id": "carol"}, expect(OK)),
    ("get", "/v1/users/ben/upline", None, expect(OK, member=OK)),
    ("get", "/v1/users/ben/downline?depth=2", None, expect(OK, member=OK)),
    ("get", "/v1/users/ben/balances", None, expect(OK, member=OK)),
    ("get", "/v1/users/shop/balances", None, expect(OK, merchant=OK)),
    ("get", "/v1/users/ben/vouchers", None, expect(OK, member=OK)),
    ("get", "/v1/users/ben/cards", None, expect(OK, member=OK)),
    # allowed for ben's own key, which then meets the one-card rule: the
    # operator's request (run first) already made ben a card holder
    ("post", "/v1/cards", {"id": "card-{r}", "user_id": "ben"}, expect(CREATED, member=409)),
    ("post", "/v1/vouchers", {"id": "v-{r}", "owner_id": "ben", "amount": 5,
                              "expires_at": 4_102_444_800_000}, expect(CREATED)),
    ("get", "/v1/vouchers/v-ben", None, expect(OK, member=OK)),
    # the holder's consent to pay with a voucher: their own key, or an operator for them
    ("post", "/v1/users/ben/vouchers/redemptions",
     {"id": "red-{r}", "voucher_ids": ["v-ben"], "max_amount": 100},
     expect(CREATED, member=CREATED)),
    ("post", "/v1/vouchers/v-spare/revoke", None, expect(OK)),
    ("post", "/v1/sales", {"id": "sale-{r}", "merchant_id": "shop", "amount": 100,
                           "currency": "CNY"}, expect(CREATED, merchant=CREATED)),
    ("post", "/v1/sales:batch", {"sales": [{"id": "batch-{r}", "merchant_id": "shop",
                                            "amount": 100, "currency": "CNY"}]},
     expect(OK, merchant=OK, other_merchant=OK)),   # other merchants' items get a 403 inside
    ("get", "/v1/sales", None, expect(OK, merchant=OK, member=OK, other_merchant=OK,
                                      other_member=OK)),
    ("get", "/v1/sales?merchant_id=shop", None, expect(OK, merchant=OK, other_merchant=DENIED)),
    ("get", "/v1/sales/s1", None, expect(OK, merchant=OK, member=OK)),
    ("post", "/v1/sales/s1/refunds", {"id": "ref-{r}", "amount": 1}, expect(CREATED, merchant=CREATED)),
    ("get", "/v1/sales/s1/refunds", None, expect(OK, merchant=OK, member=OK)),
    ("get", "/v1/rules", None, expect(OK)),
    ("get", "/v1/rules/history", None, expect(OK)),
    ("post", "/v1/rules", {"rules": {"points_bp": 100}}, expect(CREATED)),
    ("get", "/v1/rewards/runs", None, expect(OK)),
    ("get", f"/v1/rewards/runs/{PERIOD}", None, expect(OK)),
    ("post", f"/v1/rewards/runs/{PERIOD}", None, expect(OK)),
    ("post", "/v1/rewards/preview", {"period": PERIOD}, expect(OK)),
    ("get", f"/v1/rewards/lines/{PERIOD}%7Ccarol%7C1", None, expect(OK, other_member=OK)),
    ("get", "/v1/users/carol/rewards", None, expect(OK, other_member=OK)),
    ("post", "/v1/withdrawals", {"id": "w-{r}", "user_id": "carol", "amount": 1_000},
     expect(CREATED, other_member=CREATED)),
    ("get", "/v1/withdrawals", None, expect(OK, member=OK, other_member=OK)),
    ("get", "/v1/withdrawals/w-fix", None, expect(OK, other_member=OK)),
    ("post", "/v1/withdrawals/w-a/approve", {}, expect(OK)),
    ("post", "/v1/withdrawals/w-b/reject", {}, expect(OK)),
    ("post", "/v1/payouts/batches", {}, expect(CREATED)),
    ("get", "/v1/ledger/check", None, expect(OK)),
    ("get", "/v1/ledger/accounts/platform:fees/entries", None, expect(OK)),
    ("post", "/v1/analytics/refresh", None, expect(OK)),
    ("get", "/v1/analytics/summary", None, expect(OK)),
    ("get", "/v1/analytics/signals", None, expect(OK)),
    ("get", "/v1/analytics/search?q=ca", None, expect(OK)),
    ("get", "/v1/analytics/users/carol", None, expect(OK)),
    ("get", "/v1/analytics/users/carol/neighbourhood", None, expect(OK)),
    ("get", "/v1/audit", None, expect(OK)),
    ("post", "/v1/institutions", {"id": "inst-{r}", "name": "N", "services": ["payouts"]},
     expect(CREATED)),
    ("get", "/v1/institutions", None, expect(OK)),
    ("get", "/v1/institutions/bank", None, expect(OK)),
    ("patch", "/v1/institutions/bank", {"fee_bp": 150}, expect(OK)),
    ("post", "/v1/institutions/bank/secret", {"id": "rot-{r}", "reason": "scheduled"},
     expect(CREATED)),
    ("get", f"/v1/institutions/bank/statements/{PERIOD}", None, expect(OK)),
    ("post", "/v1/institutions/bank/reconciliations",
     {"id": "rec-{r}", "period": PERIOD, "statement": statement_csv("bank", PERIOD, [])},
     expect(CREATED)),
    ("get", "/v1/institutions/bank/reconciliations", None, expect(OK)),
    ("get", "/v1/institutions/bank/reconciliations/rec-fix", None, expect(OK)),
    ("post", "/v1/institutions/bank/reconciliations/rec-fix/mismatches/1/resolution",
     {"reason": "checked with the bank"}, expect(OK)),
    ("get", "/v1/financing/applications", None, expect(OK, merchant=OK, member=OK,
                                                       other_merchant=OK, other_member=OK)),
    ("get", "/v1/financing/applications/fs", None, expect(OK, merchant=OK, member=OK)),
    # the operator cancels first; the sale's merchant then gets the replay
    ("post", "/v1/financing/applications/fs/cancel", {}, expect(OK, merchant=OK)),
    # webhooks (issue 16): operators only
    ("post", "/v1/webhooks", {"id": "wh-{r}", "url": "http://127.0.0.1:9/{r}", "events": ["*"]},
     expect(CREATED)),
    ("get", "/v1/webhooks", None, expect(OK)),
    ("get", "/v1/webhooks/wh-fix", None, expect(OK)),
    ("patch", "/v1/webhooks/wh-fix", {"description": "d"}, expect(OK)),
    ("delete", "/v1/webhooks/wh-del", None, expect(OK)),
    ("post", "/v1/webhooks/wh-fix/rotate-secret", None, expect(OK)),
    ("post", "/v1/webhooks/wh-fix/test", {}, expect(202)),
    ("get", "/v1/webhooks/wh-fix/deliveries", None, expect(OK)),
    ("post", "/v1/webhooks/wh-fix/deliveries/wh-fix%7Cwebhook.test:wh-fix:t1/retry", None,
     expect(OK)),
]


@pytest.fixture
def callers(operator, make_caller, graph_backend, client, app):
    from conftest import Caller

    def post(url, body):
        r = operator.post(url, json=body)
        assert r.status_code == 201, r.get_json()

    post("/v1/users", {"id": "platform", "name": "P", "root": True, "roles": []})
    post("/v1/users", {"id": "root2", "name": "R2", "root": True, "roles": []})
    post("/v1/users", {"id": "carol", "name": "Carol", "referrer_id": "platform"})
    post("/v1/cards", {"id": "card-carol", "user_id": "carol"})
    for merchant in ("shop", "shop2"):
        post("/v1/users", {"id": merchant, "name": merchant, "roles": ["merchant"],
                           "referrer_id": "carol"})
    post("/v1/users", {"id": "ben", "name": "Ben", "referrer_id": "carol"})
    for voucher in ("v-ben", "v-spare"):
        post("/v1/vouchers", {"id": voucher, "owner_id": "ben", "amount": 1_000,
                              "expires_at": 4_102_444_800_000})
    post("/v1/sales", {"id": "s1", "merchant_id": "shop", "buyer_id": "ben", "amount": 10_000,
                       "currency": "CNY"})
    from api.signed import master
    from graph.store import institutions

    with app.app_context():
        institutions.register(graph_backend, master(), id="bank", name="Bank",
                              services=["consumer_credit", "payouts"])
    post("/v1/sales", {"id": "fs", "merchant_id": "shop", "buyer_id": "ben", "amount": 5_000,
                       "currency": "CNY", "financing": {"institution_id": "bank",
                                                        "amount": 5_000, "installments": 2}})
    planted = statement_csv("bank", PERIOD, [{"kind": "payout", "reference": "w-x",
                                              "status": "paid", "amount": 1, "at": 0}])
    institutions.record_reconciliation(graph_backend, id="rec-fix", institution_id="bank",
                                       period=PERIOD, text=planted, recorded_by="test")
    # this period, run as if it had closed: carol earns 10 % of shop's fee of 5 000.00
    post("/v1/sales", {"id": "s-big", "merchant_id": "shop", "amount": 10_000_000,
                       "currency": "CNY"})
    end = period_bounds(PERIOD)[1]
    rewards.run(graph_backend, PERIOD, now=end + 1)
    # this period has run: the matrix's sales from now on are late and carried
    rules_store.change(graph_backend, {"late_sales": "carry"})
    rewards.release(graph_backend, now=end + 30 * 86_400_000)
    for withdrawal in ("w-fix", "w-a", "w-b"):
        post("/v1/withdrawals", {"id": withdrawal, "user_id": "carol", "amount": 1_000})
    revoked, _ = keys.create(graph_backend, "operator")
    keys.revoke(graph_backend, revoked)
    analytics.refresh(graph_backend)
    app.config["WEBHOOK_ALLOW_PRIVATE"] = True      # the webhooks' URLs are on 127.0.0.1
    for endpoint in ("wh-fix", "wh-del"):
        webhooks.create_endpoint(graph_backend, id=endpoint, url="http://127.0.0.1:9/hooks",
                                 events=["*"], allow_private=True,
                                 master=master_of(graph_backend, app.config["INSTITUTION_KEY"]))
    webhooks.send_test(graph_backend, "wh-fix", "t1")
    return {
        "anonymous": Caller(client, None),
        "bad_key": Caller(client, "rgk_000000000000_not-a-real-secret"),
        "revoked": Caller(client, revoked),
        "operator": operator,
        "merchant": make_caller("merchant", "shop"),
        "other_merchant": make_caller("merchant", "shop2"),
        "member": make_caller("member", "ben"),
        "other_member": make_caller("member", "carol"),
    }


def fill(value, role):
    """The body with {r} in every string replaced by the role (unique ids)."""
    if isinstance(value, str):
        return value.format(r=role)
    if isinstance(value, dict):
        return {k: fill(v, role) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, role) for v in value]
    return value


@pytest.mark.parametrize("method, url, body, statuses", MATRIX,
                         ids=[f"{m.upper()} {u}" for m, u, _, _ in MATRIX])
def test_authorization_matrix(callers, method, url, body, statuses):
    outcome = {}
    for role in ROLES:
        kwargs = {}
        if body is not None:
            kwargs["json"] = fill(body, role)
        response = getattr(callers[role], method)(url, **kwargs)
        outcome[role] = response.status_code
        body_json = response.get_json()
        assert set(body_json) >= ({"code", "status", "message", "errors"}
                                  if response.status_code >= 400 else set())
    wanted = {"anonymous": NO_KEY, "bad_key": NO_KEY, "revoked": NO_KEY, **statuses}
    assert outcome == wanted


SIGNED_NOT_KEYED = {"/v1/payouts/confirmations",   # tested in test_payout_confirmations
                    "/v1/financing/callbacks"}     # tested in tests/test_financing.py


def test_every_route_is_in_the_matrix(app):
    routes = {(method.lower(), rule.rule) for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/v1") and rule.rule not in SIGNED_NOT_KEYED
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    import re

    covered = {(m, re.sub(r"\?.*", "", u)) for m, u, _, _ in MATRIX}
    normalised = {(m, re.sub(r"<[^>]+>", "X", r)) for m, r in routes}
    covered_norm = set()
    for m, u in covered:
        parts = u.split("/")
        for mm, rr in normalised:
            rparts = rr.split("/")
            parts = [p.replace("%7C", "|") for p in parts]
            if mm == m and len(rparts) == len(parts) and all(
                    a == b or a == "X" for a, b in zip(rparts, parts, strict=True)):
                covered_norm.add((mm, rr))
    assert normalised - covered_norm == set()


def test_merchant_cannot_record_a_sale_for_another_merchant(callers):
    r = callers["other_merchant"].post("/v1/sales", json={
        "id": "x", "merchant_id": "shop", "amount": 1, "currency": "CNY"})
    assert r.status_code == 403 and r.get_json()["code"] == "forbidden"


def test_payout_confirmations_need_the_institutions_signature(callers, app, graph_backend):
    import json

    from graph.settlement import sign

    app.config["PAYOUT_SECRET"] = "shared-secret"
    operator = callers["operator"]
    assert operator.post("/v1/withdrawals/w-fix/approve", json={}).status_code == 200
    batch = operator.post("/v1/payouts/batches", json={"id": "batch-1"}).get_json()
    assert [w["id"] for w in batch["withdrawals"]] == ["w-fix"]
    with open(batch["file"]) as handle:
        assert "w-fix,carol,700" in handle.read()
    body = json.dumps({"withdrawal_id": "w-fix", "status": "paid",
                       "reference": "bank-1"}).encode()
    anonymous = callers["anonymous"]
    headers = {"Content-Type": "application/json"}
    r = anonymous.post("/v1/payouts/confirmations", data=body, headers=headers)
    assert r.status_code == 401
    r = anonymous.post("/v1/payouts/confirmations", data=body,
                       headers={**headers, "X-Refgraph-Signature": sign("wrong", body)})
    assert r.status_code == 401
    r = anonymous.post("/v1/payouts/confirmations", data=body,
                       headers={**headers, "X-Refgraph-Signature": sign("shared-secret", body)})
    assert r.status_code == 200 and r.get_json()["status"] == "paid"
    bad = b'{"withdrawal_id": "w-fix", "status": "lost"}'
    r = anonymous.post("/v1/payouts/confirmations", data=bad,
                       headers={**headers, "X-Refgraph-Signature": sign("shared-secret", bad)})
    assert r.status_code == 422 and "status" in r.get_json()["errors"]


def _keyed_operations(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/v1") and rule.rule not in SIGNED_NOT_KEYED:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, rule


def test_every_keyed_operation_declares_its_roles(app):
    """The roles are checked before the body is read only where the view
    declares them (@auth.roles)."""
    from api import auth

    with app.test_request_context():
        undeclared = [f"{method} {rule.rule}" for method, rule in _keyed_operations(app)
                      if auth.declared_roles(rule.endpoint, method) is None]
    assert undeclared == []


def test_a_key_outside_the_roles_gets_403_before_its_body_is_read(callers, app):
    """A merchant key sending a bad body to an operator's route learns
    nothing of the schema: 403, never a field-level 422."""
    from api import auth

    wrong = []
    with app.test_request_context():
        declared = [(method, rule, auth.declared_roles(rule.endpoint, method))
                    for method, rule in _keyed_operations(app)]
    for method, rule, allowed in declared:
        url = "/".join(("1" if part.startswith("<int:") else "x1") if part.startswith("<")
                       else part for part in rule.rule.split("/"))
        for role in ("merchant", "member"):
            if allowed is None or role in allowed:   # None: the test above fails
                continue
            response = callers[role].open(url, method=method, json={"bogus": "\n", "id": 5})
            if response.status_code != 403:
                wrong.append(f"{role} {method} {rule.rule}: {response.status_code}")
    assert wrong == []
