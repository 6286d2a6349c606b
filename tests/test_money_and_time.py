"""Money and time you can trust (issue 15), through the HTTP API: one
platform currency, sales and refunds in time order, late sales under both
policies of the late_sales rule."""

import pytest

from api import create_app
from graph.errors import ConfigurationError
from graph.rules import DEFAULT_RULES
from graph.store import users

DAY = 86_400_000
FAR = 4_102_444_800_000


def _people(operator):
    for body in ({"id": "root", "name": "Root", "root": True, "roles": []},
                 {"id": "shop", "name": "Shop", "roles": ["merchant"], "referrer_id": "root"},
                 {"id": "bob", "name": "Bob", "roles": ["buyer"], "referrer_id": "root"}):
        r = operator.post("/v1/users", json=body)
        assert r.status_code == 201, r.get_json()


def _sale(id, currency="CNY", **extra):
    return {"id": id, "merchant_id": "shop", "buyer_id": "bob", "amount": 10_000,
            "currency": currency, **extra}


# -- one platform currency ------------------------------------------------------

def test_money_in_another_currency_is_refused(operator, graph_backend):
    _people(operator)
    r = operator.post("/v1/sales", json=_sale("s-usd", "USD"))
    assert r.status_code == 422
    body = r.get_json()
    assert body["code"] == "currency_mismatch" and "CNY" in body["message"]
    assert list(body["errors"]) == ["currency"]
    assert operator.get("/v1/sales/s-usd").status_code == 404

    assert operator.post("/v1/sales", json=_sale("s-cny")).status_code == 201
    r = operator.post("/v1/sales/s-cny/refunds", json={"id": "r1", "amount": 100,
                                                       "currency": "EUR"})
    assert (r.status_code, r.get_json()["code"]) == (422, "currency_mismatch")
    r = operator.post("/v1/sales/s-cny/refunds", json={"id": "r1", "amount": 100,
                                                       "currency": "CNY"})
    assert r.status_code == 201
    r = operator.post("/v1/vouchers", json={"id": "v1", "owner_id": "bob", "amount": 500,
                                            "currency": "USD", "expires_at": FAR})
    assert (r.status_code, r.get_json()["code"]) == (422, "currency_mismatch")
    r = operator.post("/v1/withdrawals", json={"id": "w1", "user_id": "bob", "amount": 5_000,
                                               "currency": "USD"})
    assert (r.status_code, r.get_json()["code"]) == (422, "currency_mismatch")

    # the batch cannot get round it: each foreign sale refused, the others recorded
    r = operator.post("/v1/sales:batch", json={"sales": [_sale("b1"), _sale("b2", "USD")]})
    assert r.status_code == 200
    body = r.get_json()
    assert [(x["id"], x["status"], x["code"]) for x in body["results"]] == [
        ("b1", 201, "created"), ("b2", 422, "currency_mismatch")]
    assert "CNY" in body["results"][1]["message"]
    assert operator.get("/v1/sales/b2").status_code == 404
    fees = [s["fee"] for s in operator.get("/v1/sales?merchant_id=shop").get_json()["items"]]
    assert fees == [500, 500]


def test_the_currency_is_a_setting_fixed_once_money_moved(graph_backend):
    try:
        _settle_usd_then_move_money(graph_backend)
    finally:
        graph_backend.currency = "CNY"         # the next tests' apps settle CNY again


def _settle_usd_then_move_money(graph_backend):
    usd = create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend, "CURRENCY": "USD"})
    assert graph_backend.currency == "USD"     # nothing moved yet: it may change
    users.register(graph_backend, id="shop", name="Shop", roles=["merchant"],
                   rules=DEFAULT_RULES, root=True)
    from graph.store import sales

    with pytest.raises(Exception, match="keeps its money in USD"):
        sales.record_sale(graph_backend, id="s0", merchant_id="shop", amount=1_000,
                          currency="CNY", rules=DEFAULT_RULES)
    sales.record_sale(graph_backend, id="s1", merchant_id="shop", amount=1_000,
                      currency="USD", rules=DEFAULT_RULES)
    assert usd is not None
    with pytest.raises(ConfigurationError, match="REFGRAPH_CURRENCY=USD"):
        create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend, "CURRENCY": "CNY"})
    with pytest.raises(ConfigurationError, match="ISO 4217"):
        create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend, "CURRENCY": "usd"})
    create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend, "CURRENCY": "USD"})
    assert graph_backend.currency == "USD"


# -- time order ------------------------------------------------------------------

def test_sales_and_refunds_come_after_what_they_need(operator, graph_backend):
    _people(operator)
    joined = operator.get("/v1/users/bob").get_json()["created_at"]   # after the shop
    r = operator.post("/v1/sales", json=_sale("s-early", buyer_id=None, at=joined - DAY))
    assert r.status_code == 422
    assert (r.get_json()["code"], list(r.get_json()["errors"])) == ("before_merchant_joined", ["at"])
    users.register(graph_backend, id="late", name="Late", roles=["buyer"], rules=DEFAULT_RULES,
                   referrer_id="root", at=joined + DAY // 2)   # joins later today
    r = operator.post("/v1/sales", json=_sale("s-buyer", buyer_id="late", at=joined + 1))
    assert (r.status_code, r.get_json()["code"]) == (422, "before_buyer_joined")
    r = operator.post("/v1/sales:batch", json={"sales": [
        _sale("b-early", buyer_id=None, at=joined - DAY), _sale("b-ok", at=joined + 1)]})
    assert [(x["status"], x["code"]) for x in r.get_json()["results"]] == [
        (422, "before_merchant_joined"), (201, "created")]
    assert "before its merchant joined" in r.get_json()["results"][0]["message"]

    r = operator.post("/v1/sales/b-ok/refunds", json={"id": "r-early", "amount": 100,
                                                      "at": joined})
    assert r.status_code == 422
    assert (r.get_json()["code"], list(r.get_json()["errors"])) == ("before_sale", ["at"])
    r = operator.post("/v1/sales/b-ok/refunds", json={"id": "r-ok", "amount": 100,
                                                      "at": joined + 1})
    assert r.status_code == 201 and r.get_json()["at"] == joined + 1


def test_a_registration_cannot_be_dated(operator):
    for field in ("at", "created_at", "joined_at"):
        r = operator.post("/v1/users", json={"id": "u1", "name": "U", "root": True,
                                             "roles": [], field: 946_684_800_000})
        assert r.status_code == 422 and field in r.get_json()["errors"]


# -- late sales -------------------------------------------------------------------

def _last_month_run(operator, graph_backend):
    """holder refers shop (both joined 100 days ago); a sale of 1,000.00 last
    month (fee 50.00, holder's line 5.00 at tier 1, 10 %), whose reward run
    has completed.  Returns (last month, this month, the start of last month)."""
    from graph.rules import period_bounds, period_of
    from graph.vocabulary import now_ms

    now = now_ms()
    this = period_of(now, "month")
    start = period_bounds(this)[0]
    last = period_of(start - 1, "month")
    last_start = period_bounds(last)[0]
    for id, referrer in (("holder", None), ("shop", "holder")):
        users.register(graph_backend, id=id, name=id, roles=["merchant"], rules=DEFAULT_RULES,
                       referrer_id=referrer, root=referrer is None, at=now - 100 * DAY)
    r = operator.post("/v1/sales", json={"id": "s-on", "merchant_id": "shop", "amount": 100_000,
                                         "currency": "CNY", "at": last_start + DAY})
    assert r.status_code == 201 and r.get_json()["period"] == last
    r = operator.post(f"/v1/rewards/runs/{last}")
    assert r.status_code == 200 and r.get_json()["rewards"] == 500
    return last, this, last_start


def test_late_sales_are_refused_by_default(operator, graph_backend):
    last, this, last_start = _last_month_run(operator, graph_backend)
    late = {"id": "s-late", "merchant_id": "shop", "amount": 40_000, "currency": "CNY",
            "at": last_start + 2 * DAY}
    r = operator.post("/v1/sales", json=late)
    assert r.status_code == 422
    body = r.get_json()
    assert body["code"] == "period_closed" and list(body["errors"]) == ["at"]
    assert f"period {last} is closed" in body["message"]
    assert f"the first open period is {this}" in body["message"]
    r = operator.post("/v1/sales/s-on/refunds", json={"id": "r-late", "amount": 20_000,
                                                      "at": last_start + 3 * DAY})
    assert (r.status_code, r.get_json()["code"]) == (422, "period_closed")
    r = operator.post("/v1/sales:batch", json={"sales": [late]})
    assert [(x["status"], x["code"]) for x in r.get_json()["results"]] == [
        (422, "period_closed")]
    assert operator.get("/v1/sales/s-late").status_code == 404
    # on time, in this month, all is as before
    r = operator.post("/v1/sales/s-on/refunds", json={"id": "r-now", "amount": 20_000})
    assert r.status_code == 201 and r.get_json()["period"] == this
    assert r.get_json()["carried_from"] is None


def test_late_sales_carried_into_the_first_open_period(operator, graph_backend):
    from graph.store import rewards

    last, this, last_start = _last_month_run(operator, graph_backend)
    r = operator.post("/v1/rules", json={"rules": {"late_sales": "carry"}})
    assert r.status_code == 201, r.get_json()
    late = {"id": "s-late", "merchant_id": "shop", "amount": 40_000, "currency": "CNY",
            "at": last_start + 2 * DAY}
    r = operator.post("/v1/sales", json=late)
    assert r.status_code == 201, r.get_json()
    sale = r.get_json()
    assert (sale["at"], sale["period"], sale["carried_from"], sale["fee"]) == (
        late["at"], this, last, 2_000)                          # its true time, this month's fees
    assert operator.post("/v1/sales", json=late).status_code == 201   # a replay: same sale
    r = operator.post("/v1/sales/s-on/refunds", json={"id": "r-late", "amount": 20_000,
                                                      "at": last_start + 3 * DAY})
    assert r.status_code == 201, r.get_json()
    assert (r.get_json()["period"], r.get_json()["carried_from"], r.get_json()["fee"]) == (
        this, last, 1_000)
    r = operator.post("/v1/sales:batch", json={"sales": [
        {**late, "id": "s-late-2", "amount": 20_000}]})
    assert [(x["status"], x["code"]) for x in r.get_json()["results"]] == [(201, "created")]
    assert operator.get("/v1/sales/s-late-2").get_json()["period"] == this

    # last month paid once, nothing more; this month's base takes what came late
    assert operator.get(f"/v1/rewards/runs/{last}").get_json()["rewards"] == 500
    rewards.run(graph_backend, this, now=FAR)
    line = operator.get(f"/v1/rewards/lines/{this}|holder|1").get_json()
    assert (line["base"], line["amount"]) == (3_000 - 1_000, 200)
    assert line["merchants"] == [{
        "merchant_id": "shop", "fees": 3_000, "refunded_fees": 1_000, "base": 2_000,
        "path": ["holder", "shop"], "carried_fees": 3_000, "carried_refunded_fees": 1_000}]


# -- registrations in bulk --------------------------------------------------------------

def test_users_register_in_bulk(operator, graph_backend):
    _people(operator)
    code = operator.get("/v1/users/shop").get_json()["referral_code"]
    batch = {"users": [
        {"id": "u1", "name": "One", "referrer_id": "shop", "roles": ["merchant"]},
        {"id": "u2", "name": "Two", "referral_code": code, "roles": ["merchant"]},
        {"id": "u3", "name": "Three", "referrer_id": "u1"},          # referred in the batch
        {"id": "u4", "name": "Four", "referrer_id": "ghost"},
        {"id": "u5", "name": "Five", "referrer_id": "bob"},          # a buyer may not refer
        {"id": "shop", "name": "Another", "referrer_id": "root"},    # the id is taken
    ]}
    r = operator.post("/v1/users:batch", json=batch)
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert [(x["id"], x["status"], x["code"]) for x in body["results"]] == [
        ("u1", 201, "created"), ("u2", 201, "created"), ("u3", 201, "created"),
        ("u4", 422, "unknown_referrer"), ("u5", 422, "referrer_not_allowed"),
        ("shop", 409, "id_taken")]
    assert (body["created"], body["replayed"], body["refused"]) == (3, 0, 3)
    assert body["results"][1]["user"]["referrer_id"] == "shop"
    assert body["results"][1]["user"]["roles"] == ["merchant"]
    assert operator.get("/v1/users/u1").get_json()["referrer_id"] == "shop"
    again = operator.post("/v1/users:batch", json=batch).get_json()
    assert [x["code"] for x in again["results"][:3]] == ["replayed"] * 3
    assert operator.get("/v1/users/u3").get_json()["referrer_id"] == "u1"
    r = operator.post("/v1/users:batch", json={"users": [
        {"id": "c1", "name": "C1", "referrer_id": "c2", "roles": ["merchant"]},
        {"id": "c2", "name": "C2", "referrer_id": "c1", "roles": ["merchant"]}]})
    assert [x["code"] for x in r.get_json()["results"]] == ["unknown_referrer"] * 2
