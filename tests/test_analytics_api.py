"""Network analytics through the API, on a seeded demo network with planted
abuse: the summary agrees with the data, every planted abuse raises its
signal, the card and the picture show the right users."""

from collections import Counter

import pytest

from graph import demo
from graph.money import fee_for
from graph.rules import DEFAULT_RULES

N = 600


@pytest.fixture
def world(graph_backend):
    world = demo.generate(N, periods=2, seed=11)
    demo.load(graph_backend, world)
    return world


def test_summary_needs_a_refresh_first(operator, graph_backend):
    r = operator.get("/v1/analytics/summary")
    assert r.status_code == 404
    body = r.get_json()
    assert body["code"] == "no_snapshot" and "refgraph analytics refresh" in body["message"]
    assert operator.get("/v1/analytics/signals").status_code == 404


def test_summary_agrees_with_the_data(operator, world):
    refreshed = operator.post("/v1/analytics/refresh").get_json()
    summary = operator.get("/v1/analytics/summary").get_json()
    assert summary == refreshed
    roles = Counter(role for user in world.users for role in user["roles"])
    assert summary["users"] == len(world.users)
    assert summary["by_role"]["merchant"] == roles["merchant"]
    assert summary["edges"] == len(world.users) - 1 and summary["roots"] == 1
    assert sum(row["count"] for row in summary["depth_distribution"]) == len(world.users)
    assert sum(row["referrers"] * row["referrals"]
               for row in summary["referrals_per_referrer"]) == len(world.users) - 1
    assert sum(row["users"] for row in summary["growth_per_period"]) == len(world.users)
    all_sales = world.sales
    expected = sum(fee_for(sale["amount"], DEFAULT_RULES.fee_bp) for sale in all_sales)
    assert sum(row["fees"] for row in summary["fees_per_period"]) == expected
    top = summary["top_referrers"]["direct"][0]
    direct = Counter(user["referrer_id"] for user in world.users if user["referrer_id"])
    assert top["value"] == max(direct.values()) and direct[top["id"]] == top["value"]
    assert sum(c["size"] for c in summary["communities"]) <= len(world.users)
    assert summary["communities"][0]["size"] >= summary["communities"][-1]["size"]


def test_every_planted_abuse_raises_its_signal(operator, world):
    operator.post("/v1/analytics/refresh")
    planted = world.planted

    def signals(**query):
        items, cursor = [], None
        while True:
            params = {**query, "limit": 7, **({"cursor": cursor} if cursor else {})}
            page = operator.get("/v1/analytics/signals", query_string=params).get_json()
            items += page["items"]
            cursor = page["next_cursor"]
            if not cursor:
                return items

    every = signals()
    assert len({s["id"] for s in every}) == len(every)            # pages neither overlap
    order = [(s["kind"], s["subject"]) for s in every]
    assert order == sorted(order)
    kinds = {s["kind"] for s in every}
    assert kinds >= {"shared_fingerprint", "self_dealing", "referral_burst", "dormant_chain"}
    shared = signals(kind="shared_fingerprint")
    assert all(s["kind"] == "shared_fingerprint" for s in shared)
    flagged = {user for s in shared for user in s["user_ids"]}
    assert set(planted["shared_phone"]) <= flagged
    assert any(s["subject"] == planted["burst_referrer"] or planted["burst_referrer"] in
               s["user_ids"] for s in signals(kind="referral_burst"))
    assert any(set(planted["chain"][:4]) <= set(s["user_ids"])
               for s in signals(kind="dormant_chain"))
    dealing = signals(user_id=planted["self_dealer"])
    assert any(s["kind"] == "self_dealing" for s in dealing)
    assert all(planted["self_dealer"] in s["user_ids"] for s in dealing)
    for s in every:
        assert s["message"] and s["evidence"]
    r = operator.get("/v1/analytics/signals?kind=gossip")
    assert r.status_code == 422 and "kind" in r.get_json()["errors"]


def test_search_finds_by_id_and_by_name(operator, world):
    user = world.users[42]
    found = operator.get("/v1/analytics/search", query_string={"q": user["id"]}).get_json()
    assert found["items"][0]["id"] == user["id"]
    part = user["name"].split()[-1].lower()
    found = operator.get("/v1/analytics/search",
                         query_string={"q": part, "limit": 100}).get_json()["items"]
    assert user["id"] in {u["id"] for u in found}
    assert all(part in u["name"].lower() or u["id"].startswith(part) for u in found)
    r = operator.get("/v1/analytics/search")
    assert r.status_code == 422 and "q" in r.get_json()["errors"]


def test_user_card_shows_counts_balances_and_signals(operator, world):
    operator.post("/v1/analytics/refresh")
    dealer = world.planted["self_dealer"]
    card = operator.get(f"/v1/analytics/users/{dealer}").get_json()
    direct = [u for u in world.users if u["referrer_id"] == dealer]
    assert card["user"]["id"] == dealer and card["direct"] == len(direct)
    assert card["total_downline"] >= card["direct"]
    assert card["levels"][0] == {"level": 1, "count": len(direct)}
    assert set(card["balances"]) >= {"cash_available", "cash_pending", "points"}
    assert card["merchant_fees"] > 0            # the planted shop sells
    assert any(s["kind"] == "self_dealing" for s in card["signals"])
    r = operator.get("/v1/analytics/users/nobody")
    assert r.status_code == 404 and r.get_json()["code"] == "unknown_user"


def test_neighbourhood_is_laid_out_and_limited(operator, world):
    chain = world.planted["chain"]
    center = chain[2]
    picture = operator.get(f"/v1/analytics/users/{center}/neighbourhood",
                           query_string={"up": 2, "depth": 2}).get_json()
    by_id = {node["id"]: node for node in picture["nodes"]}
    assert by_id[center]["level"] == 0
    assert (by_id[chain[1]]["level"], by_id[chain[0]]["level"]) == (-1, -2)
    assert (by_id[chain[3]]["level"], by_id[chain[4]]["level"]) == (1, 2)
    assert len(by_id) == 5 and picture["truncated"] is False
    assert {(e["source"], e["target"]) for e in picture["edges"]} == {
        (chain[k], chain[k + 1]) for k in range(4)}
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 and 0 <= n["size"] <= 1
               for n in picture["nodes"])
    assert sorted(n["y"] for n in picture["nodes"]) == [n["y"] for n in picture["nodes"]]
    root = world.users[0]["id"]
    cut = operator.get(f"/v1/analytics/users/{root}/neighbourhood",
                       query_string={"depth": 3, "limit": 25}).get_json()
    assert cut["truncated"] is True and len(cut["nodes"]) == 26
    for bad in ({"depth": 0}, {"depth": 11}, {"up": -1}, {"limit": 0}, {"size_by": "age"}):
        r = operator.get(f"/v1/analytics/users/{root}/neighbourhood", query_string=bad)
        assert r.status_code == 422, bad
    assert operator.get("/v1/analytics/users/nobody/neighbourhood").status_code == 404


def test_downline_sizes_come_from_the_last_refresh(operator, world):
    root = world.users[0]["id"]
    before = operator.get(f"/v1/analytics/users/{root}/neighbourhood",
                          query_string={"size_by": "downline", "depth": 1}).get_json()
    center = next(n for n in before["nodes"] if n["id"] == root)
    assert center["downline"] == center["direct"]               # no refresh yet
    operator.post("/v1/analytics/refresh")
    after = operator.get(f"/v1/analytics/users/{root}/neighbourhood",
                         query_string={"size_by": "downline", "depth": 1}).get_json()
    center = next(n for n in after["nodes"] if n["id"] == root)
    assert center["downline"] == len(world.users) - 1 and center["size"] == 1


def test_loading_in_small_pages_reads_every_row_once(graph_backend, world, monkeypatch):
    from graph.store import analytics as store

    whole = store.load_rows(graph_backend)
    monkeypatch.setattr(store, "PAGE", 7)
    seen = []
    paged = store.load_rows(graph_backend, progress=lambda what, done: seen.append(what))
    assert paged == whole
    assert len(whole[0]) == len(world.users) and whole[2]         # users and purchases
    assert seen.count("users") == len(world.users) // 7 + 1       # paging really happened
    assert seen.count("buyers") > 1
