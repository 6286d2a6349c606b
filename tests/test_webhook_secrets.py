"""Issue 27: webhook signing secrets are stored sealed under the master key,
never in plain text; those an older refgraph stored in plain text are sealed
at start-up and still sign (the receivers keep the secret they have)."""

import time
from pathlib import Path

import pytest
from conftest import INSTITUTION_KEY
from webhook_legacy import legacy

import graph
from api import create_app
from api.webhooks.payloads import render
from graph.rules import DEFAULT_RULES
from graph.store import keys, users, webhooks
from graph.webhooks import signing
from graph.webhooks.delivery import Deliverer, Settings
from graph.webhooks.sealing import PREFIX, Sealer, master_of

from webhook_receiver import Receiver

MASTER = master_of(None, INSTITUTION_KEY)
FAST = Settings(timeout=2.0, allow_private=True, backoff_seconds=0.01, backoff_cap_seconds=0.05)


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.close()


def stored(backend, endpoint_id):
    """Every property of the endpoint's node, as stored (what `db copy` reads)."""
    return next(r["props"] for r in backend.read("copy_webhook_endpoint_read", after=None,
                                                 limit=1_000) if r["cursor"] == endpoint_id)


def deliver_all(backend, receiver, count, master=MASTER):
    deliverer = Deliverer(backend, render, FAST, master=master)
    for _ in range(100):
        deliverer.run(1.0, until_idle=True, poll=0.02)
        if len(receiver.got()) >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"{len(receiver.got())} of {count} deliveries arrived")


def old_secret():
    return signing.new_secret()


def settled(data_dir):
    """Wait (a bounded number of polls) until the append-only files a rewrite
    made history are deleted: the server takes them off its manifest, then
    unlinks them in a background thread."""
    folder = next(Path(data_dir).rglob("appendonlydir"))
    for _ in range(400):
        manifest = next(folder.glob("*.manifest")).read_text().split()
        if {p.name for p in folder.iterdir() if not p.name.endswith(".manifest")} <= set(manifest):
            return
        time.sleep(0.05)
    raise AssertionError(f"{folder} still holds files its manifest does not name")


def test_an_older_refgraphs_plain_secrets_are_sealed_at_start_and_still_sign(
        graph_backend, receiver):
    g = graph_backend
    s0, s1, s2 = old_secret(), old_secret(), old_secret()
    with legacy(g) as old:                                  # as an older refgraph left them
        old.write("legacy_webhook_endpoint_create", id="old", url=receiver.url(),
                  events=["user.registered"], secret=s0, at=1)
        old.write("legacy_webhook_secret_rotate", id="old", secret=s1, at=2,
                  previous_until=4_102_444_800_000)
        old.write("legacy_webhook_endpoint_create", id="older", url=receiver.url("b"),
                  events=["user.registered"], secret=s2, at=1)
    assert [r["id"] for r in g.read("webhook_secrets_plaintext")] == ["old", "older"]

    app = create_app({"TESTING": True, "GRAPH_BACKEND": g, "INSTITUTION_KEY": INSTITUTION_KEY,
                      "WEBHOOK_ALLOW_PRIVATE": True})          # start-up seals them
    assert g.read("webhook_secrets_plaintext") == []
    for endpoint_id, plain in (("old", [s0, s1]), ("older", [s2])):
        props = stored(g, endpoint_id)
        assert props["secret"] == "" and props.get("previous_secret", "") == ""
        assert props["secret_sealed"].startswith(PREFIX + ".")
        assert not [s for s in plain if s in repr(props)]
    sealer = Sealer(MASTER)
    assert sealer.open("old", stored(g, "old")["secret_sealed"]) == s1
    assert sealer.open("old", stored(g, "old")["previous_secret_sealed"]) == s0
    assert webhooks.seal_plaintext_secrets(g, MASTER) == 0     # idempotent: nothing left
    create_app({"TESTING": True, "GRAPH_BACKEND": g, "INSTITUTION_KEY": INSTITUTION_KEY})

    # the receivers keep the secrets they have: the current one and, in its
    # grace, the previous one still sign
    users.register(g, id="root", name="Root", roles=[], rules=DEFAULT_RULES, root=True)
    deliver_all(g, receiver, 1)
    assert receiver.wait_for(lambda: len(receiver.got("b")) == 1)
    [request] = receiver.got()
    header = request["headers"]["X-Refgraph-Signature"]
    assert signing.verify(s1, header, request["raw"]) and signing.verify(s0, header, request["raw"])
    [request] = receiver.got("b")
    assert signing.verify(s2, request["headers"]["X-Refgraph-Signature"], request["raw"])

    # a rotation after the upgrade: the new secret shown once, the sealed s1 the previous
    operator_key, _ = keys.create(g, "operator")
    r = app.test_client().post("/v1/webhooks/old/rotate-secret",
                               headers={"Authorization": f"Bearer {operator_key}"})
    assert r.status_code == 200, r.get_json()
    s3 = r.get_json()["secret"]
    assert sealer.open("old", stored(g, "old")["secret_sealed"]) == s3
    assert sealer.open("old", stored(g, "old")["previous_secret_sealed"]) == s1


def test_a_rotation_seals_a_plain_secret_left_since_start_first(graph_backend):
    """An older process still running wrote a plain secret after this one
    started: rotating it keeps the plain one signing during the grace, sealed."""
    g = graph_backend
    s0 = old_secret()
    with legacy(g) as old:
        old.write("legacy_webhook_endpoint_create", id="late", url="https://a.example/",
                  events=["*"], secret=s0, at=1)
    _, s1 = webhooks.rotate_secret(g, "late", master=MASTER)
    props = stored(g, "late")
    assert s0 not in repr(props) and s1 not in repr(props)
    assert Sealer(MASTER).open("late", props["previous_secret_sealed"]) == s0
    assert Sealer(MASTER).open("late", props["secret_sealed"]) == s1


def test_the_seal_is_checked_against_a_rotation_in_between(graph_backend):
    """Read, then rotated by someone else, then sealed: the stale seal is
    not written (the statement checks the version it read)."""
    g = graph_backend
    with legacy(g) as old:
        old.write("legacy_webhook_endpoint_create", id="race", url="https://a.example/",
                  events=["*"], secret=old_secret(), at=1)
    [row] = g.read("webhook_secrets_plaintext")
    stale = [{"id": "race", "version": row["version"],
              "secret_sealed": Sealer(MASTER).seal("race", row["secret"]),
              "previous_secret_sealed": None}]
    with legacy(g) as old:
        old.write("legacy_webhook_secret_rotate", id="race", secret=old_secret(), at=5,
                  previous_until=10)
    assert g.write_one("webhook_secrets_seal", endpoints=stale) == {"sealed": 0}
    assert webhooks.seal_plaintext_secrets(g, MASTER) == 1
    assert g.read("webhook_secrets_plaintext") == []


def test_another_master_key_says_so_on_the_delivery_and_sends_nothing(graph_backend,
                                                                      receiver):
    g = graph_backend
    webhooks.create_endpoint(g, id="shop", url=receiver.url(), events=["user.registered"],
                             allow_private=True, master=MASTER)
    users.register(g, id="root", name="Root", roles=[], rules=DEFAULT_RULES, root=True)
    other = Deliverer(g, render, Settings(timeout=1.0, allow_private=True, backoff_seconds=600),
                      master=b"another master key, 32 bytes long!")
    for _ in range(50):
        other.run(1.0, until_idle=True, poll=0.02)
        if webhooks.list_deliveries(g, "shop")[0]["attempts"]:
            break
    [delivery] = webhooks.list_deliveries(g, "shop")
    assert "was sealed under master key" in delivery["last_error"]
    assert "REFGRAPH_INSTITUTION_KEY" in delivery["last_error"]
    assert receiver.got() == []


def test_no_secret_is_readable_in_the_data_directory(tmp_path, receiver):
    """Create an endpoint, rotate its secret, upgrade one left in plain text
    by an older refgraph: no secret, whole or without its prefix, is in any
    file under the embedded database's folder (append-only files, snapshot,
    logs), and deliveries are signed with the secrets shown."""
    data_dir = tmp_path / "var"
    backend = graph.open_backend({"GRAPH_URL": "embedded", "DATA_DIR": str(data_dir)})
    try:
        legacy_secret = old_secret()
        with legacy(backend) as old:
            old.write("legacy_webhook_endpoint_create", id="old", url=receiver.url("old"),
                      events=["user.registered"], secret=legacy_secret, at=1)
        config = {"TESTING": True, "GRAPH_BACKEND": backend, "WEBHOOK_ALLOW_PRIVATE": True}
        app = create_app(config)                 # seals "old", rewrites the append-only file
        assert backend.server.wait_for_rewrite()
        operator_key, _ = keys.create(backend, "operator")
        client = app.test_client()
        auth = {"Authorization": f"Bearer {operator_key}"}
        r = client.post("/v1/webhooks", headers=auth, json={
            "id": "shop", "url": receiver.url(), "events": ["user.registered"]})
        assert r.status_code == 201, r.get_json()
        first = r.get_json()["secret"]
        r = client.post("/v1/webhooks/shop/rotate-secret", headers=auth)
        assert r.status_code == 200, r.get_json()
        second = r.get_json()["secret"]
        users.register(backend, id="root", name="Root", roles=[], rules=DEFAULT_RULES,
                       root=True)
        deliver_all(backend, receiver, 1, master=None)   # the key file, as the app's
        assert receiver.wait_for(lambda: len(receiver.got("old")) == 1)
        [request] = receiver.got()
        header = request["headers"]["X-Refgraph-Signature"]
        assert signing.verify(second, header, request["raw"])
        assert signing.verify(first, header, request["raw"])
        [request] = receiver.got("old")
        assert signing.verify(legacy_secret, request["headers"]["X-Refgraph-Signature"],
                              request["raw"])
        with backend.server.client() as conn:
            conn.save()                          # a snapshot too (appendfsync is always)
        settled(data_dir)
        found = {}
        for secret in (first, second, legacy_secret):
            token = secret.removeprefix(signing.SECRET_PREFIX).encode()
            for path in Path(data_dir).rglob("*"):
                if path.is_file() and token in path.read_bytes():
                    found.setdefault(secret, []).append(str(path.relative_to(data_dir)))
        assert found == {}
        assert any(Path(data_dir).rglob("*.aof")) and any(Path(data_dir).rglob("*.rdb"))
    finally:
        backend.close()
