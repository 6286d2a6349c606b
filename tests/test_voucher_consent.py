"""Vouchers are spent only with their holder's consent (issue 27): a sale
naming a buyer's vouchers needs a redemption token the buyer minted for them
(graph/store/redemptions.py), single use, unexpired, within its cap, for
that merchant when it names one.  Without one: 403 voucher_consent_required
and nothing moves.  Card vouchers have unguessable ids.  On every backend;
the ledger check runs after each test."""

import re

import pytest
from conftest import INSTITUTION_KEY, api_consent, consent

from graph.maintenance import counts
from graph.settlement import master_key
from graph.store import cards, redemptions
from graph.vocabulary import now_ms

FAR = 4_102_444_800_000


@pytest.fixture
def world(operator, make_caller, graph_backend):
    """platform -> carol (card holder) -> shop, shop2 (merchants), ben and
    dan (buyers); ben holds a card's ten vouchers and a gift of 20.00, dan
    a gift of 5.00.  Returns the callers and ben's card."""
    def post(url, body, **kw):
        r = operator.post(url, json=body, **kw)
        assert r.status_code == 201, r.get_json()
        return r.get_json()

    post("/v1/users", {"id": "platform", "name": "P", "root": True, "roles": []})
    post("/v1/users", {"id": "carol", "name": "Carol", "referrer_id": "platform"})
    post("/v1/cards", {"id": "card-carol", "user_id": "carol"})
    for merchant in ("shop", "shop2"):
        post("/v1/users", {"id": merchant, "name": merchant, "roles": ["merchant"],
                           "referrer_id": "carol"})
    for buyer in ("ben", "dan"):
        post("/v1/users", {"id": buyer, "name": buyer, "referrer_id": "carol"})
    ben = make_caller("member", "ben")
    card = ben.post("/v1/cards", json={"id": "card-ben", "user_id": "ben"}).get_json()
    post("/v1/vouchers", {"id": "gift-ben", "owner_id": "ben", "amount": 2_000,
                          "expires_at": FAR})
    post("/v1/vouchers", {"id": "gift-dan", "owner_id": "dan", "amount": 500,
                          "expires_at": FAR})
    return {"operator": operator, "ben": ben, "dan": make_caller("member", "dan"),
            "shop": make_caller("merchant", "shop"), "shop2": make_caller("merchant", "shop2"),
            "card": card}


def sale(id, vouchers, buyer="ben", merchant="shop", amount=5_000):
    return {"id": id, "merchant_id": merchant, "buyer_id": buyer, "amount": amount,
            "currency": "CNY", "vouchers": vouchers}


def state(graph_backend, caller, user="ben"):
    """What must not move when a sale is refused: every node and
    relationship count, the user's vouchers and balances."""
    return (counts(graph_backend),
            caller.get(f"/v1/users/{user}/vouchers").get_json()["items"],
            caller.get(f"/v1/users/{user}/balances").get_json())


def refused(response, reason=None):
    body = response.get_json()
    assert (response.status_code, body["code"]) == (403, "voucher_consent_required"), body
    assert body["status"] == 403 and "redemption token" in body["message"]
    if reason is not None:
        assert reason in str(body["errors"]["vouchers"]), body
    return body


def test_a_merchant_cannot_spend_a_buyers_vouchers_without_consent(world, graph_backend):
    """The attack of issue 27: merchant shop names ben's card voucher."""
    operator, shop = world["operator"], world["shop"]
    voucher = world["card"]["voucher_ids"][2]
    before = state(graph_backend, operator)
    body = refused(shop.post("/v1/sales", json=sale("steal", [{"id": voucher,
                                                              "amount": 1_000}])))
    assert list(body["errors"]["vouchers"]) == [voucher]
    # a made-up token, a voucher that does not exist, another buyer's voucher:
    # the same 403, and nothing said about the vouchers themselves
    for uses, buyer in (([{"id": voucher, "amount": 1_000,
                           "redemption_token": "vrt_" + "A" * 43}], "ben"),
                        ([{"id": "v_" + "0" * 32, "amount": 1}], "ben"),
                        ([{"id": "gift-dan", "amount": 100}], "ben"),
                        ([{"id": "gift-ben", "amount": 100}], "dan")):
        refused(shop.post("/v1/sales", json=sale("steal", uses, buyer=buyer)), "no redemption")
    # an operator key needs the holder's consent as well
    refused(operator.post("/v1/sales", json=sale("steal", [{"id": voucher, "amount": 1_000}])))
    assert state(graph_backend, operator) == before
    assert operator.get("/v1/sales/steal").status_code == 404
    assert operator.get("/v1/ledger/check").get_json()["clean"] is True


def test_the_holders_token_pays_once(world, graph_backend):
    ben, shop, operator = world["ben"], world["shop"], world["operator"]
    voucher = world["card"]["voucher_ids"][0]
    r = ben.post("/v1/users/ben/vouchers/redemptions", json={
        "id": "checkout-1", "voucher_ids": [voucher, "gift-ben"], "max_amount": 1_500})
    assert r.status_code == 201, r.get_json()
    minted = r.get_json()
    assert re.fullmatch(r"vrt_[A-Za-z0-9_-]{43}", minted["token"])
    assert (minted["user_id"], sorted(minted["voucher_ids"]), minted["max_amount"],
            minted["merchant_id"], minted["sale_id"]) == (
        "ben", sorted([voucher, "gift-ben"]), 1_500, None, None)
    assert minted["expires_at"] - minted["created_at"] == redemptions.DEFAULT_TTL_S * 1_000
    token = minted["token"]
    # a replay of the mint answers the same token; the same id for another request is a 409
    again = ben.post("/v1/users/ben/vouchers/redemptions", json={
        "id": "checkout-1", "voucher_ids": ["gift-ben", voucher], "max_amount": 1_500})
    assert (again.status_code, again.get_json(), again.headers["Idempotent-Replayed"]) == (
        201, minted, "true")
    assert ben.post("/v1/users/ben/vouchers/redemptions", json={
        "id": "checkout-1", "voucher_ids": [voucher], "max_amount": 1}).status_code == 409

    uses = [{"id": voucher, "amount": 1_000, "redemption_token": token},
            {"id": "gift-ben", "amount": 500, "redemption_token": token}]
    r = shop.post("/v1/sales", json=sale("paid", uses))
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["voucher_paid"] == 1_500
    paid = shop.get("/v1/sales/paid").get_json()
    assert sorted((v["id"], v["amount"]) for v in paid["vouchers"]) == sorted(
        [(voucher, 1_000), ("gift-ben", 500)])
    # a retry of the same sale is a replay, not a second use
    replay = shop.post("/v1/sales", json=sale("paid", uses))
    assert (replay.status_code, replay.headers["Idempotent-Replayed"]) == (201, "true")
    assert replay.get_json() == r.get_json()
    assert ben.get(f"/v1/vouchers/{voucher}").get_json()["remaining"] == 0
    assert ben.get("/v1/vouchers/gift-ben").get_json()["remaining"] == 1_500
    # the same token for another sale: refused, nothing moves
    before = state(graph_backend, operator)
    refused(shop.post("/v1/sales", json=sale("paid-2", [uses[1]])), "paid another sale")
    assert state(graph_backend, operator) == before
    # the replay of the mint now shows which sale used it
    used = ben.post("/v1/users/ben/vouchers/redemptions", json={
        "id": "checkout-1", "voucher_ids": [voucher, "gift-ben"], "max_amount": 1_500})
    assert (used.get_json()["token"], used.get_json()["sale_id"]) == (token, "paid")


def test_a_token_for_another_buyer_voucher_merchant_or_amount_is_refused(world, graph_backend):
    ben, dan, shop, operator = world["ben"], world["dan"], world["shop"], world["operator"]
    card_voucher = world["card"]["voucher_ids"][1]
    dans = api_consent(dan, "dan", ["gift-dan"], 500)
    for_gift = api_consent(ben, "ben", ["gift-ben"], 500)
    for_shop2 = api_consent(ben, "ben", ["gift-ben"], 500, merchant_id="shop2")
    before = state(graph_backend, operator)
    cases = [
        # dan's token for ben's sale, and for dan's own voucher in ben's sale
        ([{"id": "gift-ben", "amount": 100, "redemption_token": dans}], "not the buyer's"),
        ([{"id": "gift-dan", "amount": 100, "redemption_token": dans}], "not the buyer's"),
        # ben's token for another of his vouchers
        ([{"id": card_voucher, "amount": 100, "redemption_token": for_gift}],
         "not for this voucher"),
        # more than the cap
        ([{"id": "gift-ben", "amount": 501, "redemption_token": for_gift}], "max_amount"),
        # a token for shop2 used by shop
        ([{"id": "gift-ben", "amount": 100, "redemption_token": for_shop2}], "another merchant"),
    ]
    for uses, reason in cases:
        refused(shop.post("/v1/sales", json=sale("nope", uses)), reason)
    assert state(graph_backend, operator) == before
    # each of them pays what it was made for
    r = world["shop2"].post("/v1/sales", json=sale("shop2-sale", [
        {"id": "gift-ben", "amount": 500, "redemption_token": for_shop2}], merchant="shop2"))
    assert r.status_code == 201, r.get_json()
    r = shop.post("/v1/sales", json=sale("dan-sale", [
        {"id": "gift-dan", "amount": 500, "redemption_token": dans}], buyer="dan"))
    assert r.status_code == 201, r.get_json()


def test_an_expired_token_is_refused(world, graph_backend):
    """A token minted longer ago than it lives.  (It is checked against
    refgraph's clock when the sale arrives, not against the sale's own time,
    which the merchant chooses: tests/test_contract.py, sale_record.)"""
    shop, operator = world["shop"], world["operator"]
    old = consent(graph_backend, "ben", ["gift-ben"], 500,
                  at=now_ms() - redemptions.DEFAULT_TTL_S * 1_000 - 1)
    before = state(graph_backend, operator)
    refused(shop.post("/v1/sales", json=sale("late", [
        {"id": "gift-ben", "amount": 100, "redemption_token": old}])), "expired")
    assert state(graph_backend, operator) == before


def test_minting_is_the_holders_own_or_an_operators(world, graph_backend):
    ben, dan, operator = world["ben"], world["dan"], world["operator"]
    body = {"id": "m1", "voucher_ids": ["gift-ben"], "max_amount": 100}
    assert dan.post("/v1/users/ben/vouchers/redemptions", json=body).status_code == 403
    assert world["shop"].post("/v1/users/ben/vouchers/redemptions",
                              json=body).status_code == 403
    # a voucher that is not the holder's (or does not exist) cannot be covered
    r = ben.post("/v1/users/ben/vouchers/redemptions",
                 json={**body, "voucher_ids": ["gift-ben", "gift-dan", "nothing"]})
    assert (r.status_code, r.get_json()["code"]) == (422, "vouchers_not_owned")
    assert sorted(r.get_json()["errors"]["voucher_ids"]) == ["gift-dan", "nothing"]
    for bad, field in (({"expires_in": 59}, "expires_in"), ({"expires_in": 3_601}, "expires_in"),
                       ({"max_amount": 0}, "max_amount"), ({"voucher_ids": []}, "voucher_ids"),
                       ({"voucher_ids": ["gift-ben", "gift-ben"]}, "voucher_ids"),
                       ({"merchant_id": "dan"}, "merchant_id")):
        r = ben.post("/v1/users/ben/vouchers/redemptions", json={**body, **bad})
        assert r.status_code == 422 and field in r.get_json()["errors"], (bad, r.get_json())
    assert operator.post("/v1/users/nobody/vouchers/redemptions",
                         json=body).status_code == 404
    # an operator acting for the holder (the flow of a phone order)
    token = api_consent(operator, "ben", ["gift-ben"], 100)
    r = operator.post("/v1/sales", json=sale("phone", [
        {"id": "gift-ben", "amount": 100, "redemption_token": token}]))
    assert r.status_code == 201, r.get_json()
    # a malformed token is a 422 on the field
    r = operator.post("/v1/sales", json=sale("x", [
        {"id": "gift-ben", "amount": 100, "redemption_token": token + "\n"}]))
    assert r.status_code == 422 and "vouchers" in r.get_json()["errors"]


def test_the_database_keeps_no_token(world, graph_backend):
    token = api_consent(world["ben"], "ben", ["gift-ben"], 100)
    stored = graph_backend.read("copy_voucher_redemption_read", after=None, limit=100)
    assert len(stored) == 1
    props = stored[0]["props"]
    assert token not in str(props)
    assert props["token_hash"] == redemptions.token_hash(token)
    assert redemptions.token_of(master_key(INSTITUTION_KEY, None), props["salt"]) == token


def test_card_vouchers_have_unguessable_ids(world, graph_backend, operator):
    card = world["card"]
    ids = card["voucher_ids"]
    assert len(ids) == len(set(ids)) == 10
    assert all(re.fullmatch(r"v_[0-9a-f]{32}", v) for v in ids), ids
    assert not any("card" in v or "ben" in v for v in ids)
    other = operator.get("/v1/users/carol/cards").get_json()["items"][0]["voucher_ids"]
    assert not set(ids) & set(other)
    # a replayed purchase answers the same vouchers and makes no new ones
    before = counts(graph_backend)
    again = world["ben"].post("/v1/cards", json={"id": "card-ben", "user_id": "ben"})
    assert (again.headers["Idempotent-Replayed"], again.get_json()["voucher_ids"]) == (
        "true", ids)
    assert counts(graph_backend) == before
    assert sorted(v["id"] for v in cards.vouchers_of(graph_backend, "ben")
                  if v["id"] != "gift-ben") == sorted(ids)


def test_a_batch_of_sales_cannot_pay_with_vouchers(world, graph_backend):
    """POST /v1/sales:batch takes no voucher payments (send those one by
    one, with the holder's token): a batch item naming vouchers is a 422."""
    before = counts(graph_backend)
    r = world["shop"].post("/v1/sales:batch", json={"sales": [
        sale("b1", [{"id": "gift-ben", "amount": 100}])]})
    assert r.status_code == 422 and "sales" in r.get_json()["errors"], r.get_json()
    assert counts(graph_backend) == before


def test_an_operator_minting_for_a_holder_is_in_the_audit_trail(world):
    operator, ben = world["operator"], world["ben"]
    api_consent(ben, "ben", ["gift-ben"], 100)                     # the holder's own: none
    token = api_consent(operator, "ben", ["gift-ben"], 200, id="phone-order-1")
    api_consent(operator, "ben", ["gift-ben"], 200, id="phone-order-1")   # a replay: none
    events = operator.get("/v1/audit?action=voucher.redemption_minted").get_json()["items"]
    assert len(events) == 1, events
    event = events[0]
    assert (event["subject"], event["actor"]["role"]) == ({"type": "user", "id": "ben"},
                                                          "operator")
    assert (event["after"]["id"], event["after"]["max_amount"]) == ("phone-order-1", 200)
    assert token not in str(event)
