"""``refgraph db copy``: a demo database with every kind of data, copied from
the embedded FalkorDB to Neo4j (and to a second FalkorDB graph), compared
count by count, property by property and through the API; interrupted and
resumed; refused where it would go wrong."""

import os
import re
import subprocess
import sys

import pytest

from api import create_app
from graph import copy as graph_copy
from graph import demo
from graph.errors import Refused
from graph.falkordb_backend import FalkorDBBackend
from graph.maintenance import counts, heartbeat, now_ms, wipe
from graph.registry import Registry
from graph.store import analytics, cards, keys, rewards, webhooks

DAY = 86_400_000
FAR = 4_102_444_800_000


@pytest.fixture(scope="module")
def falkordb_target(falkordb_backend):
    """A second graph on the embedded server: another FalkorDB database."""
    server = falkordb_backend.server
    backend = FalkorDBBackend(Registry("falkordb"), graph_name="refgraph_copy_target",
                              unix_socket_path=str(server.socket_path), password=server.password)
    backend.apply_schema()
    yield backend
    backend.close()


@pytest.fixture(params=["neo4j", "falkordb"])
def target(request):
    backend = request.getfixturevalue(f"{request.param}_backend" if request.param == "neo4j"
                                      else "falkordb_target")
    wipe(backend)
    yield backend
    wipe(backend)


@pytest.fixture(scope="module")
def seeded(falkordb_backend, tmp_path_factory):
    """The embedded database with a small demo and API activity that leaves
    every label and relationship type refgraph creates; returns
    (operator key, facts about what was made)."""
    source = falkordb_backend
    wipe(source)
    world = demo.generate(300, periods=2, seed=11)
    demo.load(source, world)
    key, _ = keys.create(source, "operator", name="copy test")
    app = create_app({"TESTING": True, "GRAPH_BACKEND": source,
                      "PAYOUT_DIR": str(tmp_path_factory.mktemp("payouts")),
                      "WEBHOOK_ALLOW_PRIVATE": True})
    client = app.test_client()
    auth = {"Authorization": f"Bearer {key}"}

    def post(url, body, **headers):
        r = client.post(url, json=body, headers={**auth, **headers})
        assert r.status_code in (200, 201), (url, r.get_json())
        return r.get_json()

    for period in world.periods:
        post(f"/v1/rewards/runs/{period}", None)
    rewards.release(source, now=now_ms() + 30 * DAY)
    rich = max(source.read("ledger_cached_balances"), key=lambda row: row["cash_available"])
    assert rich["cash_available"] >= 2_000, "the demo should pay someone a withdrawable reward"
    post("/v1/withdrawals", {"id": "w-1", "user_id": rich["user_id"], "amount": 1_000})
    post("/v1/withdrawals", {"id": "w-2", "user_id": rich["user_id"], "amount": 1_000})
    post("/v1/withdrawals/w-1/approve", {})
    post("/v1/payouts/batches", {"id": "batch-1"})
    buyer = next(u["id"] for u in world.users if u["roles"] == ["buyer"])
    merchant = next(u["id"] for u in world.users if u["roles"] == ["merchant"])
    post("/v1/cards", {"user_id": buyer}, **{"Idempotency-Key": "card-1"})
    cards.issue_voucher(source, id="gift-1", owner_id=buyer, amount=2_000, expires_at=FAR)
    token = post(f"/v1/users/{buyer}/vouchers/redemptions",   # an operator for the holder
                 {"id": "consent-1", "voucher_ids": ["gift-1"], "max_amount": 1_500})["token"]
    post("/v1/sales", {"id": "sale-v", "merchant_id": merchant, "buyer_id": buyer,
                       "amount": 5_000, "currency": "CNY", "items": "tea",
                       "vouchers": [{"id": "gift-1", "amount": 1_500,
                                     "redemption_token": token}]})
    post("/v1/rules", {"rules": {"fee_bp": 450}, "note": "copy test"})
    post("/v1/institutions", {"id": "bank-a", "name": "Bank A",
                              "services": ["consumer_credit", "payouts"]})
    post("/v1/sales", {"id": "sale-f", "merchant_id": merchant, "buyer_id": buyer,
                       "amount": 5_000, "currency": "CNY",
                       "financing": {"institution_id": "bank-a", "amount": 4_000,
                                     "installments": 3}})
    from graph.rules import period_of
    from graph.statements import statement_csv

    month = period_of(now_ms(), "month")
    post("/v1/institutions/bank-a/reconciliations", {
        "id": "rec-1", "period": month, "statement": statement_csv("bank-a", month, [])})
    # webhooks (issue 16): an endpoint and its deliveries (the outbox is written throughout)
    post("/v1/webhooks", {"id": "wh-copy", "url": "http://127.0.0.1:9/hooks", "events": ["*"]})
    webhooks.dispatch(source)
    analytics.refresh(source)
    heartbeat(source)   # a process's heartbeat: not copied
    keys.create(source, "member", user_id=buyer)
    return key, {"buyer": buyer, "merchant": merchant, "rich": rich["user_id"],
                 "periods": world.periods, "deep": world.users[-1]["id"]}


@pytest.fixture
def source(falkordb_backend, seeded):
    return falkordb_backend


def typed(value):
    """``value`` with the type of every scalar made visible (1 != 1.0 here)."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def everything(backend):
    """Every row every copy read gives, labels sorted, types made visible."""
    rows = {}
    for step in graph_copy.STEPS:
        page = backend.read(f"{step.stem}_read", after=None, limit=1_000_000)
        for row in page:
            if "labels" in row:
                row["labels"] = sorted(row["labels"])
        rows[step.name] = typed([row for row in page if row.get("props") is not None])
    return rows


def test_the_source_has_every_label_and_type(source):
    nodes, rels = counts(source)
    assert {s.label for s in graph_copy.NODES} <= set(nodes)
    assert {x for s in graph_copy.NODES for x in s.also} <= set(nodes)
    assert {s.type for s in graph_copy.RELATIONSHIPS} == set(rels)
    assert graph_copy.survey(source)[2] == []


def test_copy_keeps_everything_and_its_types(source, target):
    calls = []
    report = graph_copy.copy(source, target, batch=97,
                             progress=lambda *args: calls.append(args))
    assert report["ok"], report
    assert report["differences"] == {} and report["ledger"] == []
    assert report["copied"] == sum(report["nodes"][s.label] for s in graph_copy.NODES) + \
        sum(report["relationships"].values())
    assert report["left_out"] == {"Heartbeat": 1}
    assert calls[-1] == ("verify", calls[-1][2], calls[-1][2])
    assert [c[1] for c in calls] == sorted(c[1] for c in calls)   # progress only grows
    assert everything(target) == everything(source)
    assert target.read_one("copy_marker_get", id=graph_copy.MARKER) is None
    # the shapes the copy must keep: lists, floats, JSON text, booleans
    user = next(r for r in everything(target)["User"] if "an_pagerank" in r["props"])
    assert user["props"]["an_pagerank"][0] == "float"
    card = everything(target)["Card"][0]["props"]
    assert len(card["voucher_ids"]) > 1 and card["voucher_ids"][0][0] == "str"
    assert everything(target)["RuleSet"][-1]["props"]["body"][0] == "str"   # JSON text


def test_the_api_answers_the_same_on_both(source, target, seeded):
    key, facts = seeded
    assert graph_copy.copy(source, target)["ok"]
    apps = [create_app({"TESTING": True, "GRAPH_BACKEND": b}) for b in (source, target)]
    clients = [app.test_client() for app in apps]
    headers = {"Authorization": f"Bearer {key}"}
    sale_id = source.read("copy_sale_read", after=None, limit=1)[0]["cursor"]
    period = facts["periods"][0]
    account = f"user:{facts['rich']}:available"
    urls = [
        "/v1/users?limit=100", f"/v1/users/{facts['buyer']}", f"/v1/users/{facts['rich']}",
        f"/v1/users/{facts['buyer']}/balances", f"/v1/users/{facts['rich']}/balances",
        f"/v1/users/{facts['deep']}/upline", "/v1/users/u0000000/downline?depth=3",
        "/v1/sales?limit=50", "/v1/sales/sale-v", f"/v1/sales/{sale_id}",
        "/v1/rewards/runs", f"/v1/rewards/runs/{period}", f"/v1/users/{facts['rich']}/rewards",
        f"/v1/ledger/accounts/{account}/entries", "/v1/ledger/check", "/v1/rules",
        "/v1/rules/history", "/v1/withdrawals", "/v1/withdrawals/w-1",
        f"/v1/users/{facts['buyer']}/cards",
        "/v1/analytics/summary",
    ]
    for url in urls:
        answers = [client.get(url, headers=headers) for client in clients]
        assert answers[0].status_code == 200, (url, answers[0].get_json())
        assert answers[1].status_code == 200, (url, answers[1].get_json())
        first, second = (answer.get_json() for answer in answers)
        if url.startswith("/v1/sales?"):
            # sale_list rows have no `items`, so SaleSchema prints the dict's
            # bound .items method (its address differs); /v1/sales/<id> has them
            for sale in first["items"] + second["items"]:
                sale.pop("items")
        assert first == second, url


def test_an_interrupted_copy_resumes_without_duplicates(source, target):
    class Stop(Exception):
        pass

    seen = []

    def stop_after_some(stage, done, total):
        seen.append(stage)
        if stage == "REFERRED" or len(seen) == 40:
            raise Stop

    with pytest.raises(Stop):
        graph_copy.copy(source, target, batch=50, progress=stop_after_some)
    marker = target.read_one("copy_marker_get", id=graph_copy.MARKER)["marker"]
    assert marker["step"] in [s.name for s in graph_copy.STEPS] and marker["cursor"]
    assert marker["source"] == graph_copy.describe(source)
    with pytest.raises(Refused, match="interrupted copy"):
        graph_copy.copy(target, source)   # the half-copied database is no source
    report = graph_copy.copy(source, target, batch=50)
    assert report["resumed"] and report["ok"], report
    assert report["copied"] < sum(report["nodes"].values()) + sum(report["relationships"].values())
    assert everything(target) == everything(source)
    assert target.read_one("copy_marker_get", id=graph_copy.MARKER) is None


def test_refusals(source, target, monkeypatch):
    with pytest.raises(Refused, match="same database"):
        graph_copy.copy(source, source)
    target.write("heartbeat_write", id="someone", at=1, by="x")   # a heartbeat is not data
    target.write("analytics_snapshot_save", at=1, body="{}", users=0, raised=[])
    before = counts(target)
    with pytest.raises(Refused, match=r"already holds data \(1 AnalyticsSnapshot\).*--force"):
        graph_copy.copy(source, target)
    assert counts(target) == before
    assert graph_copy.copy(source, target, force=True)["ok"]
    wipe(target)
    monkeypatch.setattr(graph_copy, "NODES", tuple(
        s for s in graph_copy.NODES if s.label != "PayoutBatch"))
    with pytest.raises(Refused, match=r"label PayoutBatch \(1 nodes\) is not copied.*nothing "
                                      "was written"):
        graph_copy.copy(source, target)
    assert counts(target)[0].keys() <= {"Heartbeat"}


# -- the command ---------------------------------------------------------------

def refgraph(tmp_path, *args, env=None):
    env = {**os.environ, "REFGRAPH_DATA_DIR": str(tmp_path / "var"), **(env or {})}
    env.pop("REFGRAPH_GRAPH_URL", None)
    return subprocess.run([sys.executable, "-c", "from api.cli import main; main()", *args],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          check=False)


def test_the_command_refuses_a_bad_target(tmp_path):
    result = refgraph(tmp_path, "db", "copy", "--to", "embedded")
    assert result.returncode == 1 and "the target must be a server" in result.stderr
    result = refgraph(tmp_path, "db", "copy", "--to", "bolt://127.0.0.1:1",
                      env={"REFGRAPH_NEO4J_PASSWORD": "x"})
    assert result.returncode == 1
    assert "Neo4j at bolt://127.0.0.1:1 is unreachable" in result.stderr
    result = refgraph(tmp_path, "db", "copy", "--to", "falkor://:secret@127.0.0.1:1")
    assert result.returncode == 1
    assert "cannot reach the target falkor://:***@127.0.0.1:1" in result.stderr
    assert "secret" not in result.stderr


def test_the_command_copies_the_demo_to_neo4j(tmp_path, neo4j_backend):
    wipe(neo4j_backend)
    assert refgraph(tmp_path, "demo", "seed", "--users", "200", "--periods", "1").returncode == 0
    env = {"REFGRAPH_NEO4J_PASSWORD": os.environ["NEO4J_PASSWORD"],
           "REFGRAPH_NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
           "REFGRAPH_NEO4J_DATABASE": os.environ.get("NEO4J_DATABASE", "neo4j")}
    url = os.environ["NEO4J_URI"]
    result = refgraph(tmp_path, "db", "copy", "--to", url, "--batch", "500", env=env)
    assert result.returncode == 0, result.stderr
    assert "counts equal on both sides; ledger clean on the target" in result.stderr
    users = re.search(r"^  User: +(\d+)$", result.stdout, re.MULTILINE)
    assert users and int(users.group(1)) == counts(neo4j_backend)[0]["User"] > 200
    assert "copying User" in result.stderr
    assert re.search(r"not copied: \d+ Heartbeat", result.stderr)
    again = refgraph(tmp_path, "db", "copy", "--to", url, env=env)
    assert again.returncode == 1 and "already holds data" in again.stderr
    assert "--force" in again.stderr
    wipe(neo4j_backend)
