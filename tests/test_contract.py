"""The backend contract: every query file, run through the backend protocol
with known inputs, gives exactly the expected rows, on every backend.

``CONTRACT`` maps each query name to a check; a query file without a check
fails ``test_every_query_file_has_a_contract``.
"""

import pytest
from conftest import fee_totals
from webhook_legacy import legacy

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


def buy_card(g, id, user_id, count=2, voucher_ids=None):
    # the caller makes the voucher ids (unguessable ones in graph/store/cards.py)
    voucher_ids = [f"{id}-v{i}" for i in range(1, count + 1)] if voucher_ids is None \
        else voucher_ids
    return g.write_one("card_buy", id=id, user_id=user_id, price=9_900, voucher_ids=voucher_ids,
                       voucher_amount=1_000, expires_at=FAR, allow_second=False, at=T,
                       request_hash=f"h-{id}")


def redeem(g, id, user_id, voucher_ids, max_amount, merchant_id=None, expires_at=FAR, at=T):
    """A redemption token ``t-<id>`` of ``user_id`` for ``voucher_ids``."""
    return g.write_one("voucher_redemption_create", id=id, user_id=user_id,
                       voucher_ids=list(voucher_ids), max_amount=max_amount,
                       merchant_id=merchant_id, at=at, expires_at=expires_at, salt=f"salt-{id}",
                       token_hash=f"t-{id}", request_hash=f"h-{id}")


def sale(g, id, amount=10_000, vouchers=(), buyer_id="buyer", fee=500, points=100, at=T,
         carry_period=None, financing=None, rules_version=None, rules_change_id=None,
         now=T, merchant_id="shop"):
    """Sale ``id``; vouchers without a ``token_hash`` are paid with a token
    ``t-r-<id>`` the buyer mints for them first (the holder's consent)."""
    uses = [dict(v) for v in vouchers]
    plain = [u for u in uses if "token_hash" not in u]
    if plain:
        total = sum(u["amount"] for u in plain)
        redeem(g, f"r-{id}", buyer_id, [u["id"] for u in plain], total)
        for use in plain:
            use.update(token_hash=f"t-r-{id}", token_total=total)
    return g.write_one(
        "sale_record", id=id, merchant_id=merchant_id, buyer_id=buyer_id, amount=amount,
        currency="CNY", at=at, period="2027-01", items="tea", vouchers=uses,
        voucher_paid=sum(v["amount"] for v in vouchers), fee_bp=500, fee=fee, points=points,
        request_hash=f"h-{id}", carry_period=carry_period, financing=financing,
        rules_version=rules_version, rules_change_id=rules_change_id, now=now)


def refund(g, id, amount, sale_id="s1", at=T + 1, carry_period=None):
    return g.write_one("refund_record", id=id, sale_id=sale_id, amount=amount, at=at,
                       period="2027-01", reason="damaged", request_hash=f"h-{id}",
                       carry_period=carry_period)


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


@contract("platform_currency_settle")
def _(g):
    settle = lambda currency: g.write_one("platform_currency_settle", currency=currency)  # noqa: E731
    assert settle("CNY") == {"outcome": "stored", "currency": "CNY", "moved": True}
    assert settle("USD") == {"outcome": "mismatch", "currency": "CNY", "moved": True}
    assert settle("CNY") == {"outcome": "kept", "currency": "CNY", "moved": True}
    while g.write_one("wipe_batch", batch=1000)["deleted"]:
        pass
    assert settle("USD") == {"outcome": "stored", "currency": "USD", "moved": False}
    assert settle("USD") == {"outcome": "kept", "currency": "USD", "moved": False}
    assert settle("CNY") == {"outcome": "stored", "currency": "CNY", "moved": False}
    register(g, "shop", ["merchant"], root=True)
    sale(g, "s1", buyer_id=None)                       # money has moved
    assert settle("USD") == {"outcome": "mismatch", "currency": "CNY", "moved": True}
    assert {r["label"]: r["nodes"] for r in g.read("count_nodes")}["Platform"] == 1


# -- users ------------------------------------------------------------------

@contract("user_register_batch")
def _(g):
    def item(id, **kw):
        return {"id": id, "name": id.title(), "roles": ["buyer"], "root": False,
                "referrer_id": None, "referral_code": None, "code": f"CODE-{id}", "at": T + 5,
                "phone_hash": None, "device_id": None, "payment_hash": None,
                "request_hash": f"h-{id}", **kw}
    users = [item("n1", referrer_id="holder"), item("n2", referral_code="CODE-shop",
                                                     roles=["buyer", "merchant"]),
             item("n3", referrer_id="buyer"), item("n4"), item("n5", referrer_id="ghost"),
             item("n6", root=True, roles=[]), item("n7", referrer_id="n7"),
             {**item("holder"), "request_hash": "another"}]
    rows = g.write("user_register_batch", users=users, referrers=["cardholder", "merchant"])
    assert [(r["id"], r["outcome"]) for r in rows] == [
        ("n1", "created"), ("n2", "created"), ("n3", "referrer_not_allowed"),
        ("n4", "referrer_required"), ("n5", "unknown_referrer"), ("n6", "created"),
        ("n7", "self_referral"), ("holder", "id_taken")]
    n2 = rows[1]["user"]
    assert (n2["referrer_id"], n2["created_at"], n2["referral_code"], sorted(n2["labels"])) == (
        "shop", T + 5, "CODE-n2", ["Buyer", "Merchant", "User"])
    assert rows[2]["user"] is None and rows[5]["user"]["root"] is True
    again = g.write("user_register_batch", users=users[:2], referrers=["cardholder", "merchant"])
    assert [r["outcome"] for r in again] == ["replayed", "replayed"]
    assert g.read_one("user_get", id="n1")["user"]["referrer_id"] == "holder"
    # an imported card holder: a CardHolder from registration, with a card of price 0
    # and no vouchers, and no ledger entry; a referee of the same kind may follow
    since = T + 7
    rows = g.write("user_register_batch", users=[item("old", root=True, card_since=since)],
                   referrers=["cardholder"])
    assert rows[0]["outcome"] == "created" and "CardHolder" in rows[0]["user"]["labels"]
    assert [r["card"] for r in g.read("card_list", user_id="old")] == [{
        "id": "import:old", "holder_id": "old", "price": 0, "bought_at": since,
        "voucher_ids": [], "source": "import"}]
    assert g.read("voucher_list", owner_id="old", after=None, limit=10) == []
    assert g.read("ledger_entries_of_account", account="user:old:payments", after=None,
                  limit=10) == []
    rows = g.write("user_register_batch", users=[item("n8", referrer_id="old")],
                   referrers=["cardholder"])
    assert rows[0]["outcome"] == "created"
    assert [r["outcome"] for r in g.write(
        "user_register_batch", users=[item("old", root=True, card_since=since)],
        referrers=["cardholder"])] == ["replayed"]
    assert len(g.read("card_list", user_id="old")) == 1



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
    row = buy_card(g, "card-2", "buyer", voucher_ids=["v_a", "v_b", "v_c"])
    assert row == {"outcome": "created", "card": {
        "id": "card-2", "holder_id": "buyer", "price": 9_900, "bought_at": T,
        "voucher_ids": ["v_a", "v_b", "v_c"], "source": "sale"}}
    # a replay answers the vouchers made first, not the new ids it was sent
    again = buy_card(g, "card-2", "buyer", voucher_ids=["v_x", "v_y", "v_z"])
    assert (again["outcome"], again["card"]["voucher_ids"]) == ("replayed", ["v_a", "v_b", "v_c"])
    assert [r["voucher"]["id"] for r in g.read("voucher_list", owner_id="buyer", after=None,
                                               limit=10)] == ["gift", "v_a", "v_b", "v_c"]
    assert g.read_one("voucher_get", id="v_x") is None
    assert buy_card(g, "card-3", "buyer")["outcome"] == "already_cardholder"
    assert buy_card(g, "card-4", "ghost")["outcome"] == "unknown_user"


@contract("card_list")
def _(g):
    assert [(r["card"]["id"], r["card"]["source"])
            for r in g.read("card_list", user_id="holder")] == [("card-1", "sale")]


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
    assert sale(g, "s5", at=T - 1)["outcome"] == "before_merchant_joined"
    g.write("user_register", id="late", name="Late", roles=["buyer"], root=False,
            referrer_id="holder", referral_code=None, code="CODE-late",
            referrers=["cardholder", "merchant"], at=T + 10, request_hash="h-late", **USER_FIELDS)
    early = sale(g, "s6", buyer_id="late", at=T + 9)
    assert (early["outcome"], early["sale"]) == ("before_buyer_joined", None)
    assert sale(g, "s6", buyer_id="late", at=T + 10)["outcome"] == "created"
    open_run(g)                     # 2027-01's reward run is running: sales in it are late
    late = sale(g, "s7", at=T + 20)
    assert (late["outcome"], late["sale"]) == ("period_closed", None)
    carried = sale(g, "s7", at=T + 20, carry_period="2027-02")
    assert carried["outcome"] == "created"
    assert (carried["sale"]["period"], carried["sale"]["carried_from"]) == ("2027-02", "2027-01")
    assert sale(g, "s7", at=T + 20, carry_period="2027-02")["outcome"] == "replayed"
    open_run(g, "2027-02")
    assert sale(g, "s8", at=T + 20, carry_period="2027-02")["outcome"] == "period_closed"
    assert sale(g, "s8", at=T + 20, carry_period="2027-03")["sale"]["period"] == "2027-03"
    total = g.read_one("sale_get", id="s2")
    assert total["sale"]["vouchers"] == [{"id": "gift", "amount": 500}]
    # the caller's cached rules: the newest version it knows must still be the newest
    # (2027-01 and 2027-02 are closed by now: these sales are carried to 2027-03)
    assert sale(g, "s9", rules_version=0, carry_period="2027-03")["outcome"] == "created"
    g.write("rules_create", change_id="c1", body="{}", effective_from=T, at=T,
            created_by="test", note=None)
    for version, change_id in ((0, None), (1, "other"), (2, "c2")):
        stale = sale(g, "s10", rules_version=version, rules_change_id=change_id,
                     carry_period="2027-03")
        assert (stale["outcome"], stale["sale"]) == ("rules_changed", None)
    assert g.read_one("sale_get", id="s10") is None
    assert sale(g, "s10", rules_version=1, rules_change_id="c1",
                carry_period="2027-03")["outcome"] == "created"
    assert sale(g, "s9", rules_version=0,            # a replay is a replay
                carry_period="2027-03")["outcome"] == "replayed"
    financed_sale_contract(g)
    voucher_consent_contract(g)


def voucher_consent_contract(g):
    """sale_record pays with a voucher only with a valid redemption token of
    its holder, and marks the token used by the sale."""
    g.write("voucher_issue", id="gift2", owner_id="buyer", amount=1_000, expires_at=FAR, at=T,
            request_hash="h-gift2")
    g.write("voucher_issue", id="other", owner_id="holder", amount=1_000, expires_at=FAR, at=T,
            request_hash="h-other")
    redeem(g, "ok", "buyer", ["gift2"], 300)
    redeem(g, "theirs", "holder", ["other"], 300)
    register(g, "shop2", ["merchant"], referrer_id="holder")
    assert redeem(g, "shop-only", "buyer", ["gift2"], 300, merchant_id="shop2")["outcome"] == \
        "created"
    redeem(g, "old", "buyer", ["gift2"], 300, expires_at=T + 5)

    def pay(id, uses, now=T + 10):
        return sale(g, id, amount=1_000, vouchers=uses, carry_period="2027-03", now=now)

    def use(token, voucher="gift2", amount=100, total=None):
        return {"id": voucher, "amount": amount, "token_hash": token,
                "token_total": amount if total is None else total}

    cases = [([use(None)], "no_token"), ([use("t-nothing")], "no_token"),
             ([use("t-theirs", "other")], "other_voucher"),  # the holder's, not the buyer's
             ([use("t-theirs")], "other_voucher"),           # the holder's token
             ([use("t-shop-only")], "other_merchant"), ([use("t-old")], "expired"),
             ([use("t-ok", amount=301)], "over_cap"),
             ([use("t-ok", amount=200, total=400), use("t-ok", "gift", 200, total=400)],
              "other_voucher")]
    for uses, reason in cases:
        refused = pay("c1", uses)
        assert (refused["outcome"], refused["sale"]) == ("voucher_consent_required", None)
        assert reason in [u["reason"] for u in refused["unconsented"]], (uses, refused)
    assert g.read_one("sale_get", id="c1") is None
    assert g.read_one("voucher_get", id="gift2")["voucher"]["remaining"] == 1_000
    paid = pay("c1", [use("t-ok", amount=300)])
    assert (paid["outcome"], paid["unconsented"]) == ("created", [])
    assert g.read_one("voucher_get", id="gift2")["voucher"]["remaining"] == 700
    assert pay("c1", [use("t-ok", amount=300)])["outcome"] == "replayed"
    again = pay("c2", [use("t-ok", amount=100)])
    assert (again["outcome"], again["unconsented"]) == (
        "voucher_consent_required", [{"id": "gift2", "reason": "used"}])
    used = {r["cursor"]: r["props"] for r in g.read("copy_voucher_redemption_read", after=None,
                                                    limit=100)}["ok"]
    assert (used["used_by"], used["used_at"]) == ("c1", T + 10)
    # a token checked against refgraph's clock ($now), not the sale's time
    assert pay("c3", [use("t-old")], now=T + 4)["outcome"] == "created"


@contract("voucher_redemption_create")
def _(g):
    row = redeem(g, "m1", "buyer", ["gift"], 500, merchant_id="shop", expires_at=T + 900_000)
    assert (row["outcome"], row["bad_vouchers"]) == ("created", [])
    assert row["redemption"] == {
        "id": "m1", "user_id": "buyer", "voucher_ids": ["gift"], "max_amount": 500,
        "merchant_id": "shop", "created_at": T, "expires_at": T + 900_000, "used_by": None,
        "used_at": None, "salt": "salt-m1", "token_hash": "t-m1"}
    again = redeem(g, "m1", "buyer", ["gift"], 500, merchant_id="shop", expires_at=T + 900_000)
    assert (again["outcome"], again["redemption"]) == ("replayed", row["redemption"])
    taken_id = g.write_one("voucher_redemption_create", **{
        **dict(id="m1", user_id="buyer", voucher_ids=["gift"], max_amount=1, merchant_id=None,
               at=T, expires_at=FAR, salt="s", token_hash="t-x", request_hash="other")})
    assert (taken_id["outcome"], taken_id["redemption"]) == ("id_taken", None)
    mine_and_not = redeem(g, "m2", "buyer", ["gift", "card-1-v1", "ghost"], 500)
    assert (mine_and_not["outcome"], sorted(mine_and_not["bad_vouchers"])) == (
        "vouchers_not_owned", ["card-1-v1", "ghost"])
    assert redeem(g, "m3", "ghost", ["gift"], 5)["outcome"] == "unknown_user"
    assert redeem(g, "m4", "buyer", ["gift"], 5, merchant_id="holder")["outcome"] == \
        "unknown_merchant"
    assert redeem(g, "m5", "buyer", [], 5)["outcome"] == "created"   # one row, even empty
    assert [r["cursor"] for r in g.read("copy_voucher_redemption_read", after=None,
                                        limit=100)] == ["m1", "m5", "r-s1"]


@contract("sale_get")
def _(g):
    got = g.read_one("sale_get", id="s1")["sale"]
    assert got == {"id": "s1", "merchant_id": "shop", "buyer_id": "buyer", "amount": 10_000,
                   "currency": "CNY", "at": T, "period": "2027-01", "carried_from": None,
                   "items": "tea",
                   "voucher_paid": 200, "fee_bp": 500, "fee": 500, "points": 100,
                   "refunded_amount": 0, "refunded_fee": 0, "refunded_points": 0,
                   "vouchers": [{"id": "gift", "amount": 200}], "financing_id": None,
                   "financed_amount": None, "financing_status": None, "voided_at": None}


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
    assert refund(g, "r5", 1, at=T - 1)["outcome"] == "before_sale"
    sale(g, "s2", amount=2_000, fee=100)
    open_run(g)                     # 2027-01's reward run is running: refunds in it are late
    assert refund(g, "r6", 1_000, sale_id="s2")["outcome"] == "period_closed"
    late = refund(g, "r6", 1_000, sale_id="s2", carry_period="2027-02")
    assert late["outcome"] == "created" and late["refund"]["fee"] == 50
    assert (late["refund"]["period"], late["refund"]["carried_from"]) == ("2027-02", "2027-01")
    institution(g)
    financed(g, "f1", carry_period="2027-02")
    assert refund(g, "r7", 100, sale_id="f1", at=T + 30)["outcome"] == "financing_undecided"
    decide(g, "f1", "declined", ["applied"])
    assert refund(g, "r7", 100, sale_id="f1", at=T + 30)["outcome"] == "sale_void"


@contract("refund_record_batch")
def _(g):
    sale(g, "s2", amount=2_000, fee=100)
    sale(g, "s3", amount=4_000, fee=200)

    def item(id, sale_id, amount, at=T + 1):
        return {"id": id, "sale_id": sale_id, "amount": amount, "at": at, "period": "2027-01",
                "reason": None, "request_hash": f"h-{id}", "carry_period": None}
    rows = g.write("refund_record_batch", refunds=[
        item("r1", "s1", 3_333), item("r2", "s2", 1_000), item("r3", "s3", 4_001),
        item("r4", "ghost", 1), item("r5", "s3", 1, at=T - 1)])
    assert [(r["id"], r["outcome"]) for r in rows] == [
        ("r1", "created"), ("r2", "created"), ("r3", "over_refund"), ("r4", "unknown_sale"),
        ("r5", "before_sale")]
    # the same rounding as refund_record; two refunds of one merchant's fee
    # total in one statement both count
    assert g.read_one("refund_list", sale_id="s1")["refund"]["fee"] == 167
    assert g.read_one("sale_get", id="s2")["sale"]["refunded_fee"] == 50
    total = [t for t in fee_totals(g, "2027-01")
             if t["merchant_id"] == "shop"]
    assert total and total[0]["refunded_fees"] == 217
    again = g.write("refund_record_batch", refunds=[item("r1", "s1", 3_333),
                                                    {**item("r2", "s2", 5), "request_hash": "x"}])
    assert [r["outcome"] for r in again] == ["replayed", "id_taken"]
    assert g.read_one("sale_get", id="s1")["sale"]["refunded_amount"] == 3_333


@contract("refund_record_group")
def _(g):
    """Each row answers what refund_record answers for the same refund (group
    commit, graph/store/sales.py): outcome, refundable and the refund map."""
    for id, amount in (("a1", 10_000), ("a2", 2_000), ("a3", 4_000)):
        for twin in (id, "x" + id):
            sale(g, twin, amount=amount, fee=amount // 20, points=amount // 100)

    def item(id, sale_id, amount, at=T + 1, **changes):
        return {"id": id, "sale_id": sale_id, "amount": amount, "at": at, "period": "2027-01",
                "reason": "damaged", "request_hash": f"h-{id}", "carry_period": None,
                **changes}

    def group(*items):
        return [(r["id"], r["outcome"], r["refundable"], r["refund"])
                for r in g.write("refund_record_group", refunds=list(items))]

    def alone(one):
        """The same refund through refund_record, of the twin sale."""
        row = g.write_one("refund_record", **{**one, "id": "x" + one["id"],
                                              "sale_id": "x" + one["sale_id"]})
        mine = row["refund"] and {**row["refund"], "id": one["id"], "sale_id": one["sale_id"]}
        return (one["id"], row["outcome"], row["refundable"], mine)

    first = [item("r1", "a1", 3_333), item("r2", "a2", 1_000), item("r3", "a3", 4_001),
             item("r4", "ghost", 1), item("r5", "a3", 1, at=T - 1)]
    rows = group(*first)
    assert [r[1] for r in rows] == ["created", "created", "over_refund", "unknown_sale",
                                    "before_sale"]
    assert rows[0][2:] == (6_667, {"id": "r1", "sale_id": "a1", "merchant_id": "shop",
                                   "buyer_id": "buyer", "amount": 3_333, "fee": 167,
                                   "points": 33, "at": T + 1, "period": "2027-01",
                                   "carried_from": None, "reason": "damaged"})
    assert rows[3][2:] == (None, None)
    assert rows == [alone(one) if one["sale_id"] != "ghost" else rows[3] for one in first]
    second = [item("r1", "a1", 3_333), item("r2", "a2", 5, request_hash="x"),
              item("r6", "a1", 6_667)]
    assert [r[1] for r in group(*second[:2])] == ["replayed", "id_taken"]
    rows = group(second[2])
    assert rows == [alone(second[2])] and rows[0][3]["fee"] == 333
    open_run(g)
    late = [item("r7", "a2", 500), item("r8", "a3", 500, carry_period="2027-02")]
    rows = group(*late)
    assert [r[1] for r in rows] == ["period_closed", "created"]
    assert rows == [alone(one) for one in late]
    assert (rows[1][3]["period"], rows[1][3]["carried_from"]) == ("2027-02", "2027-01")


@contract("refund_list")
def _(g):
    refund(g, "r1", 10)
    assert [r["refund"]["id"] for r in g.read("refund_list", sale_id="s1")] == ["r1"]


@contract("sale_record_batch")
def _(g):
    def item(id, merchant="shop", buyer="buyer", amount=1_000):
        return {"id": id, "merchant_id": merchant, "buyer_id": buyer, "amount": amount,
                "currency": "CNY", "at": T, "period": "2027-01", "items": None, "fee_bp": 500,
                "fee": amount // 20, "points": amount // 100, "request_hash": f"h-{id}"}
    changed = {**item("s1"), "request_hash": "another request"}
    rows = g.write("sale_record_batch", sales=[item("b1"), item("b2", buyer=None),
                                               item("b3", merchant="buyer"), changed])
    assert rows == [{"id": "b1", "outcome": "created"}, {"id": "b2", "outcome": "created"},
                    {"id": "b3", "outcome": "not_a_merchant"}, {"id": "s1", "outcome": "id_taken"}]
    assert g.write("sale_record_batch", sales=[item("b1")]) == [{"id": "b1", "outcome": "replayed"}]
    # two sales of a new period in one batch make one fee total
    later = [{**item(f"n{k}"), "period": "2027-02"} for k in (1, 2)]
    assert [r["outcome"] for r in g.write("sale_record_batch", sales=later)] == ["created"] * 2
    assert fee_totals(g, "2027-02") == [
        {"referrer_id": "holder", "merchant_id": "shop", "fees": 100, "refunded_fees": 0,
         "carried_fees": 0, "carried_refunded_fees": 0}]
    totals = fee_totals(g, "2027-01")
    assert totals == [{"referrer_id": "holder", "merchant_id": "shop", "fees": 600,
                       "refunded_fees": 0, "carried_fees": 0, "carried_refunded_fees": 0}]
    g.write("user_register", id="late", name="Late", roles=["buyer"], root=False,
            referrer_id="holder", referral_code=None, code="CODE-late",
            referrers=["cardholder", "merchant"], at=T + 10, request_hash="h-late", **USER_FIELDS)
    early = [{**item("e1"), "at": T - 1}, {**item("e2", buyer="late"), "at": T + 9},
             {**item("e3", buyer="late"), "at": T + 10}]
    assert [r["outcome"] for r in g.write("sale_record_batch", sales=early)] == [
        "before_merchant_joined", "before_buyer_joined", "created"]
    open_run(g)
    late = [item("l1"), {**item("l2"), "carry_period": "2027-02"}]
    assert [r["outcome"] for r in g.write("sale_record_batch", sales=late)] == [
        "period_closed", "created"]
    assert g.read_one("sale_get", id="l2")["sale"]["period"] == "2027-02"
    assert fee_totals(g, "2027-02")[0]["carried_fees"] == 50


@contract("sale_record_group")
def _(g):
    """Each row answers what sale_record answers for the same sale (group
    commit, graph/store/sales.py): its outcome and its sale map."""
    def item(id, merchant="shop", buyer="buyer", amount=10_000, **changes):
        return {"id": id, "merchant_id": merchant, "buyer_id": buyer, "amount": amount,
                "currency": "CNY", "at": T, "period": "2027-01", "carry_period": None,
                "items": "tea", "fee_bp": 500, "fee": 500, "points": 100,
                "request_hash": f"h-{id}", "rules_version": None, "rules_change_id": None,
                **changes}

    def alone(id, **changes):
        """The same sale through sale_record, under another id."""
        one = item(id, **changes)
        row = sale(g, "x" + id, merchant_id=one["merchant_id"], buyer_id=one["buyer_id"],
                   amount=one["amount"], at=one["at"], carry_period=one["carry_period"],
                   rules_version=one["rules_version"], rules_change_id=one["rules_change_id"])
        return row["outcome"], row["sale"] and {**row["sale"], "id": id}

    def group(*items):
        return [(r["id"], r["outcome"], r["sale"]) for r in g.write("sale_record_group",
                                                                  sales=list(items))]

    changed = item("s1", request_hash="another request")
    rows = group(item("b1"), item("b2", buyer=None), item("b3", merchant="buyer"), changed,
                 item("b4", buyer="ghost"))
    assert [r[:2] for r in rows] == [("b1", "created"), ("b2", "created"),
                                     ("b3", "not_a_merchant"), ("s1", "id_taken"),
                                     ("b4", "unknown_buyer")]
    assert rows[0][2] == alone("b1")[1] and rows[1][2] == alone("b2", buyer=None)[1]
    assert rows[0][2]["voucher_paid"] == 0 and rows[0][2]["financing_id"] is None
    assert [r[2] for r in rows[2:]] == [None] * 3
    assert group(item("b1")) == [("b1", "replayed", rows[0][2])]
    # the event of a grouped sale is the one sale_record writes, voucher lists included
    events = {e["props"]["event_id"]: e["props"] for e in g.read(
        "copy_outbox_event_read", after=None, limit=100)}
    mine, theirs = events["sale.recorded:b1:1"], events["sale.recorded:xb1:1"]
    assert mine == {**theirs, "event_id": "sale.recorded:b1:1", "event_resource_id": "b1",
                    "id": "b1"}
    # two sales of a new period in one statement make one fee total
    later = [item(f"n{k}", period="2027-02") for k in (1, 2)]
    assert [r[1] for r in group(*later)] == ["created"] * 2
    assert fee_totals(g, "2027-02")[0]["fees"] == 1_000
    # the caller's cached rules, per row
    g.write("rules_create", change_id="c1", body="{}", effective_from=T, at=T,
            created_by="test", note=None)
    stale = [item("v1", rules_version=0), item("v2", rules_version=1, rules_change_id="other"),
             item("v3", rules_version=1, rules_change_id="c1"), item("b1", rules_version=0)]
    assert [r[1] for r in group(*stale)] == ["rules_changed", "rules_changed", "created",
                                              "replayed"]
    # late sales: refused, or carried into the open period named
    open_run(g)
    rows = group(item("l1"), item("l2", carry_period="2027-02"))
    assert [r[1] for r in rows] == ["period_closed", "created"]
    assert (rows[1][2]["period"], rows[1][2]["carried_from"]) == ("2027-02", "2027-01")
    assert rows[1][2] == alone("l2", carry_period="2027-02")[1]
    assert fee_totals(g, "2027-02")[0]["carried_fees"] == 1_000


# -- demo data --------------------------------------------------------------

def demo_user(id, roles=("buyer",)):
    return {"id": id, "name": id, "roles": list(roles), "created_at": T,
            "referral_code": f"D-{id}", "root": False, "phone_hash": None, "device_id": None,
            "payment_hash": None}


@contract("demo_users_batch")
def _(g):
    rows = [demo_user("d1", ["merchant"]), demo_user("d2", ["buyer", "cardholder"]),
            demo_user("holder")]
    assert g.write_one("demo_users_batch", users=rows) == {"created": 2}   # holder exists
    user = g.read_one("user_get", id="d2")["user"]
    assert sorted(user["labels"]) == ["Buyer", "CardHolder", "User"]
    assert user["referral_code"] == "D-d2"
    assert g.read_one("user_get", id="d1")["user"]["labels"] == ["User", "Merchant"]


@contract("demo_sales_batch")
def _(g):
    sale = {"id": "d-s1", "merchant_id": "shop", "buyer_id": "buyer", "amount": 10_000,
            "currency": "CNY", "at": T, "period": "2026-11", "items": None, "fee_bp": 500,
            "fee": 500, "points": 100, "request_hash": "h"}
    params = {"sale_ids": ["d-s1"], "merchant_ids": ["shop"], "buyer_ids": ["buyer"],
              "totals": [{"id": "shop|2026-11", "merchant_id": "shop", "period": "2026-11",
                          "fees": 500, "sales": 1, "amount": 10_000}],
              "buyers": [{"id": "buyer", "points": 100}]}
    def points():
        users = g.read("copy_user_read", after=None, limit=100)
        return next(row["props"]["points"] for row in users if row["cursor"] == "buyer")

    before = points()
    assert g.write_one("demo_sales_batch", sales=[sale], **params) == {"created": 1}
    assert g.read_one("sale_get", id="d-s1")["sale"]["fee"] == 500
    assert points() == before + 100
    # the sale exists now: nothing is written again
    assert g.write_one("demo_sales_batch", sales=[sale], **params) == {"created": 0}
    assert points() == before + 100


@contract("demo_referrals_batch")
def _(g):
    g.write("demo_users_batch", users=[demo_user("d1"), demo_user("d2")])
    edges = [{"referrer_id": "shop", "referee_id": "d1", "at": T},
             {"referrer_id": "shop", "referee_id": "buyer", "at": T}]   # buyer has one
    assert g.write_one("demo_referrals_batch", edges=edges) == {"created": 1}
    assert g.read_one("user_get", id="d1")["user"]["referrer_id"] == "shop"


# -- benchmark baselines ------------------------------------------------------

@contract("bench_referrers")
def _(g):
    assert sorted(r["referrer_id"] for r in g.read("bench_referrers")) == ["holder", "root"]


@contract("bench_referrer_reward_inputs")
def _(g):
    refund(g, "r1", 2_000)
    assert g.read("bench_referrer_reward_inputs", id="holder", end=T + 1, period="2027-01") == \
        [{"referrals": 1, "fees": 500, "refunded_fees": 100}]
    assert g.read("bench_referrer_reward_inputs", id="root", end=T + 1, period="2027-01") == \
        [{"referrals": 0, "fees": 0, "refunded_fees": 0}]

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


# -- vouchers: expiry ---------------------------------------------------------

@contract("voucher_expire")
def _(g):
    g.write("voucher_issue", id="short", owner_id="buyer", amount=40, expires_at=T + 5, at=T,
            request_hash="h")
    assert g.write_one("voucher_expire", now=T + 10, batch=10) == {"expired": 1, "value": 40}
    assert g.write_one("voucher_expire", now=T + 10, batch=10) == {"expired": 0, "value": 0}
    assert g.read_one("voucher_get", id="short")["voucher"]["status"] == "expired"


# -- rewards ----------------------------------------------------------------

def credit(g, amount=50, level=1, period="2027-01", referrer="holder"):
    line = {"id": f"{period}|{referrer}|{level}", "period": period, "level": level,
            "amount": amount, "referrals": 1, "tier": 1, "tier_threshold": 1,
            "tier_share_bp": 1000, "level_share_bp": 10000, "base": amount * 10,
            "detail": '[["shop",500,0,["holder","shop"]]]'}
    return g.write_one("reward_lines_credit", referrers=[{"referrer_id": referrer,
                                                          "lines": [line]}],
                       release_at=T + 100, at=T, rules_version=0)


def open_run(g, period="2027-01"):
    return g.write_one("reward_run_start", period=period, rules_version=0, at=T)


@contract("reward_referral_counts")
def _(g):
    def counts(**kw):
        params = dict(end=T + 1, window_start=None, merchants_only=False)
        return {r["referrer_id"]: r["referrals"]
                for r in g.read("reward_referral_counts", **{**params, **kw})}
    assert counts() == {"root": 1, "holder": 2}
    assert counts(merchants_only=True) == {"holder": 1}
    assert counts(end=T) == {}
    assert counts(window_start=T + 1) == {}


@contract("reward_bases_level1")
def _(g):
    refund(g, "r1", 2_000)
    assert g.read("reward_bases_level1", period="2027-01") == [
        {"referrer_id": "holder", "merchants": [["shop", 500, 100, 0, 0]]}]
    assert fee_totals(g, "2027-01") == [
        {"referrer_id": "holder", "merchant_id": "shop", "fees": 500, "refunded_fees": 100,
         "carried_fees": 0, "carried_refunded_fees": 0}]
    assert fee_totals(g, "2027-02") == []
    open_run(g)                                          # 2027-01 is running: late from now
    sale(g, "late", amount=2_000, fee=100, carry_period="2027-02")
    refund(g, "r-late", 1_000, sale_id="late", carry_period="2027-02")
    assert fee_totals(g, "2027-02") == [
        {"referrer_id": "holder", "merchant_id": "shop", "fees": 100, "refunded_fees": 50,
         "carried_fees": 100, "carried_refunded_fees": 50}]
    # one row per referrer, a list of its merchants
    g.write("user_register", id="shop2", name="Shop 2", roles=["merchant"], root=False,
            referrer_id="holder", referral_code=None, code="CODE-shop2",
            referrers=["cardholder", "merchant"], at=T, request_hash="h-shop2", **USER_FIELDS)
    g.write("sale_record", id="s-shop2", merchant_id="shop2", buyer_id=None, amount=2_000,
            currency="CNY", at=T, period="2027-02", items=None, vouchers=[], voucher_paid=0,
            fee_bp=500, fee=100, points=0, request_hash="h-s-shop2", carry_period=None,
            financing=None, rules_version=None, rules_change_id=None, now=T)
    rows = g.read("reward_bases_level1", period="2027-02")
    assert [(r["referrer_id"], sorted(m[0] for m in r["merchants"])) for r in rows] == [
        ("holder", ["shop", "shop2"])]


@contract("reward_bases_levels")
def _(g):
    def flat(rows):
        return sorted((r["referrer_id"], r["level"], m[0], m[1], m[3], m[4], m[5])
                      for r in rows for m in r["merchants"])
    rows = g.read("reward_bases_levels", period="2027-01", levels=2)
    assert flat(rows) == [("holder", 1, "shop", 500, 0, 0, ["holder", "shop"]),
                          ("root", 2, "shop", 500, 0, 0, ["root", "holder", "shop"])]
    assert len(rows) == 2
    assert len(g.read("reward_bases_levels", period="2027-01", levels=1)) == 1
    open_run(g)
    sale(g, "late", amount=2_000, fee=100, carry_period="2027-02")
    rows = g.read("reward_bases_levels", period="2027-02", levels=2)
    assert {(r, fees, carried, carried_refunded)
            for r, _, _, fees, carried, carried_refunded, _ in flat(rows)} == {
        ("holder", 100, 100, 0), ("root", 100, 100, 0)}


@contract("reward_run_start")
def _(g):
    first = open_run(g)
    assert first["previous_status"] is None
    assert (first["run"]["status"], first["run"]["attempts"]) == ("running", 1)
    again = open_run(g)
    assert (again["previous_status"], again["run"]["attempts"]) == ("running", 2)
    g.write("reward_run_finish", period="2027-01", at=T + 5)
    done = open_run(g)
    assert (done["run"]["status"], done["run"]["attempts"]) == ("completed", 2)


@contract("reward_lines_credit")
def _(g):
    assert credit(g, 50) == {"referrers": 1, "lines": 1, "rewards": 50, "clawbacks": 0}
    assert credit(g, 50) == {"referrers": 0, "lines": 0, "rewards": 0, "clawbacks": 0}
    assert credit(g, -30, level=2) == {"referrers": 1, "lines": 1, "rewards": 0, "clawbacks": 30}
    assert g.read_one("ledger_cached_balances", ) is not None
    holder = [r for r in g.read("ledger_cached_balances") if r["user_id"] == "holder"][0]
    assert (holder["cash_pending"], holder["clawback_due"]) == (50, 30)


@contract("reward_run_finish")
def _(g):
    open_run(g)
    credit(g, 50)
    credit(g, -20, level=2)
    run = g.write_one("reward_run_finish", period="2027-01", at=T + 7)["run"]
    assert (run["status"], run["lines"], run["referrers"], run["rewards"], run["clawbacks"],
            run["duration_ms"]) == ("completed", 2, 1, 50, 20, 7)


@contract("reward_run_fail")
def _(g):
    open_run(g)
    assert g.write_one("reward_run_fail", period="2027-01", error="boom", at=T)["run"] == {
        "period": "2027-01", "status": "failed", "error": "boom"}


@contract("reward_run_get")
def _(g):
    open_run(g)
    assert g.read_one("reward_run_get", period="2027-01")["run"]["status"] == "running"
    assert g.read("reward_run_get", period="1999-01") == []


@contract("reward_run_list")
def _(g):
    open_run(g, "2027-01")
    open_run(g, "2027-02")
    assert [r["run"]["period"] for r in g.read("reward_run_list", before=None, limit=10)] == \
        ["2027-02", "2027-01"]
    assert [r["run"]["period"] for r in g.read("reward_run_list", before="2027-02", limit=10)] \
        == ["2027-01"]


@contract("reward_line_get")
def _(g):
    credit(g, 50)
    line = g.read_one("reward_line_get", id="2027-01|holder|1")["line"]
    assert (line["amount"], line["status"], line["base"], line["release_at"]) == \
        (50, "pending", 500, T + 100)


@contract("reward_lines_of_user")
def _(g):
    credit(g, 50, period="2027-01")
    credit(g, 60, period="2027-02")
    rows = g.read("reward_lines_of_user", user_id="holder", after=None, limit=10)
    assert [r["line"]["id"] for r in rows] == ["2027-02|holder|1", "2027-01|holder|1"]


@contract("reward_release")
def _(g):
    credit(g, 50)
    credit(g, -20, level=2)
    assert g.write_one("reward_release", now=T + 99, batch=10, run_id="a") == {
        "referrers": 0, "lines": 0, "released": 0, "settled": 0}
    assert g.write_one("reward_release", now=T + 100, batch=10, run_id="b") == {
        "referrers": 1, "lines": 1, "released": 50, "settled": 20}
    holder = [r for r in g.read("ledger_cached_balances") if r["user_id"] == "holder"][0]
    assert (holder["cash_pending"], holder["cash_available"], holder["clawback_due"]) == \
        (0, 30, 0)


@contract("reward_pending_periods")
def _(g):
    refund(g, "r1", 100)
    assert g.read("reward_pending_periods") == [{"period": "2027-01"}]
    open_run(g)
    assert g.read("reward_pending_periods") == [{"period": "2027-01"}]   # running: not done
    g.write("reward_run_finish", period="2027-01", at=T)
    assert g.read("reward_pending_periods") == []

# -- ledger -----------------------------------------------------------------

@contract("ledger_balances")
def _(g):
    accounts = {r["account"]: r["balance"] for r in g.read("ledger_balances")}
    assert accounts["platform:fees"] == 500 and accounts["merchant:shop:fees"] == -500
    assert accounts["user:buyer:vouchers"] == 500 and accounts["user:buyer:points"] == 100
    assert sum(accounts.values()) == 0


@contract("ledger_bad_entries")
def _(g):
    assert g.read("ledger_bad_entries") == []


@contract("ledger_cached_balances")
def _(g):
    rows = {r["user_id"]: r for r in g.read("ledger_cached_balances")}
    assert (rows["buyer"]["points"], rows["buyer"]["vouchers"]) == (100, 500)
    assert rows["holder"]["vouchers"] == 2_000


@contract("ledger_entries_of_account")
def _(g):
    rows = g.read("ledger_entries_of_account", account="user:buyer:vouchers", after=None,
                  limit=10)
    assert [(r["entry"]["kind"], r["entry"]["amount"]) for r in rows] == [
        ("voucher_redeemed", 200), ("voucher_granted", 700)]


# -- withdrawals ------------------------------------------------------------

def fund(g, amount=500):
    credit(g, amount)
    g.write("reward_release", now=T + 100, batch=10, run_id="fund")


def ask(g, id="w1", amount=100, cash=70):
    return g.write_one("withdrawal_request", id=id, user_id="holder", amount=amount,
                       cash_amount=cash, min_amount=10, at=T, request_hash=f"h-{id}")


def move(g, to, frm, id="w1", institutions=None):
    return g.write_one("withdrawal_transition", id=id, to=to, reason=None, reference=None,
                       at=T + 1, voucher_expires_at=FAR, institutions=institutions,
                       voucher_id=f"v_{id}", **{"from": frm})


@contract("metrics_figures")
def _(g):
    empty = g.read_one("metrics_figures")
    assert empty == {"pending_withdrawals": 0, "pending_amount": 0, "run_period": None,
                     "run_duration_ms": None, "run_lines": None}
    fund(g, 150)
    ask(g, "w1", amount=40, cash=28)
    ask(g, "w2", amount=30, cash=21)
    move(g, "rejected", ["requested"], id="w2")
    open_run(g)
    credit(g, 50)
    g.write("reward_run_finish", period="2027-01", at=T + 9)
    assert g.read_one("metrics_figures") == {
        "pending_withdrawals": 1, "pending_amount": 40, "run_period": "2027-01",
        "run_duration_ms": 9, "run_lines": 1}


@contract("withdrawal_request")
def _(g):
    fund(g, 150)
    row = ask(g)
    assert (row["outcome"], row["available"], row["withdrawal"]["voucher_amount"]) == \
        ("created", 50, 30)
    assert ask(g)["outcome"] == "replayed"
    assert ask(g, "w2", amount=51)["outcome"] == "insufficient_balance"
    assert ask(g, "w3", amount=5)["outcome"] == "below_minimum"


@contract("withdrawal_transition")
def _(g):
    fund(g)
    ask(g)
    assert move(g, "paid", ["batched"])["outcome"] == "invalid_transition"
    assert move(g, "approved", ["requested"])["outcome"] == "done"
    assert move(g, "approved", ["requested"])["outcome"] == "replayed"
    g.write("payout_batch_create", id="b1", limit=10, at=T, institution_id=None)
    row = move(g, "paid", ["batched"])
    assert (row["outcome"], row["withdrawal"]["status"]) == ("done", "paid")
    assert g.read_one("voucher_get", id="v_w1")["voucher"]["amount"] == 30
    assert move(g, "paid", ["batched"], id="ghost")["outcome"] == "unknown_withdrawal"
    # an institution's confirmation: only for withdrawals batched for it
    ask(g, "w2")
    move(g, "approved", ["requested"], id="w2")
    g.write("payout_batch_create", id="b2", limit=10, at=T, institution_id="bank")
    assert move(g, "paid", ["batched"], id="w2", institutions=["other", ""])["outcome"] == \
        "unknown_withdrawal"
    assert move(g, "paid", ["batched"], id="w2", institutions=["bank"])["outcome"] == "done"
    assert move(g, "paid", ["batched"], id="w1", institutions=["bank"])["outcome"] == \
        "unknown_withdrawal"                       # b1 was made without an institution


@contract("withdrawal_get")
def _(g):
    fund(g)
    ask(g)
    assert g.read_one("withdrawal_get", id="w1")["withdrawal"]["status"] == "requested"


@contract("withdrawal_list")
def _(g):
    fund(g)
    ask(g, "w1", 100)
    ask(g, "w2", 100)
    move(g, "approved", ["requested"], id="w2")
    rows = g.read("withdrawal_list", status="requested", user_id=None, after=None, limit=10)
    assert [r["withdrawal"]["id"] for r in rows] == ["w1"]
    rows = g.read("withdrawal_list", status=None, user_id="holder", after="w1", limit=10)
    assert [r["withdrawal"]["id"] for r in rows] == ["w2"]


@contract("payout_batch_create")
def _(g):
    fund(g)
    ask(g, "w1", 100)
    ask(g, "w2", 100)
    move(g, "approved", ["requested"], id="w1")
    first = g.write_one("payout_batch_create", id="b1", limit=10, at=T,
                        institution_id=None)
    assert first["withdrawals"] == [{"id": "w1", "user_id": "holder", "cash_amount": 70}]
    move(g, "approved", ["requested"], id="w2")
    again = g.write_one("payout_batch_create", id="b1", limit=10, at=T,
                        institution_id=None)
    assert again["withdrawals"] == first["withdrawals"]   # a batch never grows
    second = g.write_one("payout_batch_create", id="b2", limit=10, at=T,
                         institution_id="bank")
    assert [w["id"] for w in second["withdrawals"]] == ["w2"]
    assert (first["batch"]["institution_id"], second["batch"]["institution_id"]) == (None, "bank")
    assert g.read_one("withdrawal_get", id="w2")["withdrawal"]["institution_id"] == "bank"


# -- institutions and consumer finance ----------------------------------------

SALT = "00" * 32


def institution(g, id="bank", services=("consumer_credit", "payouts"), buyer_limit=None,
                fee_bp=150, request_hash=None):
    return g.write_one("institution_register", id=id, name=id.title(), services=list(services),
                       currency="CNY", buyer_limit=buyer_limit, fee_bp=fee_bp, at=T, salt=SALT,
                       key_id="key-1", request_hash=request_hash or f"h-{id}")


def financed(g, id, amount=10_000, part=10_000, institution_id="bank", buyer_id="buyer",
             at=T + 20, carry_period=None):
    return sale(g, id, amount=amount, fee=amount // 20, points=0, buyer_id=buyer_id, at=at,
                carry_period=carry_period, financing={"id": id, "institution_id": institution_id, "buyer_id": buyer_id,
                           "amount": part, "installments": 3, "points": amount // 100,
                           "lapse_at": T + 1_000})


def decide(g, id, to, frm, by="institution", institution_id="bank", reference=None, at=T + 50,
           carry_period=None):
    return g.write_one("financing_transition", id=id, to=to, by=by, institution_id=institution_id,
                       reference=reference or f"ref-{to}", reason=None, at=at,
                       carry_period=carry_period, **{"from": frm})


def financed_sale_contract(g):
    """sale_record with financing (called from its contract above, when its
    periods up to 2027-02 have been run: these sales are carried into 2027-03)."""
    institution(g, buyer_limit=15_000)
    institution(g, "payer", services=["payouts"])

    def financed(g, id, **kw):
        return globals()["financed"](g, id, carry_period="2027-03", **kw)
    row = financed(g, "f1", part=8_000)
    assert row["outcome"] == "created" and row["undecided"] == 0
    assert {k: row["sale"][k] for k in ("points", "financing_id", "financed_amount",
                                        "financing_status", "voided_at")} == {
        "points": 0, "financing_id": "f1", "financed_amount": 8_000,
        "financing_status": "applied", "voided_at": None}
    application = g.read_one("financing_get", id="f1")["application"]
    assert {k: application[k] for k in ("fee_bp", "fee", "points", "status", "period",
                                        "lapse_at", "applied_at")} == {
        "fee_bp": 150, "fee": 120, "points": 100, "status": "applied", "period": "2027-03",
        "lapse_at": T + 1_000, "applied_at": T + 20}
    assert financed(g, "f1", part=8_000)["outcome"] == "replayed"
    limit = financed(g, "f2", part=7_001)
    assert (limit["outcome"], limit["undecided"], limit["sale"]) == ("financing_limit", 8_000, None)
    assert financed(g, "f2", part=7_000)["outcome"] == "created"     # exactly the limit
    assert financed(g, "f3", institution_id="payer")["outcome"] == "no_consumer_credit"
    assert financed(g, "f3", institution_id="ghost")["outcome"] == "unknown_institution"
    g.write("institution_update", id="bank", name=None, services=None, status="inactive",
            status_reason=None, fee_bp=None, buyer_limit=None, set_buyer_limit=False, at=T)
    assert financed(g, "f3")["outcome"] == "institution_inactive"
    assert g.read("financing_get", id="f3") == []
    # the institution's fee, half up: 150 bp of 3 333 is 49.995
    g.write("institution_update", id="bank", name=None, services=None, status="active",
            status_reason=None, fee_bp=None, buyer_limit=None, set_buyer_limit=True, at=T)
    from graph.money import fee_for
    financed(g, "f4", amount=3_333, part=3_333)
    assert g.read_one("financing_get", id="f4")["application"]["fee"] == fee_for(3_333, 150) == 50


@contract("institution_register")
def _(g):
    row = institution(g, buyer_limit=5_000)
    assert row["outcome"] == "created"
    assert row["institution"] == {
        "id": "bank", "name": "Bank", "services": ["consumer_credit", "payouts"],
        "currency": "CNY", "status": "active", "buyer_limit": 5_000, "fee_bp": 150,
        "created_at": T, "updated_at": T, "status_reason": None, "secret_version": 1,
        "secret_at": T, "secret_change": "register", "salt": SALT, "key_id": "key-1",
        "previous_salt": None, "previous_until": None}
    assert institution(g, buyer_limit=5_000)["outcome"] == "replayed"
    assert institution(g, request_hash="other")["outcome"] == "id_taken"


@contract("institution_get")
def _(g):
    institution(g)
    assert g.read_one("institution_get", id="bank")["institution"]["salt"] == SALT
    assert g.read("institution_get", id="ghost") == []


@contract("institution_list")
def _(g):
    institution(g, "b1")
    institution(g, "b2")
    rows = g.read("institution_list", after=None, limit=10)
    assert [r["institution"]["id"] for r in rows] == ["b1", "b2"]
    assert "salt" not in rows[0]["institution"]
    assert [r["institution"]["id"] for r in g.read("institution_list", after="b1", limit=10)] \
        == ["b2"]


@contract("institution_update")
def _(g):
    institution(g, buyer_limit=5_000)

    def update(**kw):
        params = dict(id="bank", name=None, services=None, status=None, status_reason=None,
                      fee_bp=None, buyer_limit=None, set_buyer_limit=False, at=T + 1)
        return g.write_one("institution_update", **{**params, **kw})
    row = update(status="inactive", status_reason="audit", fee_bp=90)["institution"]
    assert (row["status"], row["status_reason"], row["fee_bp"], row["buyer_limit"],
            row["updated_at"]) == ("inactive", "audit", 90, 5_000, T + 1)
    assert update(set_buyer_limit=True)["institution"]["buyer_limit"] is None
    assert update(services=["payouts"], name="B")["institution"]["services"] == ["payouts"]
    assert update(status="active")["institution"]["status_reason"] is None
    assert g.write("institution_update", id="ghost", name=None, services=None, status=None,
                   status_reason=None, fee_bp=None, buyer_limit=None, set_buyer_limit=False,
                   at=T) == []


@contract("institution_rotate_secret")
def _(g):
    institution(g)

    def rotate(change, salt, at=T + 10):
        return g.write_one("institution_rotate_secret", id="bank", change_id=change, salt=salt,
                           key_id="key-2", at=at, previous_until=at + 100)
    first = rotate("rotate:a", "11" * 32)
    assert first["outcome"] == "rotated"
    assert {k: first["institution"][k] for k in ("salt", "previous_salt", "previous_until",
                                                 "secret_version", "key_id")} == {
        "salt": "11" * 32, "previous_salt": SALT, "previous_until": T + 110,
        "secret_version": 2, "key_id": "key-2"}
    assert rotate("rotate:a", "22" * 32, at=T + 20) == first | {"outcome": "replayed"}
    second = rotate("rotate:b", "33" * 32, at=T + 30)["institution"]
    assert (second["previous_salt"], second["secret_version"]) == ("11" * 32, 3)
    assert rotate("rotate:a", "44" * 32)["outcome"] == "superseded"
    assert g.read_one("institution_get", id="bank")["institution"]["salt"] == "33" * 32
    assert g.write("institution_rotate_secret", id="ghost", change_id="x", salt="x",
                   key_id="k", at=T, previous_until=T) == []


@contract("financing_transition")
def _(g):
    institution(g)
    financed(g, "f1", amount=10_000, part=6_000)        # fee 500, institution's fee 90
    financed(g, "f2", amount=4_000, part=4_000)         # fee 200
    assert decide(g, "f1", "disbursed", ["approved"])["outcome"] == "invalid_transition"
    assert decide(g, "f1", "approved", ["applied"], institution_id="other")["outcome"] == \
        "unknown_application"
    assert decide(g, "ghost", "approved", ["applied"])["outcome"] == "unknown_application"
    row = decide(g, "f1", "approved", ["applied"], reference="A")
    assert (row["outcome"], row["application"]["status"], row["application"]["approved_at"]) == \
        ("done", "approved", T + 50)
    assert decide(g, "f1", "approved", ["applied"], reference="A2")["outcome"] == "replayed"
    assert decide(g, "f1", "disbursed", ["approved"], reference="A")["outcome"] == \
        "reference_reused"
    assert decide(g, "f1", "cancelled", ["applied"], by="lapse", institution_id=None)[
        "outcome"] == "invalid_transition"              # approved: the lapse leaves it
    row = decide(g, "f1", "disbursed", ["approved"], reference="D")
    assert row["outcome"] == "done" and row["application"]["disbursed_at"] == T + 50
    entries = {r["entry"]["id"]: r["entry"] for r in g.read(
        "ledger_entries_of_account", account="institution:bank:receivable", after=None, limit=9)}
    assert {k: (e["amount"], e["debit"], e["credit"]) for k, e in entries.items()} == {
        "financing:f1:disbursed": (6_000, "institution:bank:receivable",
                                   "merchant:shop:financing_payable"),
        "financing:f1:fee": (90, "merchant:shop:financing_payable",
                             "institution:bank:receivable")}
    assert g.read_one("sale_get", id="f1")["sale"]["points"] == 100
    assert g.read_one("user_balances", id="buyer", at=T)["balances"]["points"] == 200
    assert g.read_one("ledger_financing_positions") == {
        "institution_id": "bank", "merchant_id": "shop", "net": 5_910}
    # a lapse: only once due, then the sale is void and leaves the fee total
    assert decide(g, "f2", "cancelled", ["applied"], by="lapse", institution_id=None,
                  at=T + 999)["outcome"] == "not_due"
    row = decide(g, "f2", "cancelled", ["applied"], by="lapse", institution_id=None,
                 reference=None, at=T + 1_000)
    assert (row["outcome"], row["application"]["cancelled_by"]) == ("done", "lapse")
    assert g.read_one("sale_get", id="f2")["sale"]["voided_at"] == T + 1_000
    assert fee_totals(g, "2027-01")[0]["fees"] == 500 + 500
    # a void after the period's run: carried into the open period as a refunded fee
    financed(g, "f3", amount=2_000, part=2_000)         # fee 100
    open_run(g)
    assert decide(g, "f3", "declined", ["applied"])["outcome"] == "period_closed"
    row = decide(g, "f3", "declined", ["applied"], carry_period="2027-02")
    assert (row["outcome"], row["application"]["carried_into"]) == ("done", "2027-02")
    feb = fee_totals(g, "2027-02")[0]
    assert (feb["fees"], feb["refunded_fees"], feb["carried_refunded_fees"]) == (0, 100, 100)
    assert fee_totals(g, "2027-01")[0]["fees"] == 500 + 500 + 100


@contract("financing_get")
def _(g):
    institution(g)
    financed(g, "f1")
    assert g.read_one("financing_get", id="f1")["application"]["sale_id"] == "f1"
    assert g.read("financing_get", id="ghost") == []


@contract("financing_list")
def _(g):
    institution(g)
    institution(g, "bank2")
    financed(g, "f1")
    financed(g, "f2", institution_id="bank2")
    decide(g, "f2", "declined", ["applied"], institution_id="bank2")

    def ids(**kw):
        params = dict(status=None, institution_id=None, buyer_id=None, merchant_id=None,
                      after=None, limit=10)
        return [r["application"]["id"] for r in g.read("financing_list", **{**params, **kw})]
    assert ids() == ["f1", "f2"]
    assert ids(status="applied") == ["f1"]
    assert ids(institution_id="bank2") == ["f2"]
    assert ids(buyer_id="buyer", merchant_id="shop", after="f1") == ["f2"]
    assert ids(buyer_id="holder") == [] and ids(limit=1) == ["f1"]


@contract("financing_due_lapses")
def _(g):
    institution(g)
    financed(g, "f1")
    financed(g, "f2")
    decide(g, "f2", "approved", ["applied"])
    assert g.read("financing_due_lapses", now=T + 999, limit=10) == []
    assert g.read("financing_due_lapses", now=T + 1_000, limit=10) == [
        {"id": "f1", "lapse_at": T + 1_000}]


@contract("statement_payouts")
def _(g):
    institution(g)
    fund(g, 500)
    ask(g)
    move(g, "approved", ["requested"])
    g.write("payout_batch_create", id="b1", limit=10, at=T + 5, institution_id="bank")
    move(g, "paid", ["batched"])
    assert g.read("statement_payouts", institution_id="bank", start=T, end=T + 6) == [
        {"reference": "w1", "status": "paid", "amount": 70, "at": T + 5, "batch_id": "b1",
         "institution_reference": None}]
    assert g.read("statement_payouts", institution_id="bank", start=T + 6, end=T + 9) == []
    assert g.read("statement_payouts", institution_id="other", start=T, end=T + 6) == []


@contract("statement_financing")
def _(g):
    institution(g)
    financed(g, "f1", part=6_000)
    decide(g, "f1", "approved", ["applied"], reference="L-1")
    assert g.read("statement_financing", institution_id="bank", start=T, end=T + 21) == [
        {"reference": "f1", "status": "approved", "amount": 6_000, "fee": 90, "at": T + 20,
         "institution_reference": "L-1"}]
    assert g.read("statement_financing", institution_id="bank", start=T, end=T + 20) == []


def reconcile_once(g, id="rec", request_hash="h-rec"):
    return g.write_one(
        "reconciliation_record", id=id, institution_id="bank", period="2027-01", at=T,
        statement_sha256="ab" * 32, ours=2, theirs=1, recorded_by="api_key:k1",
        request_hash=request_hash, mismatches=[
            {"n": 1, "kind": "financing", "reference": "f1", "problem": "missing_theirs",
             "ours_status": "applied", "ours_amount": 10_000, "theirs_status": None,
             "theirs_amount": None}])


@contract("reconciliation_record")
def _(g):
    row = reconcile_once(g)
    assert row == {"outcome": "created", "reconciliation": {
        "id": "rec", "institution_id": "bank", "period": "2027-01", "at": T,
        "statement_sha256": "ab" * 32, "ours": 2, "theirs": 1, "mismatches": 1,
        "recorded_by": "api_key:k1"}}
    assert reconcile_once(g)["outcome"] == "replayed"
    assert reconcile_once(g, request_hash="other")["outcome"] == "id_taken"
    assert {r["label"]: r["nodes"] for r in g.read("count_nodes")}["Mismatch"] == 1


@contract("reconciliation_get")
def _(g):
    reconcile_once(g)
    row = g.read_one("reconciliation_get", id="rec")
    assert row["reconciliation"]["open"] == 1
    assert row["items"] == [{"n": 1, "kind": "financing", "reference": "f1",
                             "problem": "missing_theirs", "ours_status": "applied",
                             "ours_amount": 10_000, "theirs_status": None,
                             "theirs_amount": None, "resolved_at": None, "resolution": None,
                             "resolved_by": None}]
    assert g.read("reconciliation_get", id="ghost") == []


@contract("reconciliation_list")
def _(g):
    reconcile_once(g, "r1")
    reconcile_once(g, "r2")
    g.write("mismatch_resolve", reconciliation_id="r1", n=1, reason="ok", by="cli:ann", at=T)
    rows = g.read("reconciliation_list", institution_id="bank", before_at=None, before_id=None,
                  limit=10)
    assert [(r["reconciliation"]["id"], r["reconciliation"]["open"]) for r in rows] == [
        ("r1", 0), ("r2", 1)]
    assert [r["reconciliation"]["id"] for r in g.read(
        "reconciliation_list", institution_id="bank", before_at=T, before_id="r1",
        limit=10)] == ["r2"]
    assert g.read("reconciliation_list", institution_id="other", before_at=None,
                  before_id=None, limit=10) == []


@contract("mismatch_resolve")
def _(g):
    reconcile_once(g)

    def resolve(n=1, reason="paid late, confirmed by phone"):
        return g.write_one("mismatch_resolve", reconciliation_id="rec", n=n, reason=reason,
                           by="api_key:k1", at=T + 3)
    row = resolve()
    assert (row["outcome"], row["mismatch"]["resolved_at"], row["mismatch"]["resolved_by"]) == \
        ("resolved", T + 3, "api_key:k1")
    assert resolve()["outcome"] == "replayed"
    assert resolve(reason="another")["outcome"] == "already_resolved"
    assert resolve(n=2) == {"outcome": "unknown_mismatch", "mismatch": None}


@contract("ledger_financing_positions")
def _(g):
    assert g.read("ledger_financing_positions") == []
    institution(g)
    financed(g, "f1", part=6_000)
    financed(g, "f2", part=4_000)
    for application in ("f1", "f2"):
        decide(g, application, "approved", ["applied"], reference=application + "a")
        decide(g, application, "disbursed", ["approved"], reference=application + "d")
    assert g.read("ledger_financing_positions") == [
        {"institution_id": "bank", "merchant_id": "shop", "net": 6_000 - 90 + 4_000 - 60}]


def finance_once(g):
    """One of each finance node and relationship, for the copy contracts."""
    institution(g)
    financed(g, "f1")
    reconcile_once(g)


# -- analytics ----------------------------------------------------------------

@contract("analytics_users_page")
def _(g):
    register(g, "zed", ["buyer"], referrer_id="holder", phone_hash="ph", device_id="dv")
    first = g.read("analytics_users_page", after=None, limit=2)
    assert [r["id"] for r in first] == ["buyer", "holder"]
    assert sorted(first[1].pop("labels")) == ["Buyer", "CardHolder", "User"]
    assert first[1] == {"id": "holder", "name": "Holder", "status": "active", "created_at": T,
                        "referrer_id": "root", "root": False, "phone_hash": None,
                        "device_id": None, "payment_hash": None}
    rest = g.read("analytics_users_page", after="holder", limit=10)
    assert [r["id"] for r in rest] == ["root", "shop", "zed"]
    assert (rest[0]["root"], rest[0]["referrer_id"]) == (True, None)
    assert (rest[2]["phone_hash"], rest[2]["device_id"]) == ("ph", "dv")


@contract("analytics_fee_totals_page")
def _(g):
    refund(g, "r1", 4_000)
    assert g.read("analytics_fee_totals_page", after=None, limit=10) == [
        {"id": "shop|2027-01", "merchant_id": "shop", "period": "2027-01", "fees": 500,
         "refunded_fees": 200, "sales": 1, "amount": 10_000}]
    assert g.read("analytics_fee_totals_page", after="shop|2027-01", limit=10) == []


@contract("analytics_purchases_page")
def _(g):
    sale(g, "s2", amount=3_000)
    rows = g.read("analytics_purchases_page", after=None, limit=10)
    assert rows == [
        {"buyer_id": "buyer", "merchant_id": "shop", "sales": 2, "amount": 13_000,
         "first_at": T, "last_at": T},
        {"buyer_id": "holder", "merchant_id": None, "sales": 0, "amount": 0,
         "first_at": None, "last_at": None}]
    assert [r["buyer_id"] for r in g.read("analytics_purchases_page", after=None, limit=1)] == \
        ["buyer"]
    assert g.read("analytics_purchases_page", after="holder", limit=10) == []


@contract("analytics_rewards_page")
def _(g):
    credit(g, 120)
    credit(g, -30, level=2)
    rows = g.read("analytics_rewards_page", after=None, limit=10)
    assert [(r["id"], r["referrer_id"], r["amount"], r["level"]) for r in rows] == \
        [("2027-01|holder|1", "holder", 120, 1), ("2027-01|holder|2", "holder", -30, 2)]
    assert (rows[0]["period"], rows[0]["tier"]) == ("2027-01", 1)
    assert [r["id"] for r in g.read("analytics_rewards_page", after="2027-01|holder|1",
                                    limit=10)] == ["2027-01|holder|2"]


@contract("analytics_snapshot_save")
def _(g):
    assert g.write_one("analytics_snapshot_save", at=T, body="{}", users=4,
                       raised=[]) == {"computed_at": T, "raised": 0}
    # outbox (issue 16): each raised signal's event once per snapshot time
    raised = [{"id": "sig1", "data": '{"id":"sig1"}'}, {"id": "sig2", "data": '{"id":"sig2"}'}]
    assert g.write_one("analytics_snapshot_save", at=T + 1, body='{"a":1}', users=5,
                       raised=raised) == {"computed_at": T + 1, "raised": 2}
    assert g.write_one("analytics_snapshot_save", at=T + 1, body='{"a":1}', users=5,
                       raised=raised)["raised"] == 0       # the same statement again
    assert g.read("analytics_snapshot_get") == [{"computed_at": T + 1, "users": 5,
                                                 "body": '{"a":1}'}]
    assert sorted(e["event_id"] for e in outbox(g) if e["event_type"] == "signal.raised") == [
        f"signal.raised:sig1:{T + 1}", f"signal.raised:sig2:{T + 1}"]


@contract("analytics_snapshot_get")
def _(g):
    assert g.read("analytics_snapshot_get") == []
    g.write("analytics_snapshot_save", at=T, body="[]", users=0, raised=[])
    assert g.read_one("analytics_snapshot_get")["body"] == "[]"


@contract("analytics_user_metrics_save")
def _(g):
    rows = [{"id": "holder", "downline": 2, "pagerank": 0.5}, {"id": "ghost", "downline": 1,
                                                               "pagerank": 0.1}]
    assert g.write_one("analytics_user_metrics_save", rows=rows, at=T) == {"users": 1}
    nodes = {r["user"]["id"]: r for r in g.read("analytics_neighbourhood", id="holder", up=0,
                                                    depth=1, limit=10)}
    assert nodes["holder"]["downline"] == 2 and nodes["shop"]["downline"] is None


@contract("analytics_neighbourhood")
def _(g):
    register(g, "deep", ["buyer"], referrer_id="shop")
    rows = g.read("analytics_neighbourhood", id="holder", up=5, depth=2, limit=10)
    assert [(r["level"], r["user"]["id"], r["fees"], r["direct"]) for r in rows] == [
        (-1, "root", 0, 1), (0, "holder", 0, 2), (1, "buyer", 0, 0), (1, "shop", 500, 1),
        (2, "deep", 0, 0)]
    assert rows[3]["user"]["referrer_id"] == "holder" and "Merchant" in rows[3]["user"]["labels"]
    cut = g.read("analytics_neighbourhood", id="holder", up=0, depth=2, limit=1)
    assert [(r["level"], r["user"]["id"]) for r in cut] == [(0, "holder"), (1, "buyer")]
    alone = g.read("analytics_neighbourhood", id="deep", up=1, depth=1, limit=10)
    assert [(r["level"], r["user"]["id"]) for r in alone] == [(-1, "shop"), (0, "deep")]
    assert g.read("analytics_neighbourhood", id="ghost", up=1, depth=1, limit=10) == []


@contract("analytics_user_search")
def _(g):
    register(g, "shopper", ["buyer"], referrer_id="holder")
    def found(q, limit=10):
        return [(r["rank"], r["user"]["id"]) for r in
                g.read("analytics_user_search", q=q, lower=q.lower(), limit=limit)]
    assert found("shop") == [(0, "shop"), (1, "shopper")]
    assert found("OLDE") == [(2, "holder")]          # names: Holder
    assert found("shop", limit=1) == [(0, "shop")]
    assert found("nobody") == []


@contract("analytics_user_card")
def _(g):
    refund(g, "r1", 2_000)
    credit(g, 120)
    credit(g, -30, level=2)
    assert g.read_one("analytics_user_card", id="holder") == {
        "merchant_fees": 400, "rewards": 90, "reward_lines": 2}
    assert g.read_one("analytics_user_card", id="buyer") == {
        "merchant_fees": 0, "rewards": 0, "reward_lines": 0}
    assert g.read("analytics_user_card", id="ghost") == []


# -- webhooks (issue 16): the outbox, endpoints, deliveries ------------------

def outbox(g):
    """Every outbox event's properties, in event id order."""
    return [r["props"] for r in g.read("copy_outbox_event_read", after=None, limit=10_000)]


def endpoint(g, id="wh1", events=("sale.recorded",), url="https://shop.example/hooks"):
    return g.write_one("webhook_endpoint_create", id=id, url=url, events=list(events),
                       description="shop", secret_sealed=f"sealed-{id}", at=T,
                       request_hash=f"h-{id}")


ENDPOINT = {"id": "wh1", "url": "https://shop.example/hooks", "events": ["sale.recorded"],
            "description": "shop", "status": "enabled", "disabled_reason": None,
            "disabled_at": None, "created_at": T, "updated_at": T, "last_success_at": None,
            "last_failure_at": None, "consecutive_failures": 0, "secret_rotated_at": None}


def dispatch(g, at=T + 10, limit=100):
    return g.write_one("webhook_events_dispatch", limit=limit, at=at)


def claim(g, ids, now=T + 10, claim="c1", lease_ms=1_000):
    return g.write("webhook_deliveries_claim", ids=list(ids), now=now, lease_ms=lease_ms,
                   claim=claim)


def finish(g, id, claim="c1", ok=True, code=200, error="", next_at=None, give_up=False,
           at=T + 20):
    return g.write_one("webhook_delivery_finish", id=id, claim=claim, ok=ok, code=code,
                       error=error, next_at=next_at, give_up=give_up, reason="failing", at=at)


SALE_DELIVERY = "wh1|sale.recorded:s1:1"


@contract("webhook_endpoint_create")
def _(g):
    assert endpoint(g) == {"outcome": "created", "endpoint": ENDPOINT}
    assert endpoint(g) == {"outcome": "replayed", "endpoint": ENDPOINT}
    taken = g.write_one("webhook_endpoint_create", id="wh1", url="https://other.example/",
                        events=["*"], description=None, secret_sealed="x", at=T,
                        request_hash="other")
    assert taken == {"outcome": "id_taken", "endpoint": None}
    assert not {"secret", "secret_sealed"} & set(endpoint(g)["endpoint"])


@contract("webhook_endpoint_get")
def _(g):
    endpoint(g)
    dispatch(g)
    assert g.read_one("webhook_endpoint_get", id="wh1") == {
        "endpoint": ENDPOINT, "deliveries": {"pending": 1, "delivered": 0, "failed": 0}}
    assert g.read("webhook_endpoint_get", id="none") == []


@contract("webhook_endpoint_list")
def _(g):
    endpoint(g, "wh2")
    endpoint(g, "wh1")
    assert [r["endpoint"]["id"] for r in g.read("webhook_endpoint_list", after=None,
                                                 limit=10)] == ["wh1", "wh2"]
    assert [r["endpoint"]["id"] for r in g.read("webhook_endpoint_list", after="wh1",
                                                 limit=10)] == ["wh2"]
    assert len(g.read("webhook_endpoint_list", after=None, limit=1)) == 1


@contract("webhook_endpoint_update")
def _(g):
    endpoint(g)
    def update(**kw):
        params = dict(id="wh1", url=None, events=None, description=None, enabled=None,
                      reason="by hand", at=T + 5)
        return g.write_one("webhook_endpoint_update", **{**params, **kw})
    row = update(enabled=False)
    assert row["before"] == {"status": "enabled", "url": ENDPOINT["url"],
                             "events": ["sale.recorded"], "description": "shop"}
    assert (row["endpoint"]["status"], row["endpoint"]["disabled_reason"],
            row["endpoint"]["disabled_at"]) == ("disabled", "by hand", T + 5)
    row = update(enabled=True, events=["*"], url="https://new.example/h")
    assert row["endpoint"] == {**ENDPOINT, "events": ["*"], "url": "https://new.example/h",
                               "updated_at": T + 5, "disabled_reason": "by hand",
                               "disabled_at": T + 5}    # kept, shown only while disabled
    assert update(id="none") is None


@contract("webhook_endpoint_delete")
def _(g):
    endpoint(g)
    dispatch(g)
    assert g.write_one("webhook_endpoint_delete", id="wh1") == {
        "endpoint": {k: ENDPOINT[k] for k in ("id", "url", "events", "description", "status")},
        "deliveries": 1}
    assert g.read("webhook_endpoint_get", id="wh1") == []
    assert g.read("webhook_deliveries_due", now=FAR, limit=10) == []
    assert g.write("webhook_endpoint_delete", id="wh1") == []


@contract("webhook_secret_rotate")
def _(g):
    endpoint(g)
    row = g.write_one("webhook_secret_rotate", id="wh1", secret_sealed="sealed-new", at=T + 1,
                      previous_until=T + 100)
    assert row["endpoint"]["secret_rotated_at"] == T + 1
    assert not {"secret", "secret_sealed"} & set(row["endpoint"])
    dispatch(g)
    keys = claim(g, [SALE_DELIVERY])[0]["endpoint"]
    assert keys == {"id": "wh1", "url": ENDPOINT["url"], "secret_sealed": "sealed-new",
                    "previous_secret_sealed": "sealed-wh1", "previous_secret_until": T + 100,
                    "secret": None, "previous_secret": None}
    assert g.write("webhook_secret_rotate", id="none", secret_sealed="x", at=T,
                   previous_until=T) == []


@contract("webhook_secrets_plaintext")
def _(g):
    endpoint(g)
    assert g.read("webhook_secrets_plaintext") == []
    with legacy(g) as old:
        old.write("legacy_webhook_endpoint_create", id="wh2", url="https://b.example/",
                  events=["*"], secret="whsec_b", at=T)
        old.write("legacy_webhook_endpoint_create", id="wh3", url="https://c.example/",
                  events=["*"], secret="whsec_c", at=T)
        old.write("legacy_webhook_secret_rotate", id="wh3", secret="whsec_c2", at=T + 5,
                  previous_until=T + 100)
    assert g.read("webhook_secrets_plaintext") == [
        {"id": "wh2", "version": T, "secret": "whsec_b", "previous_secret": None},
        {"id": "wh3", "version": T + 5, "secret": "whsec_c2", "previous_secret": "whsec_c"}]


@contract("webhook_secrets_seal")
def _(g):
    with legacy(g) as old:
        old.write("legacy_webhook_endpoint_create", id="wh2", url="https://b.example/",
                  events=["sale.recorded"], secret="whsec_b", at=T)
        old.write("legacy_webhook_endpoint_create", id="wh3", url="https://c.example/",
                  events=["*"], secret="whsec_c", at=T)
        old.write("legacy_webhook_secret_rotate", id="wh3", secret="whsec_c2", at=T + 5,
                  previous_until=T + 100)
    seal = [{"id": "wh2", "version": T, "secret_sealed": "sealed-b",
             "previous_secret_sealed": None},
            {"id": "wh3", "version": T + 5, "secret_sealed": "sealed-c2",
             "previous_secret_sealed": "sealed-c"},
            {"id": "none", "version": T, "secret_sealed": "x", "previous_secret_sealed": None}]
    stale = [{"id": "wh3", "version": T, "secret_sealed": "stale",      # rotated since read
              "previous_secret_sealed": None}]
    assert g.write_one("webhook_secrets_seal", endpoints=stale) == {"sealed": 0}
    assert g.write_one("webhook_secrets_seal", endpoints=seal) == {"sealed": 2}
    assert g.write_one("webhook_secrets_seal", endpoints=seal) == {"sealed": 0}   # idempotent
    assert g.read("webhook_secrets_plaintext") == []
    dispatch(g)
    [row] = claim(g, ["wh2|sale.recorded:s1:1"])
    assert row["endpoint"] == {"id": "wh2", "url": "https://b.example/",
                               "secret_sealed": "sealed-b", "previous_secret_sealed": "",
                               "previous_secret_until": None, "secret": "",
                               "previous_secret": ""}
    [row] = claim(g, ["wh3|sale.recorded:s1:1"])
    assert (row["endpoint"]["secret_sealed"], row["endpoint"]["previous_secret_sealed"],
            row["endpoint"]["secret"], row["endpoint"]["previous_secret"]) == (
        "sealed-c2", "sealed-c", "", "")
    assert g.write_one("webhook_secrets_seal", endpoints=[]) == {"sealed": 0}


@contract("webhook_test_create")
def _(g):
    endpoint(g)
    test = dict(id="webhook.test:wh1:t1", endpoint_id="wh1", data='{"message": "hi"}', at=T)
    row = g.write_one("webhook_test_create", **test)
    assert row["outcome"] == "created"
    assert {k: row["delivery"][k] for k in ("id", "event_type", "status", "attempts")} == {
        "id": "wh1|webhook.test:wh1:t1", "event_type": "webhook.test", "status": "pending",
        "attempts": 0}
    assert g.write_one("webhook_test_create", **test)["outcome"] == "replayed"
    assert g.write_one("webhook_test_create", **{**test, "endpoint_id": "none"}) == {
        "outcome": "unknown_endpoint", "delivery": None}
    assert dispatch(g)["deliveries"] == 1       # the sale's event; the test one is dispatched
    tested = [e for e in outbox(g) if e["event_type"] == "webhook.test"]
    assert [(e["event_status"], e["event_data"]) for e in tested] == [("dispatched",
                                                                       '{"message": "hi"}')]


@contract("webhook_events_dispatch")
def _(g):
    endpoint(g)
    endpoint(g, "wh-all", events=["*"])
    endpoint(g, "wh-off", events=["*"])
    g.write("webhook_endpoint_update", id="wh-off", url=None, events=None, description=None,
            enabled=False, reason="off", at=T)
    events = len(outbox(g))
    first = dispatch(g, limit=3)                # in no particular order
    assert first["events"] == 3 and first["deliveries"] in (3, 4)   # 4 if the sale's was one
    assert dispatch(g) == {"events": events - 3,                   # wh-all each, wh1 the sale
                           "deliveries": events + 1 - first["deliveries"]}
    assert dispatch(g) == {"events": 0, "deliveries": 0}
    assert {e["event_status"] for e in outbox(g)} == {"dispatched"}
    due = g.read("webhook_deliveries_due", now=T + 10, limit=100)
    assert {d["endpoint_id"] for d in due} == {"wh1", "wh-all"} and len(due) == events + 1


@contract("webhook_deliveries_due")
def _(g):
    endpoint(g)
    assert g.read("webhook_deliveries_due", now=T + 10, limit=10) == []
    dispatch(g)
    assert g.read("webhook_deliveries_due", now=T + 9, limit=10) == []
    assert g.read("webhook_deliveries_due", now=T + 10, limit=10) == [
        {"id": SALE_DELIVERY, "endpoint_id": "wh1", "next_at": T + 10}]
    g.write("webhook_endpoint_update", id="wh1", url=None, events=None, description=None,
            enabled=False, reason="off", at=T)
    assert g.read("webhook_deliveries_due", now=T + 10, limit=10) == []   # disabled


@contract("webhook_deliveries_claim")
def _(g):
    endpoint(g)
    dispatch(g)
    [row] = claim(g, [SALE_DELIVERY, "none"], lease_ms=1_000)
    assert (row["delivery"]["attempts"], row["delivery"]["next_at"], row["window_from"]) == (
        1, T + 1_010, T + 10)
    event = row["event"]
    assert (event["event_id"], event["event_type"], event["event_seq"], event["id"],
            event["amount"], event["event_voucher_ids"]) == (
        "sale.recorded:s1:1", "sale.recorded", 1, "s1", 10_000, ["gift"])
    assert claim(g, [SALE_DELIVERY], now=T + 1_009) == []          # still claimed
    assert claim(g, [SALE_DELIVERY], now=T + 1_010, claim="c2")[0]["delivery"]["attempts"] == 2


@contract("webhook_delivery_finish")
def _(g):
    endpoint(g)
    dispatch(g)
    claim(g, [SALE_DELIVERY])
    assert finish(g, SALE_DELIVERY, claim="other")["outcome"] == "lost_claim"
    row = finish(g, SALE_DELIVERY, ok=False, code=500, error="HTTP 500", next_at=T + 50)
    assert row["outcome"] == "retrying" and row["endpoint_status"] == "enabled"
    assert {k: row["delivery"][k] for k in ("status", "next_at", "last_code", "last_error",
                                            "last_at")} == {
        "status": "pending", "next_at": T + 50, "last_code": 500, "last_error": "HTTP 500",
        "last_at": T + 20}
    assert finish(g, SALE_DELIVERY)["outcome"] == "lost_claim"    # the claim was let go
    claim(g, [SALE_DELIVERY], now=T + 50)
    row = finish(g, SALE_DELIVERY, at=T + 60)
    assert (row["outcome"], row["delivery"]["status"], row["delivery"]["delivered_at"],
            row["delivery"]["last_error"], row["delivery"]["last_code"]) == (
        "delivered", "delivered", T + 60, "", 200)
    assert claim(g, [SALE_DELIVERY], now=FAR, claim="c9") == []   # delivered: nothing to claim
    health = g.read_one("webhook_endpoint_get", id="wh1")["endpoint"]
    assert (health["last_success_at"], health["last_failure_at"],
            health["consecutive_failures"]) == (T + 60, T + 20, 0)
    # a delivery given up: the endpoint, with no success since it began, is disabled
    endpoint(g, "wh2", events=["*"])
    register(g, "late", ["buyer"], referrer_id="holder")
    dispatch(g, at=T + 100)
    [late] = [d["id"] for d in g.read("webhook_deliveries_due", now=T + 100, limit=100)
              if d["endpoint_id"] == "wh2" and "late" in d["id"]]
    claim(g, [late], now=T + 100)
    row = finish(g, late, ok=False, code=0, error="timed out", give_up=True, at=T + 200)
    assert (row["outcome"], row["delivery"]["status"], row["endpoint_status"]) == (
        "failed", "failed", "disabled")
    assert g.read_one("webhook_endpoint_get", id="wh2")["endpoint"]["disabled_reason"] == \
        "failing"


@contract("webhook_deliveries_delivered")
def _(g):
    endpoint(g, events=["*"])
    dispatch(g)
    ids = [d["id"] for d in g.read("webhook_deliveries_due", now=T + 10, limit=3)]
    claim(g, ids)
    g.write_one("webhook_delivery_finish", id=ids[0], claim="c1", ok=False, code=500,
                error="HTTP 500", next_at=T + 10, give_up=False, reason=None, at=T + 15)
    claim(g, ids[:1], claim="c2")
    done = [{"id": ids[0], "claim": "c2", "code": 200}, {"id": ids[1], "claim": "c1",
                                                        "code": 204},
            {"id": ids[2], "claim": "other", "code": 200}, {"id": "none", "claim": "c1",
                                                             "code": 200}]
    assert g.write_one("webhook_deliveries_delivered", done=done, at=T + 20) == {
        "delivered": 2, "endpoints": 1}
    rows = {r["delivery"]["id"]: r["delivery"] for r in g.read(
        "webhook_delivery_list", endpoint_id="wh1", status=None, after_at=None,
        after_id=None, limit=100)}
    assert [(rows[i]["status"], rows[i]["last_code"], rows[i]["delivered_at"]) for i in ids] == [
        ("delivered", 200, T + 20), ("delivered", 204, T + 20), ("pending", None, None)]
    health = g.read_one("webhook_endpoint_get", id="wh1")["endpoint"]
    assert (health["last_success_at"], health["consecutive_failures"]) == (T + 20, 0)
    assert g.write_one("webhook_deliveries_delivered", done=done, at=T + 30) == {
        "delivered": 0, "endpoints": 0}                     # recorded once
    assert g.write_one("webhook_deliveries_delivered", done=[], at=T) == {
        "delivered": 0, "endpoints": 0}


@contract("webhook_delivery_list")
def _(g):
    endpoint(g, events=["*"])
    dispatch(g)
    rows = [r["delivery"] for r in g.read("webhook_delivery_list", endpoint_id="wh1",
                                          status=None, after_at=None, after_id=None,
                                          limit=100)]
    ids = [d["id"] for d in rows]
    assert ids == sorted(ids, reverse=True) and len(ids) == len(outbox(g))
    page = g.read("webhook_delivery_list", endpoint_id="wh1", status=None, after_at=T + 10,
                  after_id=ids[1], limit=100)
    assert [r["delivery"]["id"] for r in page] == ids[2:]
    assert g.read("webhook_delivery_list", endpoint_id="wh1", status="failed", after_at=None,
                  after_id=None, limit=100) == []
    assert g.read("webhook_delivery_list", endpoint_id="none", status=None, after_at=None,
                  after_id=None, limit=100) == []


@contract("webhook_delivery_retry")
def _(g):
    endpoint(g)
    dispatch(g)
    claim(g, [SALE_DELIVERY])
    finish(g, SALE_DELIVERY, ok=False, code=500, give_up=True)
    retry = dict(id=SALE_DELIVERY, endpoint_id="wh1", at=T + 500)
    row = g.write_one("webhook_delivery_retry", **retry)
    assert (row["outcome"], row["before"], row["delivery"]["status"],
            row["delivery"]["next_at"]) == ("retried", "failed", "pending", T + 500)
    assert claim(g, [SALE_DELIVERY], now=T + 500) == []     # wh1 was disabled: enable it
    g.write("webhook_endpoint_update", id="wh1", url=None, events=None, description=None,
            enabled=True, reason=None, at=T)
    assert claim(g, [SALE_DELIVERY], now=T + 500)[0]["window_from"] == T + 500
    assert g.write_one("webhook_delivery_retry", **{**retry, "endpoint_id": "wh2"}) == {
        "outcome": "unknown_delivery", "before": None, "delivery": None}
    assert g.write_one("webhook_delivery_retry", **{**retry, "id": "none"})["outcome"] == \
        "unknown_delivery"


@contract("webhook_vouchers_expiring")
def _(g):
    before = len(outbox(g))
    expiring = dict(now=T, until=FAR, batch=10)
    assert g.write_one("webhook_vouchers_expiring", **{**expiring, "until": FAR - 1}) == {
        "events": 0}                                       # they expire at FAR
    assert g.write_one("webhook_vouchers_expiring", **{**expiring, "batch": 2}) == {"events": 2}
    assert g.write_one("webhook_vouchers_expiring", **expiring) == {"events": 1}
    assert g.write_one("webhook_vouchers_expiring", **expiring) == {"events": 0}   # once
    events = [e for e in outbox(g) if e["event_type"] == "voucher.expiring"]
    assert len(outbox(g)) == before + 3
    gift = next(e for e in events if e["id"] == "gift")
    assert (gift["event_id"], gift["remaining"], gift["expires_at"], gift["owner_id"]) == (
        "voucher.expiring:gift:1", 500, FAR, "buyer")


@contract("webhook_prune")
def _(g):
    endpoint(g)
    events = len(outbox(g))
    assert g.write_one("webhook_prune", before=FAR, batch=100) == {"events": 0,
                                                                  "deliveries": 0}  # new
    dispatch(g)
    assert g.write_one("webhook_prune", before=T + 10, batch=100)["events"] == 0    # too new
    row = g.write_one("webhook_prune", before=T + 11, batch=100)
    assert row == {"events": events - 1, "deliveries": 0}  # the sale's waits for delivery
    claim(g, [SALE_DELIVERY])
    finish(g, SALE_DELIVERY)
    assert g.write_one("webhook_prune", before=T + 11, batch=100) == {"events": 1,
                                                                     "deliveries": 1}
    assert outbox(g) == []


@contract("webhook_outbox_status")
def _(g):
    events = len(outbox(g))
    assert g.read_one("webhook_outbox_status", now=T) == {
        "new_events": events, "oldest_new_at": T, "pending_deliveries": 0,
        "oldest_due_at": None}
    endpoint(g)
    dispatch(g)
    assert g.read_one("webhook_outbox_status", now=T + 10) == {
        "new_events": 0, "oldest_new_at": None, "pending_deliveries": 1,
        "oldest_due_at": T + 10}


# -- copy (refgraph db copy, graph/copy.py) -----------------------------------

from graph import copy as graph_copy


def everything_once(g):
    """The contract graph plus one of every kind of node and relationship
    graph.copy moves; returns g."""
    finance_once(g)
    refund(g, "r1", 2_000)
    add_rules(g, "c1", T)
    add_key(g)
    fund(g, 500)
    open_run(g)
    ask(g)
    move(g, "approved", ["requested"])
    g.write("payout_batch_create", id="b1", limit=10, at=T, institution_id=None)
    g.write("analytics_snapshot_save", at=T, body='{"users": 4}', users=4, raised=[])
    g.write("analytics_user_metrics_save", rows=[{"id": "holder", "downline": 2,
                                                  "pagerank": 0.25}], at=T)
    audit_event(g, "e1")
    g.write("platform_currency_settle", currency="CNY")
    endpoint(g)
    dispatch(g)
    return g


def copy_rows(g, step, limit=1_000):
    """Every row of a copy read, following the cursor a page at a time."""
    rows, after = [], None
    while True:
        page = g.read(f"{step.stem}_read", after=after, limit=limit)
        if not page:
            return rows
        rows += page
        after = page[-1]["cursor"]


def copy_typed(value):
    if isinstance(value, dict):
        return {k: copy_typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_typed(v) for v in value]
    return (type(value).__name__, value)


def copy_state(g):
    """What every copy read returns, with types visible and labels sorted."""
    state = {}
    for step in graph_copy.STEPS:
        rows = copy_rows(g, step)
        for row in rows:
            if "labels" in row:
                row["labels"] = sorted(row["labels"])
        state[step.name] = copy_typed([r for r in rows if r.get("props") is not None])
    return state


def copy_payload(step, rows):
    if isinstance(step, graph_copy.Nodes):
        return [{k: r[k] for k in ("labels", "props") if k in r} for r in rows]
    return [{k: r[k] for k in ("start_key", "end_key", "props")} for r in rows
            if r["start_key"] is not None]


def copy_reload(g):
    """Read everything through the copy reads, wipe, write it all back
    through the copy writes; returns the rows read, per step."""
    rows = {step.name: copy_rows(g, step) for step in graph_copy.STEPS}
    while g.write_one("wipe_batch", batch=1_000)["deleted"]:
        pass
    for step in graph_copy.STEPS:
        payload = copy_payload(step, rows[step.name])
        if payload:
            g.write(f"{step.stem}_write", rows=payload)
    return rows


COPY_KEYS = {
    "User": ["buyer", "holder", "root", "shop"], "RuleSet": ["c1"], "ApiKey": ["k1"],
    "Card": ["card-1"], "Voucher": ["card-1-v1", "card-1-v2", "gift"], "Sale": ["f1", "s1"],
    "VoucherRedemption": ["r-s1"],
    "Refund": ["r1"], "FeeTotal": ["shop|2027-01"], "RewardRun": ["2027-01"],
    "RewardLine": ["2027-01|holder|1"], "Withdrawal": ["w1"], "PayoutBatch": ["b1"],
    "AnalyticsSnapshot": ["network"], "AuditEvent": ["e1"], "Platform": ["platform"],
    "Institution": ["bank"], "FinancingApplication": ["f1"], "Reconciliation": ["rec"],
    "Mismatch": ["rec|1"],
    "WebhookEndpoint": ["wh1"],
    "WebhookDelivery": ["wh1|sale.recorded:f1:1", "wh1|sale.recorded:s1:1"],
}
COPY_PAIRS = {
    "REFERRED": [("root", "holder"), ("holder", "buyer"), ("holder", "shop")],
    "HOLDS": [("holder", "card-1")],
    "OWNS": [("holder", "card-1-v1"), ("holder", "card-1-v2"), ("buyer", "gift")],
    "SOLD": [("shop", "f1"), ("shop", "s1")], "BOUGHT": [("buyer", "f1"), ("buyer", "s1")],
    "PAID_WITH": [("s1", "gift")],
    "REFUNDED": [("s1", "r1")], "HAS_FEES": [("shop", "shop|2027-01")],
    "EARNED": [("holder", "2027-01|holder|1")], "REQUESTED": [("holder", "w1")],
    "PAYS": [("b1", "w1")], "FINANCED": [("f1", "f1")], "APPLIED_TO": [("f1", "bank")],
    "FOUND": [("rec", "rec|1")],
}


def copy_node_read_contract(step):
    def check(g):
        everything_once(g)
        rows = g.read(f"{step.stem}_read", after=None, limit=1_000)
        cursors = [r["cursor"] for r in rows]
        assert cursors == sorted(cursors) and all(r["props"][step.key] == r["cursor"]
                                                  for r in rows)
        if step.label == "Entry":
            assert {"sale:s1:fee", "sale:s1:points", "refund:r1:fee"} <= set(cursors)
        elif step.label == "OutboxEvent":
            assert {"sale.recorded:s1:1", "refund.recorded:r1:1",
                    "withdrawal.approved:w1:2"} <= set(cursors)
        else:
            assert cursors == COPY_KEYS[step.label]
        assert copy_rows(g, step, limit=1) == rows        # keyset paging, one at a time
        assert g.read(f"{step.stem}_read", after=cursors[-1], limit=10) == []
        if step.also:
            holder = next(r for r in rows if r["cursor"] == "holder")
            assert sorted(holder["labels"]) == ["Buyer", "CardHolder", "User"]
            assert copy_typed(holder["props"]["an_pagerank"]) == ("float", 0.25)
            assert copy_typed(holder["props"]["points"])[0] == "int"
            assert "_lock" not in holder["props"] and "referral_code" in holder["props"]
        if step.label == "Card":
            assert rows[0]["props"]["voucher_ids"] == ["card-1-v1", "card-1-v2"]
    return check


def copy_node_write_contract(step):
    def check(g):
        before = copy_state(everything_once(g))
        rows = copy_reload(g)[step.name]
        assert copy_state(g) == before                     # written back exactly
        nodes = g.read("count_nodes")
        assert g.write_one(f"{step.stem}_write", rows=copy_payload(step, rows)) == \
            {"nodes": len(rows)}
        assert g.read("count_nodes") == nodes              # MERGE: no duplicates
        first = rows[0]
        changed = {k: v for k, v in first["props"].items() if k in (step.key, "created_at")}
        changed["note"] = "replaced"
        g.write(f"{step.stem}_write", rows=copy_payload(step, [{**first, "props": changed}]))
        again = g.read(f"{step.stem}_read", after=None, limit=1)[0]
        assert again["props"] == changed                   # SET n = props: the source's only
        g.write(f"{step.stem}_write", rows=copy_payload(step, [first]))
        assert copy_state(g) == before
    return check


def copy_rel_read_contract(step):
    def check(g):
        everything_once(g)
        rows = g.read(f"{step.stem}_read", after=None, limit=1_000)
        cursors = [r["cursor"] for r in rows]
        assert cursors == sorted(cursors)
        pairs = [(r["start_key"], r["end_key"]) for r in rows if r["start_key"] is not None]
        assert sorted(pairs) == sorted(COPY_PAIRS[step.type])
        assert all(r["end_key"] is None and r["props"] is None for r in rows
                   if r["start_key"] is None)              # a node without one: cursor only
        assert copy_rows(g, step, limit=1) == rows
        if step.type == "REFERRED":
            assert {r["end_key"]: r["props"] for r in rows if r["start_key"]}["shop"] == {"at": T}
        if step.type == "PAID_WITH":
            assert [r["props"] for r in rows if r["start_key"]] == [{"amount": 200}]
    return check


def copy_rel_write_contract(step):
    def check(g):
        before = copy_state(everything_once(g))
        rows = copy_reload(g)[step.name]
        assert copy_state(g) == before
        payload = copy_payload(step, rows)
        rels = g.read("count_relationships")
        assert g.write_one(f"{step.stem}_write", rows=payload) == {"relationships": len(payload)}
        assert g.read("count_relationships") == rels       # MERGE: no duplicates
        ghost = {**payload[0], "end_key": "no-such-node"}
        assert g.write_one(f"{step.stem}_write", rows=[ghost]) == {"relationships": 0}
        assert copy_state(g) == before
    return check


for _step in graph_copy.NODES:
    contract(f"{_step.stem}_read")(copy_node_read_contract(_step))
    contract(f"{_step.stem}_write")(copy_node_write_contract(_step))
for _step in graph_copy.RELATIONSHIPS:
    contract(f"{_step.stem}_read")(copy_rel_read_contract(_step))
    contract(f"{_step.stem}_write")(copy_rel_write_contract(_step))


@contract("copy_marker_save")
def _(g):
    first = g.write_one("copy_marker_save", id="copy", source="falkordb x refgraph",
                        step="User", cursor=None, at=T)
    assert first == {"marker": {"id": "copy", "source": "falkordb x refgraph", "started_at": T,
                                "updated_at": T, "step": "User", "cursor": None}}
    later = g.write_one("copy_marker_save", id="copy", source="falkordb x refgraph",
                        step="Sale", cursor="s1", at=T + 5)
    assert later["marker"] == {**first["marker"], "updated_at": T + 5, "step": "Sale",
                               "cursor": "s1"}
    assert {r["label"]: r["nodes"] for r in g.read("count_nodes")}["CopyMarker"] == 1


@contract("copy_marker_get")
def _(g):
    assert g.read("copy_marker_get", id="copy") == []
    g.write("copy_marker_save", id="copy", source="s", step="REFERRED", cursor="u1", at=T)
    assert g.read_one("copy_marker_get", id="copy")["marker"] == {
        "id": "copy", "source": "s", "started_at": T, "updated_at": T, "step": "REFERRED",
        "cursor": "u1"}


@contract("copy_marker_delete")
def _(g):
    g.write("copy_marker_save", id="copy", source="s", step="User", cursor=None, at=T)
    assert g.write_one("copy_marker_delete", id="copy") == {"deleted": 1}
    assert g.write_one("copy_marker_delete", id="copy") == {"deleted": 0}
    assert g.read("copy_marker_get", id="copy") == []


@contract("copy_count_all")
def _(g):
    labelled = sum(r["nodes"] for r in g.read("count_nodes") if r["label"] in
                   {s.label for s in graph_copy.NODES})
    assert g.read("copy_count_all") == [{"nodes": labelled}] and labelled > 10


# -- the audit trail ------------------------------------------------------------

def audit_event(g, id, at=T, action="withdrawal.approved", subject_id="w1", actor_id="k1",
                **extra):
    params = dict(id=id, at=at, action=action, subject_type="withdrawal", subject_id=subject_id,
                  actor_type="api_key", actor_id=actor_id, actor_role="operator",
                  before='{"status":"requested"}', after='{"status":"approved"}',
                  request_id="req-1")
    return g.write_one("audit_record", **{**params, **extra})


@contract("audit_record")
def _(g):
    first = audit_event(g, "e1")
    assert first == {"created": True, "event": {
        "id": "e1", "at": T, "action": "withdrawal.approved", "subject_type": "withdrawal",
        "subject_id": "w1", "actor_type": "api_key", "actor_id": "k1", "actor_role": "operator",
        "before": '{"status":"requested"}', "after": '{"status":"approved"}',
        "request_id": "req-1"}}
    # the same id again (a retried request) changes nothing, whatever it says
    again = audit_event(g, "e1", at=T + 5, actor_id="k2", after='{"status":"rejected"}')
    assert again == {**first, "created": False}
    bare = audit_event(g, "e2", action="api_key.created", actor_type="cli", actor_id="ann",
                       actor_role=None, before=None, request_id=None)
    assert bare["created"] and bare["event"]["before"] is None
    assert (bare["event"]["actor_role"], bare["event"]["request_id"]) == (None, None)
    assert {r["label"]: r["nodes"] for r in g.read("count_nodes")}["AuditEvent"] == 2


NEWEST = dict(before_at=2**63 - 1, before_id="")
ANY = dict(action=None, subject_id=None, actor_id=None)


def audit_ids(g, limit=10, **params):
    return [r["event"]["id"] for r in g.read("audit_list", **{**NEWEST, **ANY, **params},
                                              limit=limit)]


@contract("audit_list")
def _(g):
    assert audit_ids(g) == []
    audit_event(g, "a1", at=T)
    audit_event(g, "a2", at=T, action="user.suspended", subject_id="holder")
    audit_event(g, "a3", at=T + 1, actor_id="k2")
    audit_event(g, "a4", at=T + 2, action="rules.changed", subject_id="7", actor_type="cli",
                actor_id="ann", actor_role=None, before=None, request_id=None)
    assert audit_ids(g) == ["a4", "a3", "a2", "a1"]           # newest first, then id
    row = g.read("audit_list", **NEWEST, **ANY, limit=1)[0]
    assert row == {"event": {
        "id": "a4", "at": T + 2, "action": "rules.changed", "subject_type": "withdrawal",
        "subject_id": "7", "actor_type": "cli", "actor_id": "ann", "actor_role": None,
        "before": None, "after": '{"status":"approved"}', "request_id": None}}
    # keyset pages by (at, id), the tie at T included
    assert audit_ids(g, limit=2) == ["a4", "a3"]
    assert audit_ids(g, limit=2, before_at=T + 1, before_id="a3") == ["a2", "a1"]
    assert audit_ids(g, before_at=T, before_id="a2") == ["a1"]
    assert audit_ids(g, before_at=T, before_id="a1") == []
    # filters, alone and together; null is no filter
    assert audit_ids(g, action="withdrawal.approved") == ["a3", "a1"]
    assert audit_ids(g, subject_id="holder") == ["a2"]
    assert audit_ids(g, actor_id="k1") == ["a2", "a1"]
    assert audit_ids(g, action="withdrawal.approved", actor_id="k1") == ["a1"]
    assert audit_ids(g, action="withdrawal.approved", subject_id="holder") == []
    assert audit_ids(g, actor_id="ann", limit=1) == ["a4"]


# -- the tests (after every contract above is registered) ----------------------

def test_every_query_file_has_a_contract():
    for backend in ("falkordb", "neo4j"):
        assert set(Registry(backend)) == set(CONTRACT)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_query_contract(g, name):
    CONTRACT[name](g)
