"""Every business rule's refusal: a clear 4xx with the field, and nothing written."""

import pytest
from conftest import api_consent

from graph.maintenance import counts


@pytest.fixture
def network(operator):
    """platform (root) -> carol (card holder) -> shop (merchant), ben (buyer)."""
    def post(url, body, **kw):
        r = operator.post(url, json=body, **kw)
        assert r.status_code == 201, r.get_json()
        return r.get_json()

    post("/v1/users", {"id": "platform", "name": "P", "root": True, "roles": []})
    post("/v1/users", {"id": "carol", "name": "Carol", "referrer_id": "platform"})
    post("/v1/cards", {"id": "card-carol", "user_id": "carol"})
    post("/v1/users", {"id": "shop", "name": "Shop", "roles": ["merchant"], "referrer_id": "carol"})
    post("/v1/users", {"id": "ben", "name": "Ben", "referrer_id": "carol"})
    post("/v1/vouchers", {"id": "v-ben", "owner_id": "ben", "amount": 1_000,
                          "expires_at": 4_102_444_800_000})
    post("/v1/sales", {"id": "s1", "merchant_id": "shop", "buyer_id": "ben", "amount": 10_000,
                       "currency": "CNY"})
    return post


def refused(response, status, code, field=None):
    body = response.get_json()
    assert response.status_code == status, body
    assert body["code"] == code and body["status"] == status and body["message"]
    if field:
        # a rule set's errors stand where the body holds it: errors.rules.<rule>
        errors = body["errors"]["rules"] if code == "invalid_rules" else body["errors"]
        assert field in errors, body


def unchanged(graph_backend):
    before = counts(graph_backend)
    return lambda: counts(graph_backend) == before


@pytest.mark.parametrize("body, code, field", [
    ({"id": "x", "name": "X", "referrer_id": "x"}, "self_referral", "referrer_id"),
    ({"id": "x", "name": "X", "referrer_id": "ben"}, "referrer_not_allowed", "referral_code"),
    ({"id": "x", "name": "X", "referral_code": "NOSUCHCODE"}, "unknown_referrer", "referral_code"),
    ({"id": "x", "name": "X"}, "referrer_required", "referral_code"),
])
def test_registration_refusals(operator, network, graph_backend, body, code, field):
    same = unchanged(graph_backend)
    refused(operator.post("/v1/users", json=body), 422, code, field)
    assert same()


def test_same_user_twice_is_one_user_and_other_body_conflicts(operator, network, graph_backend):
    body = {"id": "dan", "name": "Dan", "referrer_id": "carol"}
    first = operator.post("/v1/users", json=body)
    again = operator.post("/v1/users", json=body)
    assert first.get_json() == again.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    same = unchanged(graph_backend)
    refused(operator.post("/v1/users", json={**body, "name": "Daniel"}), 409, "idempotency_conflict")
    assert same()


def test_second_referrer_and_cycle_are_refused(operator, network, graph_backend):
    operator.post("/v1/users", json={"id": "root2", "name": "R2", "root": True, "roles": []})
    same = unchanged(graph_backend)
    refused(operator.put("/v1/users/ben/referrer", json={"referrer_id": "root2"}), 422,
            "referrer_already_set", "referrer_id")
    refused(operator.put("/v1/users/platform/referrer", json={"referrer_id": "shop"}), 422,
            "cycle", "referrer_id")
    assert same()
    r = operator.put("/v1/users/root2/referrer", json={"referrer_id": "shop"})
    assert r.status_code == 200 and r.get_json()["referrer_id"] == "shop"


def test_buyers_may_refer_when_the_rules_say_so(operator, network):
    refused(operator.post("/v1/users", json={"id": "x", "name": "X", "referrer_id": "ben"}),
            422, "referrer_not_allowed")
    r = operator.post("/v1/rules", json={"rules": {"referrers": ["cardholder", "merchant", "buyer"]}})
    assert r.status_code == 201, r.get_json()
    assert operator.post("/v1/users", json={"id": "x", "name": "X", "referrer_id": "ben"}).status_code == 201


def test_second_card_is_refused_by_default(operator, network, graph_backend):
    same = unchanged(graph_backend)
    refused(operator.post("/v1/cards", json={"id": "card-2", "user_id": "carol"}), 409,
            "already_cardholder")
    assert same()


def test_expired_and_revoked_vouchers_cannot_pay(operator, network, graph_backend):
    network("/v1/vouchers", {"id": "old", "owner_id": "ben", "amount": 500, "expires_at": 1})
    token = api_consent(operator, "ben", ["old", "v-ben"], 100)  # ben's consent, not enough
    same = unchanged(graph_backend)
    sale = {"id": "s2", "merchant_id": "shop", "buyer_id": "ben", "amount": 2_000,
            "currency": "CNY", "vouchers": [{"id": "old", "amount": 100,
                                             "redemption_token": token}]}
    r = operator.post("/v1/sales", json=sale)
    refused(r, 422, "voucher_unusable", "vouchers")
    assert "old" in r.get_json()["errors"]["vouchers"]
    assert operator.post("/v1/vouchers/v-ben/revoke").get_json()["status"] == "revoked"
    same = unchanged(graph_backend)
    sale["vouchers"] = [{"id": "v-ben", "amount": 100, "redemption_token": token}]
    refused(operator.post("/v1/sales", json=sale), 422, "voucher_unusable")
    assert same()
    assert operator.get("/v1/vouchers/old").get_json()["status"] == "expired"


def test_voucher_cannot_pay_more_than_is_left(operator, network):
    def paying(id):
        return {"id": id, "merchant_id": "shop", "buyer_id": "ben", "amount": 5_000,
                "currency": "CNY", "vouchers": [{
                    "id": "v-ben", "amount": 600,
                    "redemption_token": api_consent(operator, "ben", ["v-ben"], 600)}]}

    assert operator.post("/v1/sales", json=paying("s2")).status_code == 201
    refused(operator.post("/v1/sales", json=paying("s3")), 422, "voucher_unusable")
    assert operator.get("/v1/vouchers/v-ben").get_json()["remaining"] == 400


def test_over_refund_is_refused(operator, network, graph_backend):
    assert operator.post("/v1/sales/s1/refunds", json={"id": "r1", "amount": 6_000}).status_code == 201
    same = unchanged(graph_backend)
    r = operator.post("/v1/sales/s1/refunds", json={"id": "r2", "amount": 4_001})
    refused(r, 422, "over_refund", "amount")
    assert "4000" in r.get_json()["message"]
    assert same()


def test_duplicate_sale_with_a_different_body_conflicts(operator, network, graph_backend):
    same = unchanged(graph_backend)
    refused(operator.post("/v1/sales", json={"id": "s1", "merchant_id": "shop", "amount": 10_001,
                                             "currency": "CNY", "buyer_id": "ben"}),
            409, "idempotency_conflict")
    assert same()


def test_refund_replay_and_key_mismatch(operator, network):
    body = {"amount": 100}
    first = operator.post("/v1/sales/s1/refunds", json=body, headers={"Idempotency-Key": "rk"})
    again = operator.post("/v1/sales/s1/refunds", json=body, headers={"Idempotency-Key": "rk"})
    assert first.status_code == again.status_code == 201
    assert first.get_json() == again.get_json()
    refused(operator.post("/v1/sales/s1/refunds", json={"id": "a", "amount": 1},
                          headers={"Idempotency-Key": "b"}), 422, "validation_error", "id")
    refused(operator.post("/v1/sales/s1/refunds", json={"amount": 1}), 422, "validation_error", "id")
    assert len(operator.get("/v1/sales/s1/refunds").get_json()["items"]) == 1


def test_a_sale_to_someone_not_a_merchant(operator, network):
    refused(operator.post("/v1/sales", json={"id": "s9", "merchant_id": "ben", "amount": 1,
                                             "currency": "CNY"}), 422, "not_a_merchant", "merchant_id")
    refused(operator.post("/v1/sales", json={"id": "s9", "merchant_id": "nobody", "amount": 1,
                                             "currency": "CNY"}), 422, "unknown_merchant")


@pytest.mark.parametrize("body, field", [
    ({"merchant_id": "shop", "amount": 1, "currency": "CNY"}, "id"),
    ({"id": "s9", "merchant_id": "shop", "amount": 0, "currency": "CNY"}, "amount"),
    ({"id": "s9", "merchant_id": "shop", "amount": 1.5, "currency": "CNY"}, "amount"),
    ({"id": "s9", "merchant_id": "shop", "amount": "12", "currency": "CNY"}, "amount"),
    ({"id": "s9", "merchant_id": "shop", "amount": 10**12, "currency": "CNY"}, "amount"),
    ({"id": "s9", "merchant_id": "shop", "amount": 1, "currency": "yuan"}, "currency"),
    ({"id": "s 9", "merchant_id": "shop", "amount": 1, "currency": "CNY"}, "id"),
    ({"id": "s9", "merchant_id": "shop", "amount": 1, "currency": "CNY", "extra": 1}, "extra"),
    ({"id": "s9", "merchant_id": "shop", "amount": 100, "currency": "CNY",
      "vouchers": [{"id": "v-ben", "amount": 50}]}, "buyer_id"),
    ({"id": "s9", "merchant_id": "shop", "buyer_id": "ben", "amount": 100, "currency": "CNY",
      "vouchers": [{"id": "v-ben", "amount": 150}]}, "vouchers"),
])
def test_invalid_sale_fields(operator, network, graph_backend, body, field):
    same = unchanged(graph_backend)
    refused(operator.post("/v1/sales", json=body), 422, "validation_error", field)
    assert same()


def test_bodies_that_are_not_json_or_too_large(operator, network):
    r = operator.post("/v1/sales", data="not json", headers={"Content-Type": "application/json"})
    assert r.status_code in (400, 422) and set(r.get_json()) == {"code", "status", "message", "errors"}
    r = operator.post("/v1/sales", json={"id": "s9", "items": "x" * (2 << 20)})
    assert r.status_code == 413 and r.get_json()["code"] == "payload_too_large"


def test_invalid_rules_are_refused_with_field_messages(operator, network):
    r = operator.post("/v1/rules", json={"rules": {"tiers": [
        {"min_referrals": 5, "share_bp": 1000}, {"min_referrals": 3, "share_bp": 2000}]}})
    refused(r, 422, "invalid_rules", "tiers")
    r = operator.post("/v1/rules", json={"rules": {"tiers": [
        {"min_referrals": 5, "share_bp": 1000}, {"min_referrals": 6, "share_bp": 20000}]}})
    refused(r, 422, "validation_error", "rules")
    assert "share_bp" in r.get_json()["errors"]["rules"]["tiers"]["1"]
    r = operator.post("/v1/rules", json={"rules": {"level_shares": [10000] * 5}})
    refused(r, 422, "invalid_rules", "level_shares")
    assert len(operator.get("/v1/rules/history").get_json()["items"]) == 1


def test_pagination_walks_every_user_once(operator, network):
    seen, cursor = [], None
    while True:
        url = "/v1/users?limit=2" + (f"&cursor={cursor}" if cursor else "")
        body = operator.get(url).get_json()
        seen += [u["id"] for u in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == sorted(["platform", "carol", "shop", "ben"])
    refused(operator.get("/v1/users?cursor=%%%"), 422, "validation_error", "cursor")


def test_sales_in_the_future_or_out_of_range_are_refused(operator, network):
    from graph.maintenance import now_ms

    base = {"id": "s9", "merchant_id": "shop", "amount": 1, "currency": "CNY"}
    refused(operator.post("/v1/sales", json={**base, "at": now_ms() + 3_600_000}), 422,
            "validation_error", "at")
    refused(operator.post("/v1/sales", json={**base, "at": 253_402_300_800_000}), 422,
            "validation_error", "at")


def test_text_with_a_nul_character_is_a_422(operator, network):
    r = operator.post("/v1/users", json={"id": "x", "name": "bad\u0000name", "referrer_id": "carol"})
    refused(r, 422, "validation_error", "name")


def test_sales_batch_gives_a_result_per_sale(operator, network):
    body = {"sales": [
        {"id": "b1", "merchant_id": "shop", "buyer_id": "ben", "amount": 10_000, "currency": "CNY"},
        {"id": "b2", "merchant_id": "shop", "amount": 333, "currency": "CNY"},
        {"id": "b3", "merchant_id": "ben", "amount": 1, "currency": "CNY"},
        {"id": "s1", "merchant_id": "shop", "amount": 5, "currency": "CNY"},
    ]}
    r = operator.post("/v1/sales:batch", json=body)
    assert r.status_code == 200, r.get_json()
    result = r.get_json()
    assert [(x["id"], x["status"], x["code"]) for x in result["results"]] == [
        ("b1", 201, "created"), ("b2", 201, "created"), ("b3", 422, "not_a_merchant"),
        ("s1", 409, "id_taken")]
    assert (result["created"], result["replayed"], result["refused"]) == (2, 0, 2)
    # the same fee, points and ledger entries as one by one
    b1 = operator.get("/v1/sales/b1").get_json()
    assert (b1["fee"], b1["points"]) == (500, 100)
    assert operator.get("/v1/sales/b2").get_json()["fee"] == 17
    again = operator.post("/v1/sales:batch", json={"sales": body["sales"][:2]}).get_json()
    assert [x["status"] for x in again["results"]] == [200, 200]


def test_sales_batch_refuses_duplicates_and_other_merchants_sales(operator, network, make_caller):
    dup = {"sales": [{"id": "x", "merchant_id": "shop", "amount": 1, "currency": "CNY"}] * 2}
    refused(operator.post("/v1/sales:batch", json=dup), 422, "duplicate_ids", "sales")
    operator.post("/v1/users", json={"id": "shop2", "name": "S2", "roles": ["merchant"],
                                     "referrer_id": "carol"})
    shop2 = make_caller("merchant", "shop2")
    r = shop2.post("/v1/sales:batch", json={"sales": [
        {"id": "y1", "merchant_id": "shop2", "amount": 1, "currency": "CNY"},
        {"id": "y2", "merchant_id": "shop", "amount": 1, "currency": "CNY"}]}).get_json()
    assert [x["status"] for x in r["results"]] == [201, 403]
    assert operator.get("/v1/sales/y2").status_code == 404


# -- rule changes and previews: RuleSet.changed behind both ---------------------

def test_a_partial_rule_change_keeps_the_other_rules(operator, network):
    before = operator.get("/v1/rules").get_json()["rules"]
    r = operator.post("/v1/rules", json={"rules": {"fee_bp": 300}, "note": "autumn"})
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["rules"] == {**before, "fee_bp": 300}
    assert operator.get("/v1/rules").get_json()["rules"]["fee_bp"] == 300


@pytest.mark.parametrize("rules, field", [
    ({"colour": "red"}, "colour"),                  # unknown field
    ({"fee_bp": "300"}, "fee_bp"),                  # wrong type
    ({"tiers": [{"min_referrals": 1}]}, "tiers"),    # a tier without its share
])
def test_malformed_rule_changes_are_refused_by_the_schema(operator, network, rules, field):
    # marshmallow names the field inside the body's "rules" object
    for r in (operator.post("/v1/rules", json={"rules": rules}),
              operator.post("/v1/rewards/preview", json={"period": "2026-10", "rules": rules})):
        refused(r, 422, "validation_error", "rules")
        assert field in r.get_json()["errors"]["rules"], r.get_json()
    assert len(operator.get("/v1/rules/history").get_json()["items"]) == 1


@pytest.mark.parametrize("rules, field, code", [
    # one rule out of its documented bounds: the schema refuses it
    ({"period": "fortnight"}, "period", "validation_error"),
    ({"fee_bp": 20_000}, "fee_bp", "validation_error"),
    # rules that are each valid but not together: graph.rules.validate
    ({"tiers": [{"min_referrals": 5, "share_bp": 1000},
                {"min_referrals": 3, "share_bp": 1500}]}, "tiers", "invalid_rules"),
    ({"level_shares": [10_000] * 5}, "level_shares", "invalid_rules"),
])
def test_invalid_rule_changes_and_previews_get_the_rule_errors(operator, network, rules, field,
                                                               code):
    # the errors name the rule where the body holds it, the same for a change and a preview
    r = operator.post("/v1/rules", json={"rules": rules})
    refused(r, 422, code)
    assert list(r.get_json()["errors"]) == ["rules"] and field in r.get_json()["errors"]["rules"]
    r = operator.post("/v1/rewards/preview", json={"period": "2026-10", "rules": rules})
    refused(r, 422, code)
    assert list(r.get_json()["errors"]) == ["rules"]
    assert list(r.get_json()["errors"]["rules"]) == [field]
    assert len(operator.get("/v1/rules/history").get_json()["items"]) == 1


def test_a_preview_under_a_valid_partial_change(operator, network):
    r = operator.post("/v1/rewards/preview", json={"period": "2026-10",
                                                    "rules": {"fee_bp": 300}})
    assert r.status_code == 200, r.get_json()
    assert set(r.get_json()) >= {"current", "proposed", "difference"}
