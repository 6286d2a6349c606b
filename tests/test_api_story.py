"""The patent's story through HTTP (claims 2-5): a root, a card holder with
vouchers, a referred merchant and buyer, a sale paid partly by voucher,
fees and points to the unit, a partial refund reversing them in proportion."""

from graph.maintenance import counts


def test_the_patent_story(operator, make_caller, graph_backend):
    r = operator.post("/v1/users", json={"id": "platform", "name": "Platform", "root": True,
                                         "roles": []})
    assert r.status_code == 201, r.get_json()

    r = operator.post("/v1/users", json={"id": "alice", "name": "Alice", "roles": ["buyer"],
                                         "referrer_id": "platform"})
    assert r.status_code == 201 and r.get_json()["referrer_id"] == "platform"

    alice = make_caller("member", "alice")
    r = alice.post("/v1/cards", json={"user_id": "alice"}, headers={"Idempotency-Key": "card-1"})
    assert r.status_code == 201, r.get_json()
    card = r.get_json()
    assert card["price"] == 9_900 and len(card["voucher_ids"]) == 10
    assert "cardholder" in alice.get("/v1/users/alice").get_json()["roles"]
    assert alice.get("/v1/users/alice/balances").get_json()["voucher_balance"] == 10_000

    code = operator.get("/v1/users/alice").get_json()["referral_code"]
    r = operator.post("/v1/users", json={"id": "shop", "name": "Shop", "roles": ["merchant"],
                                         "referral_code": code})
    assert r.status_code == 201 and r.get_json()["referrer_id"] == "alice"
    r = operator.post("/v1/users", json={"id": "bob", "name": "Bob", "roles": ["buyer"],
                                         "referral_code": code})
    assert r.status_code == 201

    # Alice gives Bob nothing; the operator issues Bob a voucher of 20.00
    r = operator.post("/v1/vouchers", json={"id": "gift-bob", "owner_id": "bob", "amount": 2_000,
                                            "expires_at": 4_102_444_800_000})
    assert r.status_code == 201

    # at the shop's checkout Bob consents to paying 15.00 with his voucher: his
    # own key mints a redemption token, which the storefront sends with the sale
    shop = make_caller("merchant", "shop")
    bob = make_caller("member", "bob")
    sale = {"id": "sale-1", "merchant_id": "shop", "buyer_id": "bob", "amount": 12_345,
            "currency": "CNY", "items": "1 teapot",
            "vouchers": [{"id": "gift-bob", "amount": 1_500}]}
    r = shop.post("/v1/sales", json=sale)          # without Bob's consent: nothing moves
    assert (r.status_code, r.get_json()["code"]) == (403, "voucher_consent_required")
    r = bob.post("/v1/users/bob/vouchers/redemptions", json={
        "id": "checkout-1", "voucher_ids": ["gift-bob"], "max_amount": 1_500,
        "merchant_id": "shop"})
    assert r.status_code == 201, r.get_json()
    sale["vouchers"][0]["redemption_token"] = r.get_json()["token"]
    r = shop.post("/v1/sales", json=sale)
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    # fee 5 % of 123.45 = 6.1725 -> 617 (half up); points 1 % of cash 108.45 -> 108
    assert (body["fee"], body["points"], body["voucher_paid"]) == (617, 108, 1_500)
    assert shop.post("/v1/sales", json=sale).get_json() == body  # a retry: same answer
    listed = shop.get("/v1/sales?merchant_id=shop").get_json()["items"]
    assert [(x["id"], x["items"]) for x in listed] == [("sale-1", "1 teapot")]

    assert bob.get("/v1/users/bob/balances").get_json() == {
        "user_id": "bob", "points": 108, "cash_pending": 0, "cash_available": 0,
        "voucher_balance": 500, "vouchers": 1}

    # refund a third (41.15 of 123.45): fee back round(617 / 3) = 206, points back 36
    r = shop.post("/v1/sales/sale-1/refunds", json={"id": "refund-1", "amount": 4_115})
    assert r.status_code == 201, r.get_json()
    assert (r.get_json()["fee"], r.get_json()["points"]) == (206, 36)
    r = shop.post("/v1/sales/sale-1/refunds", json={"id": "refund-2", "amount": 8_230})
    assert (r.get_json()["fee"], r.get_json()["points"]) == (411, 72)  # the rest, exactly
    sale_now = shop.get("/v1/sales/sale-1").get_json()
    assert (sale_now["refunded_fee"], sale_now["refunded_points"]) == (617, 108)
    assert bob.get("/v1/users/bob/balances").get_json()["points"] == 0

    r = operator.get("/v1/users/platform/downline?depth=3").get_json()
    assert r["levels"] == [{"level": 1, "users": 1, "merchants": 0},
                           {"level": 2, "users": 2, "merchants": 1}]
    assert [u["id"] for u in bob.get("/v1/users/bob/upline").get_json()["upline"]] == \
        ["alice", "platform"]
    nodes, rels = counts(graph_backend)
    assert (nodes["Sale"], nodes["Refund"], nodes["Card"]) == (1, 2, 1)
    assert rels["REFERRED"] == 3
