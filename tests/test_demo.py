"""`refgraph demo seed` data: realistic, consistent, and seeded."""

from collections import Counter

from graph import demo
from graph.maintenance import counts, wipe
from graph.store import rewards, sales


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


def graph_dump(backend):
    """Every sale-related node and relationship, as stored (graph/copy.py's pages)."""
    stems = ["copy_sale", "copy_entry", "copy_fee_total", "copy_outbox_event", "copy_user",
             "copy_sold", "copy_bought", "copy_has_fees"]
    return {stem: sorted(repr(sorted((row["props"] or {}).items())) + repr(row.get("start_key"))
                         for row in backend.read(stem + "_read", after=None, limit=100_000))
            for stem in stems}


def test_bulk_demo_sales_leave_the_graph_the_business_statements_leave(graph_backend):
    # demo_sales_batch adds fee totals and points up in Python, once per
    # batch; the graph must be the one sale_record_batch leaves, sale by sale
    world = demo.generate(400, periods=2, seed=3)
    people = demo.World(users=world.users, periods=world.periods)
    one_by_one, bulk = {}, {}
    for how, dump in ((sales.record_sales, one_by_one), (sales.record_new_sales, bulk)):
        wipe(graph_backend)
        demo.load(graph_backend, people)
        # two batches, so that the second adds to fee totals the first created
        half = len(world.sales) // 2
        for part in (world.sales[:half], world.sales[half:]):
            how(graph_backend, part)
        dump.update(graph_dump(graph_backend))
    assert len(bulk["copy_sale"]) == len(world.sales)
    assert bulk == one_by_one


def test_bulk_demo_sales_fall_back_to_one_by_one_when_one_exists(graph_backend):
    world = demo.generate(200, periods=1, seed=4)
    demo.load(graph_backend, demo.World(users=world.users, periods=world.periods))
    first = world.sales[:10]
    assert sales.record_new_sales(graph_backend, first[:3]) == 3
    # three of these exist: the statement writes nothing, record_sales replays them
    assert sales.record_new_sales(graph_backend, first) == 7
    nodes, _ = counts(graph_backend)
    assert nodes["Sale"] == 10
    totals = graph_backend.read("copy_fee_total_read", after=None, limit=100)
    assert sum(row["props"]["sales"] for row in totals) == 10
