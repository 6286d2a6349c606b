"""The backend contract: every query file, run through the backend protocol
with known inputs, gives exactly the expected rows, on every backend.

``CONTRACT`` maps each query name to a check; a query file without a check
fails ``test_every_query_file_has_a_contract``.
"""

import pytest

from graph.registry import Registry

T = 1_800_000_000_000  # a fixed time, epoch ms
FAR = 4_102_444_800_000
CONTRACT = {}

USER_FIELDS = dict(phone_hash=None, device_id=None, payment_hash=None)


def contract(name):
    def register(check):
        CONTRACT[name] = check
        return check
    return register


def register(g, id, roles=(), root=False, referrer_id=None, code=None, **extra):
    return g.write_one(
        "user_register", id=id, name=id.title(), roles=list(roles), root=root,
        referrer_id=referrer_id, referral_code=None, code=code or f"CODE-{id}",
        referrers=["cardholder", "merchant"], at=T, request_hash=f"h-{id}",
        **{**USER_FIELDS, **extra})


def buy_card(g, id, user_id, count=2):
    return g.write_one("card_buy", id=id, user_id=user_id, price=9_900, voucher_count=count,
                       voucher_amount=1_000, expires_at=FAR, allow_second=False, at=T,
                       request_hash=f"h-{id}")


def sale(g, id, amount=10_000, vouchers=(), buyer_id="buyer", fee=500, points=100):
    return g.write_one(
        "sale_record", id=id, merchant_id="shop", buyer_id=buyer_id, amount=amount,
        currency="CNY", at=T, period="2027-01", items="tea", vouchers=list(vouchers),
        voucher_paid=sum(v["amount"] for v in vouchers), fee_bp=500, fee=fee, points=points,
        request_hash=f"h-{id}")


def refund(g, id, amount, sale_id="s1"):
    return g.write_one("refund_record", id=id, sale_id=sale_id, amount=amount, at=T + 1,
                       period="2027-01", reason="damaged", request_hash=f"h-{id}")


@pytest.fixture
def g(graph_backend):
    """root -> holder (card holder) -> shop (merchant), buyer; one sale s1."""
    register(graph_backend, "root", root=True)
    register(graph_backend, "holder", ["buyer"], referrer_id="root")
    buy_card(graph_backend, "card-1", "holder")
    register(graph_backend, "shop", ["merchant"], referrer_id="holder")
    register(graph_backend, "buyer", ["buyer"], referrer_id="holder")
    graph_backend.write("voucher_issue", id="gift", owner_id="buyer", amount=700,
                        expires_at=FAR, at=T, request_hash="h-gift")
    sale(graph_backend, "s1", vouchers=[{"id": "gift", "amount": 200}])
    return graph_backend


# -- admin ----------------------------------------------------------------

@contract("count_nodes")
def _(g):
    rows = {r["label"]: r["nodes"] for r in g.read("count_nodes")}
    assert (rows["User"], rows["Merchant"], rows["CardHolder"], rows["Voucher"], rows["Sale"]) == \
        (4, 1, 1, 3, 1)


@contract("count_relationships")
def _(g):
    rows = {r["type"]: r["relationships"] for r in g.read("count_relationships")}
    assert rows == {"REFERRED": 3, "HOLDS": 1, "OWNS": 3, "SOLD": 1, "BOUGHT": 1,
                    "PAID_WITH": 1, "HAS_FEES": 1}


@contract("wipe_batch")
def _(g):
    assert g.write_one("wipe_batch", batch=3)["deleted"] == 3
    while g.write_one("wipe_batch", batch=1000)["deleted"]:
        pass
    assert g.read("count_nodes") == []


@contract("heartbeat_write")
def _(g):
    row = g.write_one("heartbeat_write", id="hb", at=T, by="me")
    assert row == {"heartbeat": {"id": "hb", "at": T, "by": "me"}}


@contract("heartbeat_get")
def _(g):
    g.write("heartbeat_write", id="hb", at=T, by="me")
    assert g.read("heartbeat_get", id="hb") == [{"heartbeat": {"id": "hb", "at": T, "by": "me"}}]
    assert g.read("heartbeat_get", id="none") == []


# -- users ------------------------------------------------------------------

@contract("user_register")
def _(g):
    row = register(g, "newbie", ["buyer", "merchant"], referrer_id="shop", phone_hash="p1")
    assert row["outcome"] == "created"
    assert row["user"] == {"id": "newbie", "name": "Newbie", "status": "active", "created_at": T,
                           "referral_code": "CODE-newbie", "referrer_id": "shop", "root": False,
                           "labels": row["user"]["labels"]}
    assert sorted(row["user"]["labels"]) == ["Buyer", "Merchant", "User"]
    assert register(g, "newbie", ["buyer", "merchant"], referrer_id="shop")["outcome"] == "replayed"
    assert g.write_one("user_register", id="newbie", name="x", roles=[], root=False,
                       referrer_id="shop", referral_code=None, code="C", referrers=["merchant"],
                       at=T, request_hash="other", **USER_FIELDS)["outcome"] == "id_taken"
    by_code = g.write_one("user_register", id="coded", name="C", roles=["buyer"], root=False,
                          referrer_id=None, referral_code="CODE-holder", code="C2",
                          referrers=["cardholder"], at=T, request_hash="h", **USER_FIELDS)
    assert by_code["outcome"] == "created" and by_code["user"]["referrer_id"] == "holder"
    for kwargs, outcome in [
        (dict(id="x", referrer_id="x"), "self_referral"),
        (dict(id="x"), "referrer_required"),
        (dict(id="x", referrer_id="ghost"), "unknown_referrer"),
        (dict(id="x", referrer_id="buyer"), "referrer_not_allowed"),
    ]:
        row = register(g, **kwargs)
        assert (row["outcome"], row["user"]) == (outcome, None)
    g.write("user_set_status", id="shop", status="suspended", reason=None, at=T)
    assert register(g, "x", referrer_id="shop")["outcome"] == "referrer_inactive"


@contract("user_get")
def _(g):
    user = g.read_one("user_get", id="holder")["user"]
    assert sorted(user.pop("labels")) == ["Buyer", "CardHolder", "User"]
    assert user == {"id": "holder", "name": "Holder", "status": "active", "created_at": T,
                    "referral_code": "CODE-holder", "referrer_id": "root", "root": False,
                    "referrals": 2}
    assert g.read("user_get", id="ghost") == []


@contract("user_list")
def _(g):
    def ids(**kw):
        params = dict(after=None, limit=10, role=None, status=None, referrer_id=None)
        return [r["user"]["id"] for r in g.read("user_list", **{**params, **kw})]
    assert ids() == ["buyer", "holder", "root", "shop"]
    assert ids(after="buyer", limit=2) == ["holder", "root"]
    assert ids(role="merchant") == ["shop"]
    assert ids(role="cardholder") == ["holder"]
    assert ids(referrer_id="holder") == ["buyer", "shop"]
    assert ids(status="suspended") == []


@contract("user_set_status")
def _(g):
    row = g.write_one("user_set_status", id="buyer", status="closed", reason="asked", at=T)
    assert (row["user"]["status"], row["user"]["status_reason"]) == ("closed", "asked")
    assert g.write("user_set_status", id="ghost", status="closed", reason=None, at=T) == []


@contract("user_set_referrer")
def _(g):
    register(g, "root2", root=True)

    def attach(user, referrer):
        return g.write_one("user_set_referrer", id=user, referrer_id=referrer,
                           referrers=["cardholder", "merchant"], at=T)
    assert attach("root2", "shop") == {"outcome": "attached", "referrer_id": "shop"}
    assert attach("root2", "shop") == {"outcome": "replayed", "referrer_id": "shop"}
    assert attach("root2", "holder") == {"outcome": "referrer_already_set", "referrer_id": "shop"}
    assert attach("root", "root2")["outcome"] == "cycle"
    assert attach("root", "root")["outcome"] == "self_referral"
    assert attach("ghost", "root")["outcome"] == "unknown_user"
    assert attach("root", "ghost")["outcome"] == "unknown_referrer"


@contract("user_upline")
def _(g):
    rows = g.read("user_upline", id="buyer")
    assert [(r["distance"], r["user"]["id"]) for r in rows] == [(1, "holder"), (2, "root")]
    assert g.read("user_upline", id="root") == []


@contract("user_downline_counts")
def _(g):
    assert g.read("user_downline_counts", id="root", depth=10) == [
        {"level": 1, "users": 1, "merchants": 0}, {"level": 2, "users": 2, "merchants": 1}]
    assert g.read("user_downline_counts", id="root", depth=1) == [
        {"level": 1, "users": 1, "merchants": 0}]


@contract("user_downline_page")
def _(g):
    def page(**kw):
        params = dict(id="root", depth=3, after_level=None, after_id=None, limit=10)
        return [(r["level"], r["user"]["id"]) for r in g.read("user_downline_page",
                                                              **{**params, **kw})]
    assert page() == [(1, "holder"), (2, "buyer"), (2, "shop")]
    assert page(after_level=2, after_id="buyer") == [(2, "shop")]
    assert page(limit=1) == [(1, "holder")]


@contract("user_balances")
def _(g):
    assert g.read_one("user_balances", id="buyer", at=T)["balances"] == {
        "user_id": "buyer", "points": 100, "cash_pending": 0, "cash_available": 0,
        "voucher_balance": 500, "vouchers": 1}
    assert g.read_one("user_balances", id="buyer", at=FAR)["balances"]["voucher_balance"] == 0


# -- rules ------------------------------------------------------------------

def add_rules(g, change_id, effective_from, body='{"fee_bp": 100}'):
    return g.write_one("rules_create", change_id=change_id, body=body,
                       effective_from=effective_from, at=T, created_by="ops", note=None)


@contract("rules_create")
def _(g):
    first = add_rules(g, "c1", T)["rules"]
    assert (first["version"], first["body"], first["change_id"]) == (1, '{"fee_bp": 100}', "c1")
    assert add_rules(g, "c2", T + 10)["rules"]["version"] == 2
    assert add_rules(g, "c1", T)["rules"]["version"] == 1  # a replay


@contract("rules_in_force")
def _(g):
    assert g.read("rules_in_force", at=T) == []
    add_rules(g, "c1", T, '{"a": 1}')
    add_rules(g, "c2", T + 10, '{"a": 2}')
    assert g.read_one("rules_in_force", at=T + 5)["rules"]["body"] == '{"a": 1}'
    assert g.read_one("rules_in_force", at=T + 10)["rules"]["version"] == 2


@contract("rules_history")
def _(g):
    add_rules(g, "c1", T)
    add_rules(g, "c2", T + 10)
    assert [r["rules"]["version"] for r in g.read("rules_history")] == [2, 1]


# -- cards and vouchers -------------------------------------------------------

@contract("card_buy")
def _(g):
    row = buy_card(g, "card-2", "buyer", count=3)
    assert row == {"outcome": "created", "card": {
        "id": "card-2", "holder_id": "buyer", "price": 9_900, "bought_at": T,
        "voucher_ids": ["card-2-v1", "card-2-v2", "card-2-v3"]}}
    assert buy_card(g, "card-2", "buyer", count=3)["outcome"] == "replayed"
    assert buy_card(g, "card-3", "buyer")["outcome"] == "already_cardholder"
    assert buy_card(g, "card-4", "ghost")["outcome"] == "unknown_user"


@contract("card_list")
def _(g):
    assert [r["card"]["id"] for r in g.read("card_list", user_id="holder")] == ["card-1"]


@contract("voucher_issue")
def _(g):
    row = g.write_one("voucher_issue", id="g2", owner_id="buyer", amount=50, expires_at=FAR,
                      at=T, request_hash="h")
    assert row["outcome"] == "created" and row["voucher"]["remaining"] == 50
    assert g.write_one("voucher_issue", id="g2", owner_id="buyer", amount=50, expires_at=FAR,
                       at=T, request_hash="h2")["outcome"] == "id_taken"
    assert g.write_one("voucher_issue", id="g3", owner_id="ghost", amount=50, expires_at=FAR,
                       at=T, request_hash="h")["outcome"] == "unknown_user"


@contract("voucher_get")
def _(g):
    voucher = g.read_one("voucher_get", id="gift")["voucher"]
    assert (voucher["amount"], voucher["remaining"], voucher["status"]) == (700, 500, "active")


@contract("voucher_revoke")
def _(g):
    first = g.write_one("voucher_revoke", id="gift", at=T)["voucher"]
    again = g.write_one("voucher_revoke", id="gift", at=T + 99)["voucher"]
    assert first["status"] == again["status"] == "revoked" and again["revoked_at"] == T


@contract("voucher_list")
def _(g):
    rows = g.read("voucher_list", owner_id="holder", after=None, limit=10)
    assert [r["voucher"]["id"] for r in rows] == ["card-1-v1", "card-1-v2"]
    assert g.read("voucher_list", owner_id="holder", after="card-1-v1", limit=10)[0][
        "voucher"]["id"] == "card-1-v2"


# -- sales and refunds --------------------------------------------------------

@contract("sale_record")
def _(g):
    row = sale(g, "s2", amount=3_000, vouchers=[{"id": "gift", "amount": 500}])
    assert row["outcome"] == "created" and row["bad_vouchers"] == []
    assert (row["sale"]["fee"], row["sale"]["voucher_paid"]) == (500, 500)
    assert sale(g, "s2", amount=3_000, vouchers=[{"id": "gift", "amount": 500}])["outcome"] == \
        "replayed"
    bad = sale(g, "s3", vouchers=[{"id": "gift", "amount": 1}])
    assert (bad["outcome"], bad["bad_vouchers"], bad["sale"]) == ("voucher_unusable", ["gift"], None)
    assert sale(g, "s4", buyer_id="ghost")["outcome"] == "unknown_buyer"
    total = g.read_one("sale_get", id="s2")
    assert total["sale"]["vouchers"] == [{"id": "gift", "amount": 500}]


@contract("sale_get")
def _(g):
    got = g.read_one("sale_get", id="s1")["sale"]
    assert got == {"id": "s1", "merchant_id": "shop", "buyer_id": "buyer", "amount": 10_000,
                   "currency": "CNY", "at": T, "period": "2027-01", "items": "tea",
                   "voucher_paid": 200, "fee_bp": 500, "fee": 500, "points": 100,
                   "refunded_amount": 0, "refunded_fee": 0, "refunded_points": 0,
                   "vouchers": [{"id": "gift", "amount": 200}]}


def _list(g, name, **kw):
    params = {"from": None, "to": None, "after_at": None, "after_id": None, "limit": 10, **kw}
    return [r["sale"]["id"] for r in g.read(name, **params)]


@contract("sale_list")
def _(g):
    sale(g, "s0")
    assert _list(g, "sale_list") == ["s0", "s1"]
    assert _list(g, "sale_list", after_at=T, after_id="s0") == ["s1"]
    assert _list(g, "sale_list", **{"from": T + 1}) == []


@contract("sale_list_by_merchant")
def _(g):
    assert _list(g, "sale_list_by_merchant", user_id="shop") == ["s1"]
    assert _list(g, "sale_list_by_merchant", user_id="buyer") == []


@contract("sale_list_by_buyer")
def _(g):
    assert _list(g, "sale_list_by_buyer", user_id="buyer") == ["s1"]
    assert _list(g, "sale_list_by_buyer", user_id="shop", **{"to": T}) == []


@contract("refund_record")
def _(g):
    first = refund(g, "r1", 3_333)
    assert (first["outcome"], first["refund"]["fee"], first["refund"]["points"],
            first["refundable"]) == ("created", 167, 33, 6_667)
    assert refund(g, "r1", 3_333)["outcome"] == "replayed"
    assert refund(g, "r2", 6_668)["outcome"] == "over_refund"
    rest = refund(g, "r3", 6_667)
    assert (rest["refund"]["fee"], rest["refund"]["points"]) == (333, 67)
    assert refund(g, "r4", 1, sale_id="ghost")["outcome"] == "unknown_sale"


@contract("refund_list")
def _(g):
    refund(g, "r1", 10)
    assert [r["refund"]["id"] for r in g.read("refund_list", sale_id="s1")] == ["r1"]


# -- API keys ---------------------------------------------------------------

def add_key(g, id="k1"):
    return g.write_one("api_key_create", id=id, hash="abc", role="member", user_id="buyer",
                       name="phone", at=T)


@contract("api_key_create")
def _(g):
    assert add_key(g)["key"] == {"id": "k1", "role": "member", "user_id": "buyer",
                                 "name": "phone", "created_at": T}


@contract("api_key_get")
def _(g):
    add_key(g)
    key = g.read_one("api_key_get", id="k1")["key"]
    assert (key["hash"], key["revoked_at"]) == ("abc", None)


@contract("api_key_revoke")
def _(g):
    add_key(g)
    assert g.write_one("api_key_revoke", id="k1", at=T)["key"]["revoked_at"] == T
    assert g.write_one("api_key_revoke", id="k1", at=T + 1)["key"]["revoked_at"] == T


@contract("api_key_list")
def _(g):
    add_key(g, "k2")
    add_key(g, "k1")
    assert [r["key"]["id"] for r in g.read("api_key_list")] == ["k1", "k2"]


# -- the tests (after every contract above is registered) ----------------------

def test_every_query_file_has_a_contract():
    for backend in ("falkordb", "neo4j"):
        assert set(Registry(backend)) == set(CONTRACT)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_query_contract(g, name):
    CONTRACT[name](g)
