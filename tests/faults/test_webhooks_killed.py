"""Webhooks when processes die (issue 16), with real processes.

* `refgraph worker` killed (SIGKILL) while a request to the receiver is in
  flight: a new worker sends it again once its claim has run out, so the
  receiver sees the same event id twice and nothing is lost.
* A process writing sales, refunds and registrations killed at a random
  moment, on both backends (on the embedded one its database dies with it:
  it is the database's parent): every change has its outbox event and every
  event its change, because both are written by one statement.
"""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

import graph
from graph.maintenance import wipe
from graph.rules import DEFAULT_RULES
from graph.store import users, webhooks

from test_embedded import wait_dead
from test_processes import start
from webhook_receiver import Receiver

EMBEDDED = {"GRAPH_URL": "embedded"}


@pytest.fixture
def receiver():
    running = Receiver(hold_limit=60)
    yield running
    running.close()


def kill(process):
    process.send_signal(signal.SIGKILL)
    process.wait(30)


@pytest.mark.slow
def test_a_worker_killed_mid_delivery_delivers_again_and_loses_nothing(tmp_path, receiver):
    backend = graph.open_backend({**EMBEDDED, "DATA_DIR": str(tmp_path / "var")})
    try:
        receiver.script("shop", "hold", 200)        # the first request hangs until released
        endpoint, _, _ = webhooks.create_endpoint(backend, id="shop", url=receiver.url(),
                                                  events=["*"], allow_private=True)
        for n in range(3):
            users.register(backend, id=f"u{n}", name="U", roles=[], rules=DEFAULT_RULES,
                           root=True)
        env = {"REFGRAPH_WEBHOOK_ALLOW_PRIVATE": "true", "REFGRAPH_WEBHOOK_TIMEOUT": "1",
               "REFGRAPH_WEBHOOK_PER_ENDPOINT": "1"}
        with open(tmp_path / "worker.log", "a") as log:
            worker = start(tmp_path, "worker", env=env, output=log)
        try:
            assert receiver.holding.wait(60), (tmp_path / "worker.log").read_text()
            first = receiver.got()[0]["body"]["id"]
        finally:
            kill(worker)                              # mid-request: its answer never comes
        receiver.release()
        with open(tmp_path / "worker.log", "a") as log:
            worker = start(tmp_path, "worker", env=env, output=log)
        try:
            assert receiver.wait_for(lambda: all(
                d["status"] == "delivered"
                for d in webhooks.list_deliveries(backend, endpoint["id"])), timeout=120), \
                (tmp_path / "worker.log").read_text()
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(60)
        ids = [r["body"]["id"] for r in receiver.got()]
        assert ids.count(first) == 2                  # sent again, same event id
        assert set(ids) == {f"user.registered:u{n}:1" for n in range(3)}   # nothing lost
        again = [r for r in receiver.got() if r["body"]["id"] == first]
        assert again[0]["raw"] == again[1]["raw"]     # the very same event
        assert [r["headers"]["X-Refgraph-Delivery-Attempt"] for r in again] == ["1", "2"]
    finally:
        backend.close()


WRITER = r"""
import json, os, sys
import graph
from graph.rules import DEFAULT_RULES
from graph.store import sales, users
config = json.loads(os.environ["WRITER_CONFIG"])
backend = graph.open_backend(config)
users.register(backend, id="shop", name="Shop", roles=["merchant"], rules=DEFAULT_RULES,
               root=True)
print("ready", flush=True)
n = 0
while True:
    users.register(backend, id=f"b{n}", name="B", roles=["buyer"], rules=DEFAULT_RULES,
                   referrer_id="shop")
    sales.record_sale(backend, id=f"s{n}", merchant_id="shop", buyer_id=f"b{n}",
                      amount=1_000 + n, currency="CNY", rules=DEFAULT_RULES)
    sales.record_refund(backend, id=f"r{n}", sale_id=f"s{n}", amount=100, rules=DEFAULT_RULES)
    print("done", n, flush=True)
    n += 1
"""


def outbox_pairs(backend, label, key, event_type):
    """(ids of the label's nodes, resource ids of its events of that type)."""
    def every(step):
        rows, after = [], None
        while True:
            page = backend.read(f"copy_{step}_read", after=after, limit=1_000)
            if not page:
                return rows
            rows += [row["props"] for row in page]
            after = page[-1]["cursor"]
    nodes = [props[key] for props in every(label)]
    events = [props for props in every("outbox_event") if props["event_type"] == event_type]
    return nodes, events


BACKENDS = [pytest.param("embedded", id="falkordb"),
            pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j)]


@pytest.mark.slow
@pytest.mark.parametrize("backend_name", BACKENDS)
def test_a_writer_killed_between_statements_leaves_no_orphan_and_no_missing_event(
        tmp_path, backend_name, request):
    if backend_name == "embedded":
        config = {**EMBEDDED, "DATA_DIR": str(tmp_path / "var")}
    else:
        neo4j = request.getfixturevalue("neo4j_backend")
        wipe(neo4j)
        config = {"GRAPH_URL": os.environ["NEO4J_URI"],
                  "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
                  "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", ""),
                  "NEO4J_DATABASE": os.environ.get("NEO4J_DATABASE", "neo4j")}
    import json

    writer = subprocess.Popen([sys.executable, "-c", WRITER], cwd=tmp_path, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env={**os.environ, "WRITER_CONFIG": json.dumps(config)})
    database = None
    try:
        assert writer.stdout.readline().strip() == "ready"
        rounds = random.Random().randint(15, 40)
        for _ in range(rounds):
            line = writer.stdout.readline()
            assert line.startswith("done"), line
        # somewhere in the middle of the next round (a statement may be in flight)
        time.sleep(random.Random().random() * 0.05)
        # the embedded database dies with the writer (its parent): its pid is read
        # now, as its pid file goes when it is gone (tests/faults/test_api_and_clients.py)
        pid_file = tmp_path / "var" / "falkordb.pid"
        database = int(pid_file.read_text()) if backend_name == "embedded" else None
    finally:
        kill(writer)
    if database is not None:
        assert wait_dead(database), "the embedded database outlived the writer"
    backend = graph.open_backend(config)
    try:
        for label, key, event_type in (("user", "id", "user.registered"),
                                       ("sale", "id", "sale.recorded"),
                                       ("refund", "id", "refund.recorded")):
            nodes, events = outbox_pairs(backend, label, key, event_type)
            assert sorted(nodes) == sorted(e["event_resource_id"] for e in events), label
            assert len(events) == len({e["event_id"] for e in events})
            assert len(nodes) >= (rounds if label != "user" else rounds + 1)
        sold, sale_events = outbox_pairs(backend, "sale", "id", "sale.recorded")
        refunded = {e["sale_id"] for e in outbox_pairs(backend, "refund", "id",
                                                       "refund.recorded")[1]}
        assert all(e["refunded_amount"] == 0 for e in sale_events)   # as it was when recorded
        assert refunded <= set(sold)
    finally:
        if backend_name == "neo4j":
            wipe(backend)
        backend.close()
