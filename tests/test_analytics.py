"""graph.analytics on hand-built networks whose answers are known."""

import copy
from datetime import datetime, timezone

import networkx as nx
import pytest

from graph import analytics as an
from graph.errors import UnknownUser

DAY = 86_400_000


def ms(year, month, day=1):
    return int(datetime(year, month, day, tzinfo=timezone.utc).timestamp() * 1000)


def user(id, referrer=None, labels=(), created_at=0, status="active", **extra):
    return {"id": id, "name": id.upper(), "labels": ["User", *labels], "status": status,
            "created_at": created_at, "referrer_id": referrer, "root": referrer is None,
            "phone_hash": None, "device_id": None, "payment_hash": None, **extra}


def fees(merchant, period, amount, refunded=0, sales=1):
    return {"merchant_id": merchant, "period": period, "fees": amount,
            "refunded_fees": refunded, "sales": sales, "amount": amount * 10}


def bought(buyer, merchant, sales, amount=1000):
    return {"buyer_id": buyer, "merchant_id": merchant, "sales": sales, "amount": amount,
            "first_at": 0, "last_at": 0}


def tree(*pairs, **user_extra):
    """A network from (id, referrer) pairs; user_extra maps id -> extra user fields."""
    return an.build_graph([user(i, r, **user_extra.get(i, {})) for i, r in pairs])


# r -> a -> c -> f,  r -> b,  a -> d, a -> e;  z alone
FAMILY = [("r", None), ("a", "r"), ("b", "r"), ("c", "a"), ("d", "a"), ("e", "a"),
          ("f", "c"), ("z", None)]


# -- building ----------------------------------------------------------------

def test_roles_come_from_labels_whatever_their_case():
    assert an.roles_of(["User", "CardHolder", "Merchant", "BUYER", "Admin"]) == [
        "buyer", "cardholder", "merchant"]
    assert an.roles_of(None) == []


def test_build_graph_sums_fees_and_rewards_and_keeps_only_rows_of_its_users():
    users = [user("r", created_at=5), user("m", "r", ["Merchant"], created_at=7),
             user("x", "outsider", created_at=9)]
    G = an.build_graph(
        users,
        fee_totals=[fees("m", "2026-09", 100, 10, 2), fees("m", "2026-10", 50, 70, 1),
                    fees("gone", "2026-10", 999)],
        purchases=[bought("r", "m", 2), bought("r", None, 0), bought("r", "gone", 1)],
        rewards=[{"referrer_id": "r", "period": "2026-10", "level": 1, "tier": 1, "amount": 30},
                 {"referrer_id": "r", "period": "2026-11", "level": 1, "tier": 1, "amount": -5},
                 {"referrer_id": "gone", "period": "2026-10", "level": 1, "tier": 1, "amount": 1}])
    assert sorted(G.edges(data="at")) == [("r", "m", 7)]
    assert G.in_degree("x") == 0  # its referrer is outside this page
    m = G.nodes["m"]
    assert (m["fees_gross"], m["refunded_fees"], m["fees"], m["sales"]) == (150, 80, 70, 3)
    assert m["roles"] == ["merchant"] and m["name"] == "M" and m["root"] is False
    assert G.nodes["r"]["rewards"] == 25 and G.nodes["r"]["fees"] == 0
    assert len(G.graph["fee_totals"]) == 2
    assert G.graph["purchases"] == [bought("r", "m", 2)]
    assert [line["amount"] for line in G.graph["rewards"]] == [30, -5]


# -- summary -----------------------------------------------------------------

def family_graph():
    jan, feb = ms(2026, 1, 15), ms(2026, 2, 3)
    joined = {"r": jan, "a": jan, "b": feb, "c": feb, "d": feb, "e": feb, "f": feb, "z": jan}
    labels = {"a": ["Merchant"], "b": ["Merchant", "CardHolder"], "c": ["Buyer"],
              "d": ["CardHolder"], "f": ["Merchant"]}
    status = {"e": "suspended", "z": "closed"}
    users = [user(i, p, labels.get(i, ()), joined[i], status.get(i, "active")) for i, p in FAMILY]
    rewards = [{"referrer_id": "r", "period": "2026-02", "level": 1, "tier": 2, "amount": 40},
               {"referrer_id": "a", "period": "2026-02", "level": 1, "tier": 1, "amount": 10},
               {"referrer_id": "a", "period": "2026-02", "level": 1, "tier": 1, "amount": -3},
               {"referrer_id": "c", "period": "2026-02", "level": 2, "tier": None, "amount": 0},
               {"referrer_id": "r", "period": "2026-01", "level": 1, "tier": 2, "amount": 8}]
    fee_rows = [fees("a", "2026-02", 100, 20), fees("b", "2026-02", 60),
                fees("a", "2026-01", 30, 40), fees("f", "2026-02", 500, 0, 4)]
    return an.build_graph(users, fee_rows, (), rewards)


def test_summary_counts_depths_and_referral_histogram():
    s = an.summary(family_graph())
    assert (s["users"], s["edges"], s["roots"], s["max_depth"]) == (8, 6, 2, 3)
    assert s["depth_distribution"] == [
        {"depth": 0, "count": 2}, {"depth": 1, "count": 2},
        {"depth": 2, "count": 3}, {"depth": 3, "count": 1}]
    # r referred 2, a referred 3, c referred 1
    assert s["referrals_per_referrer"] == [
        {"referrals": 1, "referrers": 1}, {"referrals": 2, "referrers": 1},
        {"referrals": 3, "referrers": 1}]
    assert s["by_role"] == {"buyer": 1, "cardholder": 2, "merchant": 3}
    assert s["by_status"] == {"active": 6, "suspended": 1, "closed": 1}


def test_summary_per_period_growth_fees_and_tiers():
    s = an.summary(family_graph())
    assert s["growth_per_period"] == [
        {"period": "2026-01", "users": 3, "merchants": 1, "cardholders": 0},
        {"period": "2026-02", "users": 5, "merchants": 2, "cardholders": 2}]
    assert s["fees_per_period"] == [
        {"period": "2026-01", "fees": 30, "refunded_fees": 40, "net": -10},
        {"period": "2026-02", "fees": 660, "refunded_fees": 20, "net": 640}]
    assert s["rewards_per_tier"] == [
        {"period": "2026-01", "tier": 2, "lines": 1, "amount": 8},
        {"period": "2026-02", "tier": None, "lines": 1, "amount": 0},
        {"period": "2026-02", "tier": 1, "lines": 2, "amount": 7},
        {"period": "2026-02", "tier": 2, "lines": 1, "amount": 40}]


def test_summary_takes_a_period_function_and_month_boundaries_are_utc():
    G = an.build_graph([user("a", created_at=ms(2026, 3) - 1), user("b", created_at=ms(2026, 3))])
    assert [r["period"] for r in an.summary(G)["growth_per_period"]] == ["2026-02", "2026-03"]
    weekly = an.summary(G, period_of=lambda t: "all")["growth_per_period"]
    assert weekly == [{"period": "all", "users": 2, "merchants": 0, "cardholders": 0}]


def test_summary_of_an_empty_network():
    s = an.summary(an.build_graph([]))
    assert (s["users"], s["roots"], s["max_depth"], s["depth_distribution"]) == (0, 0, 0, [])


# -- one user ----------------------------------------------------------------

def test_upline_goes_to_the_root_direct_referrer_first():
    G = tree(*FAMILY)
    assert an.upline(G, "f") == ["c", "a", "r"]
    assert an.upline(G, "f", max_hops=2) == ["c", "a"]
    assert an.upline(G, "r") == []
    with pytest.raises(UnknownUser):
        an.upline(G, "nobody")


# -- rankings ----------------------------------------------------------------

def test_top_referrers_by_each_measure_ties_by_id():
    G = family_graph()
    top = lambda by, k=10: [(row["id"], row["value"]) for row in an.top_referrers(G, by, k)]
    assert top("direct") == [("a", 3), ("r", 2), ("c", 1)]
    assert top("downline") == [("r", 6), ("a", 4), ("c", 1)]
    assert top("fees") == [("c", 500), ("r", 130), ("a", 0)]
    assert [i for i, _ in top("pagerank")] == ["r", "a", "c"]
    assert top("direct", k=1) == [("a", 3)]
    assert an.top_referrers(G, "direct", 1)[0]["name"] == "A"
    ties = tree(("ba", None), ("ba1", "ba"), ("ab", None), ("ab1", "ab"))
    assert [row["id"] for row in an.top_referrers(ties, "direct")] == ["ab", "ba"]


def test_top_referrers_refuses_an_unknown_measure():
    with pytest.raises(ValueError, match="unknown ranking 'age'"):
        an.top_referrers(tree(*FAMILY), "age")


def test_pagerank_ranks_referrers_by_the_downline_behind_them():
    pr = an.pagerank(tree(*FAMILY))
    assert pr["r"] > pr["a"] > pr["c"] > pr["f"]
    assert pr["a"] > pr["b"]  # same level, a has a downline
    assert pr["d"] == pytest.approx(pr["f"])  # no referee: the teleport share only
    assert pr["d"] == pytest.approx(pr["z"])
    assert sum(pr.values()) == pytest.approx(1.0)
    assert an.pagerank(nx.DiGraph()) == {}


def reference_pagerank(G, alpha):
    np = pytest.importorskip("numpy")
    nodes = list(G)
    P = nx.google_matrix(G.reverse(), alpha=alpha, nodelist=nodes)
    x = np.full(len(nodes), 1 / len(nodes))
    for _ in range(2000):
        x = x @ P
    return dict(zip(nodes, x, strict=True))


@pytest.mark.parametrize("edges", [
    [("r", "a"), ("r", "b"), ("a", "c"), ("a", "d"), ("d", "e"), ("x", "y")],  # forest
    [("r", "a"), ("q", "a"), ("a", "c"), ("r", "c")],                          # DAG, two referrers
    [("r", "a"), ("a", "b"), ("b", "r"), ("b", "c")],                          # a cycle
])
def test_pagerank_matches_the_google_matrix_of_the_reversed_graph(edges):
    G = nx.DiGraph(edges)
    expected = reference_pagerank(G, 0.7)
    got = an.pagerank(G, alpha=0.7)
    assert got.keys() == expected.keys()
    for v in G:
        assert got[v] == pytest.approx(expected[v], abs=1e-9)


def test_communities_split_two_dense_clusters_joined_by_one_edge():
    G = nx.DiGraph()
    left, right = ["a1", "a2", "a3", "a4", "a5"], ["b1", "b2", "b3", "b4"]
    for cluster in (right, left):  # the smaller one first: the answer is sorted by size
        G.add_edges_from((u, v) for i, u in enumerate(cluster) for v in cluster[i + 1:])
    G.add_edge("a1", "b1")
    for i, v in enumerate(left + right):
        G.nodes[v]["fees"] = 10 * (i + 1)
    found = an.communities(G)
    assert [(c["id"], c["size"], c["fees"]) for c in found] == [(0, 5, 150), (1, 4, 300)]
    assert found[0]["members"] == ["a5", "a4", "a3", "a2", "a1"]  # highest fees first
    assert set(found[1]["members"]) == set(right)
    assert an.communities(G, seed=0) == found
    assert an.communities(nx.DiGraph()) == []


def test_community_members_are_capped_at_ten_and_ordered_by_fees_then_downline():
    G = tree(("h", None), *[(f"u{i:02d}", "h") for i in range(14)], ("w", "u13"))
    found = an.communities(G, resolution=0.01)  # one community of everyone
    assert [c["size"] for c in found] == [16]
    members = found[0]["members"]
    assert len(members) == 10 and members[:2] == ["h", "u13"]  # then the rest by id
    assert members[2:] == [f"u{i:02d}" for i in range(8)]


# -- fraud signals -----------------------------------------------------------

SIGNAL_KEYS = {"id", "kind", "subject", "user_ids", "evidence", "message"}


def test_shared_fingerprint_with_the_referrer():
    G = tree(("r", None), ("a", "r"), ("b", "r"), a={"phone_hash": "p1"}, r={"phone_hash": "p1"})
    (signal,) = an.shared_fingerprints(G)
    assert set(signal) == SIGNAL_KEYS
    assert signal["id"] == "shared_fingerprint:r:phone_hash:p1"
    assert (signal["kind"], signal["subject"], signal["user_ids"]) == ("shared_fingerprint", "r", ["a", "r"])
    assert signal["evidence"] == {"field": "phone_hash", "value": "p1", "scope": "referrer",
                                  "users": ["a", "r"]}


def test_shared_fingerprint_within_a_subtree_but_not_between_strangers():
    shared = {"payment_hash": "card9"}
    G = tree(("r", None), ("a", "r"), ("b", "r"), ("a1", "a"), ("b1", "b"),
             ("s", None), ("t", None), ("t1", "t"),
             a1=shared, b1=shared, s=shared, t1=shared)
    (signal,) = an.shared_fingerprints(G)  # a1 and b1 are cousins under r; s, t1 are strangers
    assert signal["evidence"]["scope"] == "subtree"
    assert signal["user_ids"] == ["a1", "b1"] and signal["subject"] == "a1"
    assert an.shared_fingerprints(G, subtree_depth=1) == []  # their common ancestor is 2 up


def test_unrelated_users_sharing_a_fingerprint_are_not_flagged():
    G = tree(("r", None), ("a", "r"), ("q", None), ("b", "q"),
             a={"device_id": "d"}, b={"device_id": "d"}, r={"phone_hash": None})
    assert an.shared_fingerprints(G, subtree_depth=10) == []


def test_referrer_buying_from_its_own_merchant_often_is_self_dealing():
    users = [user("r"), user("m", "r", ["Merchant"]), user("o", None, ["Merchant"])]
    G = an.build_graph(users, purchases=[bought("r", "m", 3, 4500), bought("r", "o", 9)])
    (signal,) = an.self_dealing(G)
    assert signal["id"] == "self_dealing:r:referee:m"
    assert signal["subject"] == "r" and signal["user_ids"] == ["m", "r"]
    assert signal["evidence"] == {"reason": "bought_from_referee", "merchant_id": "m",
                                  "sales": 3, "amount": 4500}


def test_referrer_buying_twice_from_its_merchant_is_not_flagged():
    users = [user("r"), user("m", "r", ["Merchant"])]
    G = an.build_graph(users, purchases=[bought("r", "m", 2)])
    assert an.self_dealing(G) == []
    assert len(an.self_dealing(G, min_purchases=2)) == 1


def test_buyer_sharing_a_fingerprint_with_the_merchant_is_self_dealing():
    users = [user("m", None, ["Merchant"], payment_hash="c1", device_id="d1"),
             user("b", None, ["Buyer"], payment_hash="c1", device_id="d1"),
             user("n", None, ["Merchant"], payment_hash="c1"),
             user("k", None, ["Buyer"], payment_hash="c2"),
             user("j", None, ["Buyer"], payment_hash="c1")]
    G = an.build_graph(users, purchases=[bought("b", "m", 1, 700), bought("k", "m", 5),
                                         bought("j", "m", 0, 0)])
    (signal,) = an.self_dealing(G)  # b never bought at n; k shares nothing; j bought nothing
    assert signal["id"] == "self_dealing:b:fingerprint:m"
    assert signal["evidence"] == {"reason": "shared_fingerprint", "fields": ["device_id", "payment_hash"],
                                  "merchant_id": "m", "sales": 1, "amount": 700}


def referrals(referrer, times):
    return [user(referrer)] + [user(f"{referrer}{i:03d}", referrer, created_at=t)
                               for i, t in enumerate(times)]


def test_a_burst_of_referrals_in_one_day():
    quiet = [d * DAY + 3600 for d in range(4)]
    burst = [10 * DAY + i * 60_000 for i in range(10)]
    (signal,) = an.referral_bursts(an.build_graph(referrals("r", quiet + burst)))
    assert signal["id"] == f"referral_burst:r:{10 * DAY}"
    assert signal["evidence"] == {"window_start": 10 * DAY, "window_ms": DAY, "count": 10, "baseline": 1}


def test_a_steady_referral_rate_is_not_a_burst():
    steady = [d * DAY + i * 1000 for d in range(5) for i in range(6)]
    assert an.referral_bursts(an.build_graph(referrals("r", steady))) == []


def test_burst_thresholds_min_count_and_single_window():
    four = an.build_graph(referrals("r", [0, 1, 2, 3]))
    assert an.referral_bursts(four) == []
    (signal,) = an.referral_bursts(four, min_count=4, factor=4.0)
    assert signal["evidence"]["baseline"] == 1  # a single active window
    busy_usual = [d * DAY for d in range(0, 6) for _ in range(2)] + [9 * DAY] * 9
    assert an.referral_bursts(an.build_graph(referrals("r", busy_usual))) == []  # 9 < 5 x 2


def test_a_dormant_chain_of_four_accounts():
    G = tree(("h", None), ("a", "h"), ("b", "a"), ("c", "b"))
    (signal,) = an.dormant_chains(G)
    assert signal["id"] == "dormant_chain:h:4"
    assert signal["user_ids"] == ["a", "b", "c", "h"]
    assert signal["evidence"] == {"chain": ["h", "a", "b", "c"], "length": 4}


def test_chains_of_three_branching_or_with_a_sale_are_not_dormant_chains():
    assert an.dormant_chains(tree(("h", None), ("a", "h"), ("b", "a"))) == []
    fork = tree(("h", None), ("a", "h"), ("b", "a"), ("c", "a"), ("d", "c"))
    assert an.dormant_chains(fork) == []  # h-a, then a refers two
    chain = [user("h"), user("a", "h", ["Merchant"]), user("b", "a"), user("c", "b"), user("d", "c")]
    assert an.dormant_chains(an.build_graph(chain, fee_totals=[fees("a", "2026-10", 5)])) == []
    bought_once = an.build_graph(chain, purchases=[bought("b", "a", 1)])
    assert an.dormant_chains(bought_once) == []
    assert len(an.dormant_chains(an.build_graph(chain))) == 1  # the same chain, dormant


def test_a_dormant_chain_starts_after_an_active_account():
    users = [user("s", None, ["Merchant"]), user("a", "s"), user("b", "a"), user("c", "b"),
             user("d", "c")]
    G = an.build_graph(users, fee_totals=[fees("s", "2026-10", 5)])
    (signal,) = an.dormant_chains(G)
    assert signal["evidence"]["chain"] == ["a", "b", "c", "d"]


def test_a_fork_ends_a_chain_and_a_new_one_starts_below_it():
    G = tree(("p", None), ("x", "p"), ("q", "x"), ("y", "x"), ("z", "y"), ("w", "z"), ("v", "w"))
    assert [s["evidence"]["chain"] for s in an.dormant_chains(G)] == [["y", "z", "w", "v"]]


def planted_network():
    users = [user("r", device_id="dev"), user("m", "r", ["Merchant"], device_id="dev"),
             user("h"), user("x1", "h"), user("x2", "x1"), user("x3", "x2")]
    return an.build_graph(users, purchases=[bought("r", "m", 4)])


def test_fraud_signals_gathers_all_kinds_sorted_and_routes_thresholds():
    G = planted_network()
    found = [(s["kind"], s["subject"]) for s in an.fraud_signals(G)]
    assert found == [("dormant_chain", "h"), ("self_dealing", "r"), ("self_dealing", "r"),
                     ("shared_fingerprint", "r")]
    found = [(s["kind"], s["subject"]) for s in an.fraud_signals(G, min_length=5, min_purchases=5)]
    assert found == [("self_dealing", "r"), ("shared_fingerprint", "r")]  # only the fingerprint one
    assert an.fraud_signals(G, min_purchases=5)[1]["evidence"]["reason"] == "shared_fingerprint"
    with pytest.raises(TypeError, match="thresold"):
        an.fraud_signals(G, thresold=1)


def test_signals_are_stable_and_change_nothing():
    G = planted_network()
    before = (copy.deepcopy(dict(G.nodes(data=True))), list(G.edges(data=True)), copy.deepcopy(G.graph))
    first = an.fraud_signals(G)
    assert an.fraud_signals(G) == first
    assert len({s["id"] for s in first}) == len(first)
    assert (dict(G.nodes(data=True)), list(G.edges(data=True)), G.graph) == before


# -- pictures ----------------------------------------------------------------

def neighbourhood_row(id, referrer=None, level=0, fees=0, direct=0, downline=None):
    return {"level": level, "fees": fees, "direct": direct, "downline": downline,
            "user": {"id": id, "name": id.upper(), "status": "active", "created_at": 0,
                     "referrer_id": referrer, "root": referrer is None, "labels": ["User"]}}


def test_build_neighbourhood_keeps_levels_counts_and_net_fees():
    G = an.build_neighbourhood([
        neighbourhood_row("r", level=-1, direct=1, downline=3),
        neighbourhood_row("a", "r", fees=70, direct=2),
        neighbourhood_row("c", "a", level=1), neighbourhood_row("d", "a", level=1, fees=-5)])
    assert sorted(G.edges) == [("a", "c"), ("a", "d"), ("r", "a")]
    assert dict(G.nodes(data="level")) == {"r": -1, "a": 0, "c": 1, "d": 1}
    assert (G.nodes["a"]["fees"], G.nodes["d"]["fees"], G.nodes["c"]["fees"]) == (70, -5, 0)
    assert (G.nodes["r"]["direct"], G.nodes["r"]["downline"], G.nodes["a"]["downline"]) == (1, 3, None)
    assert G.nodes["a"]["name"] == "A" and G.nodes["a"]["device_id"] is None
    assert an.build_neighbourhood([]).number_of_nodes() == 0


def test_tree_layout_centres_parents_and_keeps_nodes_apart():
    G = tree(*FAMILY)
    pos = an.tree_layout(G)
    assert pos.keys() == set(G)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in pos.values())
    assert len(set(pos.values())) == len(pos)
    for parent in G:
        children = sorted(G.succ[parent])
        if children:
            xs = [pos[c][0] for c in children]
            assert pos[parent][0] == pytest.approx((min(xs) + max(xs)) / 2)
            assert all(pos[c][1] > pos[parent][1] for c in children)
    assert [pos[v][1] for v in ("r", "a", "c", "f")] == [0, 1 / 3, 2 / 3, 1]
    # leaves in depth-first order, children by id; the tree of z to the right
    leaves = sorted((v for v in G if not G.succ[v]), key=lambda v: pos[v][0])
    assert leaves == ["f", "d", "e", "b", "z"]
    assert pos["z"] == (1.0, 0.0)


def test_tree_layout_of_a_neighbourhood_and_edge_cases():
    sub = tree(*FAMILY).subgraph(["c", "a", "r", "f"])  # c, two levels up, one down
    pos = an.tree_layout(sub)
    assert pos["r"][1] == 0 and pos["f"][1] == 1  # topmost node at the top
    assert an.tree_layout(nx.DiGraph()) == {}
    single = nx.DiGraph()
    single.add_node("u")
    assert an.tree_layout(single) == {"u": (0.5, 0.5)}
    unsorted = an.tree_layout(nx.DiGraph([("r", "b"), ("r", "a")]))
    assert unsorted["a"][0] < unsorted["b"][0]  # children by id, not by insertion
    rooted = an.tree_layout(nx.DiGraph([("p", "q"), ("s", "t")]), root="s")
    assert rooted["s"][0] < rooted["p"][0]  # the given root's tree comes first


def test_long_chains_need_no_recursion():
    n = 50_000
    G = an.build_graph([user(f"u{i:05d}", f"u{i - 1:05d}" if i else None) for i in range(n)])
    assert an.summary(G)["max_depth"] == n - 1
    assert an.downline_sizes(G)["u00000"] == n - 1
    assert len(an.upline(G, f"u{n - 1:05d}")) == n - 1
    assert an.top_referrers(G, "downline", 1)[0]["value"] == n - 1
    assert an.pagerank(G)["u00000"] > an.pagerank(G)[f"u{n - 1:05d}"]
    pos = an.tree_layout(G)
    assert pos["u00000"] == (0.5, 0.0) and pos[f"u{n - 1:05d}"] == (0.5, 1.0)
    assert an.dormant_chains(G)[0]["evidence"]["length"] == n
