"""`refgraph demo seed` data: realistic, consistent, and seeded."""

from collections import Counter

from graph import demo
from graph.maintenance import counts
from graph.store import rewards


def test_generate_is_seeded_heavy_tailed_and_plants_abuse():
    now = 1_800_000_000_000
    world = demo.generate(3_000, seed=3, now=now)
    assert world == demo.generate(3_000, seed=3, now=now)          # same seed, same data
    assert world != demo.generate(3_000, seed=4, now=now)
    referrals = Counter(u["referrer_id"] for u in world.users if u["referrer_id"])
    top = referrals.most_common(10)
    assert top[0][1] > 20 * (sum(referrals.values()) / len(referrals))   # heavy tail
    roles = Counter(role for u in world.users for role in u["roles"])
    assert 0.07 < roles["merchant"] / len(world.users) < 0.13
    index = {u["id"]: u for u in world.users}
    for user in world.users:                 # only allowed referrers, no cycles
        if user["referrer_id"]:
            parent = index[user["referrer_id"]]
            assert parent["root"] or {"merchant", "cardholder"} & set(parent["roles"])
            assert parent["created_at"] < user["created_at"]
    assert set(world.planted) >= {"shared_phone", "burst_referrer", "chain", "self_dealer"}


def test_load_is_consistent_with_the_real_statements(graph_backend):
    world = demo.generate(1_000, periods=2, seed=5)
    demo.load(graph_backend, world)
    nodes, relationships = counts(graph_backend)
    assert nodes["User"] == len(world.users)
    assert relationships["REFERRED"] == len(world.users) - 1
    assert nodes["Sale"] == len(world.sales)
    lines = rewards.compute(graph_backend, world.periods[-1])
    assert lines and all(line.amount for line in lines)
    # the ledger check of the graph_backend fixture runs after this test
