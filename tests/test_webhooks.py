"""Webhooks (issue 16) with a real HTTP receiver on 127.0.0.1, on both backends.

The delivery loop (:class:`graph.webhooks.delivery.Deliverer`, what
``refgraph worker`` runs) is run in the test's process; the worker killed
mid-delivery is in tests/faults/test_webhooks_killed.py."""

import json
import time
from collections import defaultdict

import pytest
from conftest import INSTITUTION_KEY

from api.webhooks.payloads import SCHEMAS, data_of
from graph.errors import Refused
from graph.rules import DEFAULT_RULES
from graph.store import ledger, rewards, sales, users, webhooks
from graph.store import withdrawals as wd
from graph.vocabulary import EVENT_TYPES
from graph.webhooks import signing
from graph.webhooks.delivery import Deliverer, Settings
from graph.webhooks.events import PREFIX
from graph.webhooks.retry import delay_ms
from graph.webhooks.sealing import master_of

from test_rewards import AFTER_NOV, DAY, build_example
from webhook_receiver import Receiver

FAST = Settings(timeout=2.0, allow_private=True, backoff_seconds=0.01, backoff_cap_seconds=0.05)
#: the master key the tests' apps seal secrets under (conftest's INSTITUTION_KEY)
MASTER = master_of(None, INSTITUTION_KEY)


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.close()


@pytest.fixture
def hooks(app):
    """The app, allowed to send to 127.0.0.1 (the receiver)."""
    app.config["WEBHOOK_ALLOW_PRIVATE"] = True
    return app


def subscribe(operator, url, events=("*",), id=None, status=201):
    r = operator.post("/v1/webhooks", json={"url": url, "events": list(events),
                                            **({"id": id} if id else {})})
    assert r.status_code == status, r.get_json()
    return r.get_json()


def deliver(backend, until, settings=FAST, rounds=200):
    """Run the delivery loop until ``until()`` holds (a bounded number of rounds)."""
    from api.webhooks.payloads import render

    deliverer = Deliverer(backend, render, settings, master=MASTER)
    for _ in range(rounds):
        deliverer.run(1.0, until_idle=True, poll=0.02)
        if until():
            return deliverer.counts
        time.sleep(0.02)
    raise AssertionError(f"not done after {rounds} rounds: {dict(deliverer.counts)}")


def verified(request, secret):
    return signing.verify(secret, request["headers"]["X-Refgraph-Signature"], request["raw"])


# -- the story -------------------------------------------------------------------

def test_the_story_produces_its_events_in_order_per_resource_signed(hooks, operator,
                                                                    graph_backend, receiver):
    endpoint = subscribe(operator, receiver.url())
    secret = endpoint["secret"]
    g = build_example(graph_backend)        # registrations, a card, sales, refunds
    rewards.run(g, "2026-10", now=AFTER_NOV)
    rewards.release(g, now=AFTER_NOV + 8 * DAY)
    assert operator.post("/v1/rules", json={"rules": {"min_withdrawal": 100}}).status_code == 201
    r = operator.post("/v1/withdrawals", json={"id": "w1", "user_id": "carol", "amount": 200})
    assert r.status_code == 201, r.get_json()
    assert operator.post("/v1/withdrawals/w1/approve", json={}).status_code == 200
    wd.create_batch(g, "b1")
    paid = wd.transition(g, "w1", "paid", rules=DEFAULT_RULES, reference="bank-1")
    assert operator.put("/v1/users/ben/status", json={"status": "suspended"}).status_code == 200
    assert operator.put("/v1/users/ben/status", json={"status": "suspended"}).status_code == 200
    # a refused and a replayed request write no event
    assert operator.post("/v1/withdrawals", json={"id": "w2", "user_id": "carol",
                                                  "amount": 10**9}).status_code == 409
    replay = operator.post("/v1/withdrawals", json={"id": "w1", "user_id": "carol",
                                                    "amount": 200})
    assert replay.headers["Idempotent-Replayed"] == "true"

    expected = {"user.registered": 9, "card.purchased": 1, "sale.recorded": 5,
                "refund.recorded": 2, "reward.credited": 2, "reward_run.completed": 1,
                "reward.released": 2, "withdrawal.requested": 1, "withdrawal.approved": 1,
                "withdrawal.paid": 1, "user.status_changed": 1}
    total = sum(expected.values())
    deliver(g, lambda: len(receiver.got()) >= total)
    got = receiver.got()
    assert len(got) == total                                    # nothing twice, nothing more
    counted = defaultdict(int)
    for request in got:
        counted[request["body"]["type"]] += 1
        assert verified(request, secret)
        assert request["headers"]["X-Refgraph-Event-Id"] == request["body"]["id"]
    assert dict(counted) == expected
    # per resource: seq 1, 2, ... in the order things happened
    by_resource = defaultdict(list)
    for body in sorted((r["body"] for r in got), key=lambda b: b["resource"]["seq"]):
        by_resource[(body["resource"]["type"], body["resource"]["id"])].append(
            (body["resource"]["seq"], body["type"]))
    assert by_resource[("withdrawal", "w1")] == [
        (1, "withdrawal.requested"), (2, "withdrawal.approved"), (3, "withdrawal.paid")]
    assert by_resource[("user", "ben")] == [(1, "user.registered"), (2, "user.status_changed")]
    assert by_resource[("reward_line", "2026-10|carol|1")] == [
        (1, "reward.credited"), (2, "reward.released")]
    # exactly as it happened: what the API answers for that resource at that moment
    body = {b["type"]: b for b in receiver.events() if b["resource"]["id"] == "w1"}
    assert body["withdrawal.paid"]["data"] == json.loads(json.dumps(paid))
    assert body["withdrawal.requested"]["data"]["status"] == "requested"
    sale = {b["resource"]["id"]: b for b in receiver.events() if b["type"] == "sale.recorded"}
    api_sale = operator.get("/v1/sales/s2").get_json()
    assert sale["s2"]["data"] == {**api_sale, "refunded_amount": 0, "refunded_fee": 0,
                                  "refunded_points": 0}      # before its refund
    refund = next(b for b in receiver.events() if b["resource"]["id"] == "r2")
    assert refund["data"] == operator.get("/v1/sales/s2/refunds").get_json()["items"][0]
    carol = next(b for b in receiver.events() if b["resource"]["id"] == "carol"
                 and b["type"] == "user.registered")
    assert carol["data"]["referrer_id"] == "platform" and carol["data"]["roles"] == ["buyer"]
    run = next(b for b in receiver.events() if b["type"] == "reward_run.completed")
    assert run["data"] == operator.get("/v1/rewards/runs/2026-10").get_json()
    line = next(b for b in receiver.events() if b["type"] == "reward.credited")
    assert line["data"]["merchants"] and line["data"]["status"] == "pending"
    health = operator.get(f"/v1/webhooks/{endpoint['id']}").get_json()
    assert health["deliveries"] == {"pending": 0, "delivered": total, "failed": 0}
    assert health["last_success_at"] and health["consecutive_failures"] == 0


def test_a_receiver_answering_500_twice_then_200_gets_three_attempts(hooks, operator,
                                                                     graph_backend, receiver):
    receiver.script("flaky", 500, 500, 200)
    endpoint = subscribe(operator, receiver.url("flaky"), events=["user.registered"])
    users.register(graph_backend, id="root", name="Root", roles=[], rules=DEFAULT_RULES,
                   root=True)
    deliver(graph_backend, lambda: receiver.got("flaky")
            and receiver.got("flaky")[-1]["body"] and len(receiver.got("flaky")) >= 3
            and webhooks.list_deliveries(graph_backend, endpoint["id"])[0]["status"]
            == "delivered")
    got = receiver.got("flaky")
    assert len(got) == 3
    assert {r["body"]["id"] for r in got} == {"user.registered:root:1"}  # one event, 3 tries
    assert [r["headers"]["X-Refgraph-Delivery-Attempt"] for r in got] == ["1", "2", "3"]
    [delivery] = operator.get(f"/v1/webhooks/{endpoint['id']}/deliveries").get_json()["items"]
    assert (delivery["status"], delivery["attempts"], delivery["last_code"],
            delivery["last_error"], delivery["next_at"]) == ("delivered", 3, 200, None, None)
    assert delivery["last_at"] >= delivery["created_at"]


def test_a_disabled_endpoint_receives_nothing(hooks, operator, graph_backend, receiver):
    on = subscribe(operator, receiver.url("on"))
    off = subscribe(operator, receiver.url("off"))
    r = operator.patch(f"/v1/webhooks/{off['id']}", json={"enabled": False, "reason": "paused"})
    assert r.status_code == 200 and r.get_json()["status"] == "disabled"
    assert r.get_json()["disabled_reason"] == "paused"
    users.register(graph_backend, id="root", name="Root", roles=[], rules=DEFAULT_RULES,
                   root=True)
    deliver(graph_backend, lambda: len(receiver.got("on")) == 1)
    assert receiver.got("off") == []
    assert operator.get(f"/v1/webhooks/{off['id']}").get_json()["deliveries"] == {
        "pending": 0, "delivered": 0, "failed": 0}
    # enabled again, it hears what happens from then on
    assert operator.patch(f"/v1/webhooks/{off['id']}", json={"enabled": True}).get_json()[
        "disabled_reason"] is None
    users.register(graph_backend, id="shop", name="Shop", roles=["merchant"], root=True,
                   rules=DEFAULT_RULES)
    deliver(graph_backend, lambda: len(receiver.got("off")) == 1)
    assert [b["resource"]["id"] for b in receiver.events("off")] == ["shop"]
    assert on["id"] != off["id"]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/hooks", "http://localhost:9/hooks", "http://10.1.2.3/hooks",
    "http://192.168.0.10/hooks", "http://169.254.169.254/latest/meta-data",
    "http://[::1]:9/hooks", "http://[fe80::1]/hooks", "http://0.0.0.0/hooks",
])
def test_a_private_address_is_refused_without_the_setting(operator, url):
    r = operator.post("/v1/webhooks", json={"url": url, "events": ["*"]})
    assert r.status_code == 422, r.get_json()
    body = r.get_json()
    assert body["code"] == "url_refused" and "url" in body["errors"]
    assert "WEBHOOK_ALLOW_PRIVATE" in body["message"]
    assert operator.get("/v1/webhooks").get_json()["items"] == []


@pytest.mark.parametrize("url, says", [
    ("ftp://shop.example/hooks", "https:// or http://"),
    ("https://user:pw@shop.example/", "user name or password"),
    ("https:///nohost", "no host"),
    ("http://" + "a" * 64 + ".example/hooks", "does not resolve"),   # refused before DNS
])
def test_a_url_that_is_not_a_public_http_url_is_refused(operator, url, says):
    r = operator.post("/v1/webhooks", json={"url": url, "events": ["*"]})
    assert r.status_code == 422 and says in r.get_json()["message"], r.get_json()


def test_a_private_address_is_not_sent_to_at_delivery_time_either(hooks, operator,
                                                                  graph_backend, receiver):
    """Allowed when the endpoint was made, not when it is delivered to (the
    setting was turned off, or a name now resolves elsewhere): nothing is sent."""
    endpoint = subscribe(operator, receiver.url())
    users.register(graph_backend, id="root", name="Root", roles=[], rules=DEFAULT_RULES,
                   root=True)
    strict = Settings(timeout=1.0, allow_private=False, backoff_seconds=60)
    deliver(graph_backend, lambda: webhooks.list_deliveries(
        graph_backend, endpoint["id"])[0]["attempts"] == 1, settings=strict)
    [delivery] = webhooks.list_deliveries(graph_backend, endpoint["id"])
    assert delivery["status"] == "pending" and delivery["last_code"] is None
    assert "loopback, private" in delivery["last_error"]
    assert receiver.got() == []


def test_given_up_after_the_retry_window_disables_the_endpoint(hooks, operator, graph_backend,
                                                              receiver):
    receiver.script("down", 500)
    endpoint = subscribe(operator, receiver.url("down"), events=["user.registered"])
    users.register(graph_backend, id="root", name="Root", roles=[], rules=DEFAULT_RULES,
                   root=True)
    hasty = Settings(timeout=1.0, allow_private=True, retry_hours=0.0)   # no retries at all
    deliver(graph_backend, lambda: operator.get(
        f"/v1/webhooks/{endpoint['id']}").get_json()["status"] == "disabled", settings=hasty)
    state = operator.get(f"/v1/webhooks/{endpoint['id']}").get_json()
    assert "no delivery succeeded for 0 hours" in state["disabled_reason"]
    assert "HTTP 500" in state["disabled_reason"]
    assert state["deliveries"] == {"pending": 0, "delivered": 0, "failed": 1}
    [delivery] = operator.get(f"/v1/webhooks/{endpoint['id']}/deliveries").get_json()["items"]
    assert len(delivery["last_error"]) <= 320                # the 100 kB answer, cut short
    # an operator enables it again and retries the failed delivery
    receiver.script("down", 200)
    assert operator.patch(f"/v1/webhooks/{endpoint['id']}",
                          json={"enabled": True}).get_json()["status"] == "enabled"
    r = operator.post(f"/v1/webhooks/{endpoint['id']}/deliveries/{delivery['id']}/retry")
    assert r.status_code == 200 and r.get_json()["status"] == "pending"
    deliver(graph_backend, lambda: webhooks.list_deliveries(
        graph_backend, endpoint["id"])[0]["status"] == "delivered")
    assert len(receiver.got("down")) == 2
    r = operator.post(f"/v1/webhooks/{endpoint['id']}/deliveries/nope/retry")
    assert r.status_code == 404


def test_redirects_are_not_followed_and_timeouts_are_short(hooks, operator, graph_backend,
                                                          receiver):
    receiver.script("moved", 302)
    receiver.script("slow", (3, 200))
    moved = subscribe(operator, receiver.url("moved"), events=["user.registered"])
    slow = subscribe(operator, receiver.url("slow"), events=["user.registered"])
    users.register(graph_backend, id="root", name="Root", roles=[], rules=DEFAULT_RULES,
                   root=True)
    settings = Settings(timeout=0.5, allow_private=True, backoff_seconds=600)
    deliver(graph_backend, lambda: all(webhooks.list_deliveries(graph_backend, e["id"])[0][
        "attempts"] == 1 and webhooks.list_deliveries(graph_backend, e["id"])[0]["last_at"]
        for e in (moved, slow)), settings=settings)
    [redirected] = webhooks.list_deliveries(graph_backend, moved["id"])
    assert redirected["last_code"] == 302 and "not followed" in redirected["last_error"]
    assert receiver.got("moved-moved") == []
    [timed_out] = webhooks.list_deliveries(graph_backend, slow["id"])
    assert timed_out["last_code"] is None and "timed out" in timed_out["last_error"]
    assert timed_out["status"] == "pending" and timed_out["next_at"] > timed_out["last_at"]


def test_a_slow_receiver_does_not_hold_up_the_others(hooks, operator, graph_backend, receiver):
    import threading

    from api.webhooks.payloads import render

    receiver.script("stuck", "hold")
    subscribe(operator, receiver.url("stuck"), events=["user.registered"])
    subscribe(operator, receiver.url("quick"), events=["user.registered"])
    for n in range(4):
        users.register(graph_backend, id=f"u{n}", name="U", roles=[], rules=DEFAULT_RULES,
                       root=True)
    settings = Settings(timeout=20.0, allow_private=True, concurrency=4, per_endpoint=2)
    loop = threading.Thread(target=Deliverer(graph_backend, render, settings, MASTER).run,
                            args=(60,),
                            kwargs={"until_idle": True, "poll": 0.02})
    loop.start()
    try:
        # the stuck receiver holds two requests (its share of the pool); the
        # quick one gets all four of its events meanwhile
        assert receiver.wait_for(lambda: len(receiver.got("quick")) == 4)
        assert len(receiver.got("stuck")) == 2
    finally:
        receiver.release()
        loop.join(120)
    assert not loop.is_alive()


def test_rotating_the_secret_signs_with_both_for_a_while(hooks, operator, graph_backend,
                                                          receiver):
    endpoint = subscribe(operator, receiver.url(), events=["user.registered"])
    r = operator.post(f"/v1/webhooks/{endpoint['id']}/rotate-secret")
    assert r.status_code == 200
    new = r.get_json()["secret"]
    assert new.startswith("whsec_") and new != endpoint["secret"]
    assert "secret" not in operator.get(f"/v1/webhooks/{endpoint['id']}").get_json()
    users.register(graph_backend, id="root", name="Root", roles=[], rules=DEFAULT_RULES,
                   root=True)
    deliver(graph_backend, lambda: len(receiver.got()) == 1)
    [request] = receiver.got()
    assert verified(request, new) and verified(request, endpoint["secret"])
    assert request["headers"]["X-Refgraph-Signature"].count("v1=") == 2
    assert not verified(request, "whsec_someone-else")
    tampered = {**request, "raw": request["raw"].replace(b"root", b"r00t")}
    assert not verified(tampered, new)


def test_the_test_event(hooks, operator, graph_backend, receiver):
    endpoint = subscribe(operator, receiver.url(), events=["sale.recorded"])
    r = operator.post(f"/v1/webhooks/{endpoint['id']}/test", json={"id": "ping-1"})
    assert r.status_code == 202 and r.get_json()["event_type"] == "webhook.test"
    again = operator.post(f"/v1/webhooks/{endpoint['id']}/test", json={"id": "ping-1"})
    assert again.status_code == 202 and again.headers["Idempotent-Replayed"] == "true"
    deliver(graph_backend, lambda: len(receiver.got()) == 1)
    [body] = receiver.events()
    assert (body["type"], body["data"]["endpoint_id"]) == ("webhook.test", endpoint["id"])
    assert operator.post("/v1/webhooks/none/test", json={}).status_code == 404


# -- the API ---------------------------------------------------------------------

def test_endpoints_crud_the_secret_once_and_the_audit_trail(hooks, operator, receiver):
    created = subscribe(operator, receiver.url(), events=["sale.recorded", "user.registered"],
                        id="shop-hooks")
    assert created["secret"].startswith("whsec_") and created["status"] == "enabled"
    assert created["events"] == ["sale.recorded", "user.registered"]
    replay = operator.post("/v1/webhooks", json={
        "id": "shop-hooks", "url": receiver.url(), "events": ["sale.recorded", "user.registered"]})
    assert replay.status_code == 201 and replay.headers["Idempotent-Replayed"] == "true"
    assert "secret" not in replay.get_json()                     # shown once
    conflict = operator.post("/v1/webhooks", json={"id": "shop-hooks", "url": receiver.url(),
                                                    "events": ["*"]})
    assert conflict.status_code == 409
    bad = operator.post("/v1/webhooks", json={"url": receiver.url(), "events": ["nope"]})
    assert bad.status_code == 422 and "events" in bad.get_json()["errors"]
    listed = operator.get("/v1/webhooks").get_json()["items"]
    assert [e["id"] for e in listed] == ["shop-hooks"] and "secret" not in listed[0]
    r = operator.patch("/v1/webhooks/shop-hooks", json={"events": ["*"], "description": "all"})
    assert r.status_code == 200 and r.get_json()["events"] == ["*"]
    assert operator.patch("/v1/webhooks/none", json={}).status_code == 404
    assert operator.delete("/v1/webhooks/shop-hooks").get_json()["events"] == ["*"]
    assert operator.get("/v1/webhooks/shop-hooks").status_code == 404
    assert operator.delete("/v1/webhooks/shop-hooks").status_code == 404
    trail = operator.get("/v1/audit?subject_id=shop-hooks").get_json()["items"]
    assert [e["action"] for e in trail] == ["webhook.deleted", "webhook.updated",
                                            "webhook.created"]
    assert "whsec_" not in json.dumps(trail)


def test_member_and_merchant_keys_cannot_touch_webhooks(hooks, make_caller, operator,
                                                        graph_backend):
    users.register(graph_backend, id="shop", name="Shop", roles=["merchant"], root=True,
                   rules=DEFAULT_RULES)
    for caller in (make_caller("merchant", "shop"), make_caller("member", "shop")):
        assert caller.get("/v1/webhooks").status_code == 403
        assert caller.post("/v1/webhooks", json={"url": "https://a.example/",
                                                 "events": ["*"]}).status_code == 403


# -- what an event holds ---------------------------------------------------------

def test_no_resource_field_is_named_like_an_event_field():
    """The event's own properties begin with ``event_`` on the outbox node; a
    resource field so named would be dropped from the event's data."""
    for schema in SCHEMAS.values():
        assert not [name for name in schema().fields if name.startswith(PREFIX)]


def test_every_statement_writes_its_event_once_and_only_on_a_change(example):
    g = example
    def events():
        return webhooks.outbox_status(g)["new_events"]
    before = events()
    for _ in range(2):                                         # created, then replayed
        users.register(g, id="dan", name="Dan", roles=["buyer"], rules=DEFAULT_RULES,
                       referrer_id="carol")
        sales.record_sale(g, id="s9", merchant_id="m1", amount=1_000, currency="CNY",
                          rules=DEFAULT_RULES, buyer_id="dan")
    assert events() == before + 2
    with pytest.raises(Refused):                               # refused: no event
        sales.record_sale(g, id="sX", merchant_id="nobody", amount=1, currency="CNY",
                          rules=DEFAULT_RULES)
    users.set_status(g, "ben", "active")                       # already active: no change
    assert events() == before + 2
    rewards.run(g, "2026-10", now=AFTER_NOV)
    after_run = events()
    assert after_run == before + 2 + 3                         # two lines and the run
    rewards.run(g, "2026-10", now=AFTER_NOV + DAY)             # a rerun tells nothing
    g.write("reward_run_finish", period="2026-10", at=AFTER_NOV + DAY)   # finished again
    assert events() == after_run
    rewards.release(g, now=AFTER_NOV + 8 * DAY)
    rewards.release(g, now=AFTER_NOV + 9 * DAY)
    assert events() == after_run + 2
    assert ledger.check(g) == []


def test_data_of_renders_as_the_api_does():
    node = {"event_id": "user.registered:u:1", "event_type": "user.registered",
            "event_resource": "user", "event_resource_id": "u", "event_seq": 1, "event_at": 1,
            "event_status": "new", "id": "u", "name": "U", "status": "active", "root": True,
            "created_at": 1, "referral_code": "ABC", "labels": ["User", "Buyer"]}
    assert data_of(node) == {"id": "u", "name": "U", "status": "active", "roles": ["buyer"],
                             "referral_code": "ABC", "referrer_id": None, "root": True,
                             "created_at": 1}
    assert set(EVENT_TYPES) >= {"voucher.expiring", "signal.raised"}
    assert delay_ms(1, base=0.01) <= 10


def test_the_readme_verification_example_accepts_what_refgraph_signs():
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    code = re.search(r"```python\n(import hashlib, hmac, time\n.*?)```", readme, re.S).group(1)
    assert len([line for line in code.splitlines() if line.strip()]) <= 10
    namespace = {}
    exec(code, namespace)
    verify = namespace["verify"]
    body, now = b'{"id":"e1"}', int(time.time())
    header = signing.header(["whsec_new", "whsec_old"], now, body)
    assert verify("whsec_new", header, body) and verify("whsec_old", header, body)
    assert not verify("whsec_other", header, body)
    assert not verify("whsec_new", header, body + b" ")
    assert not verify("whsec_new", signing.header(["whsec_new"], now - 301, body), body)


def test_an_endpoint_deleted_while_sending_is_no_error(graph_backend):
    g = graph_backend
    webhooks.create_endpoint(g, id="gone", url="http://127.0.0.1:9/", events=["*"],
                             allow_private=True, master=MASTER)
    users.register(g, id="root", name="Root", roles=[], rules=DEFAULT_RULES, root=True)
    webhooks.dispatch(g)
    [due] = webhooks.due(g, now=webhooks.now_ms() + 1, limit=10)
    [claimed] = webhooks.claim(g, [due["id"]], now=webhooks.now_ms() + 1, lease_ms=60_000,
                               claim_id="c1")
    webhooks.delete_endpoint(g, "gone")
    assert webhooks.finish(g, due["id"], "c1", ok=False, code=500, error="HTTP 500",
                           next_at=1, give_up=False, reason=None)["outcome"] == "lost_claim"
    assert webhooks.delivered(g, [{"id": due["id"], "claim": "c1", "code": 200}]) == 0
    assert claimed["event"]["event_id"] == "user.registered:root:1"


def test_the_worker_jobs_deliver_announce_and_prune(hooks, graph_backend, receiver):
    from graph.store import cards
    from graph.vocabulary import now_ms
    from jobs import webhooks as jobs

    g = graph_backend
    webhooks.create_endpoint(g, id="all", url=receiver.url(), events=["*"], allow_private=True,
                             master=MASTER)
    users.register(g, id="ann", name="Ann", roles=["buyer"], rules=DEFAULT_RULES, root=True)
    cards.issue_voucher(g, id="soon", owner_id="ann", amount=500,
                        expires_at=now_ms() + 3 * DAY)
    cards.issue_voucher(g, id="later", owner_id="ann", amount=500,
                        expires_at=now_ms() + 30 * DAY)
    jobs.announce_expiring_vouchers(hooks)
    jobs.announce_expiring_vouchers(hooks)                     # once per voucher and expiry
    jobs.deliver(hooks)                                        # the delivery thread
    jobs.deliver(hooks)                                        # already running: no second
    try:
        assert receiver.wait_for(lambda: len(receiver.got()) == 2)
    finally:
        jobs.stop(hooks)
    assert not hooks.extensions["refgraph.webhooks.thread"].is_alive()
    assert sorted(b["type"] for b in receiver.events()) == ["user.registered",
                                                            "voucher.expiring"]
    expiring = next(b for b in receiver.events() if b["type"] == "voucher.expiring")
    assert expiring["data"]["id"] == "soon" and expiring["data"]["remaining"] == 500
    hooks.config["WEBHOOK_RETENTION_DAYS"] = -1                # everything is old enough
    jobs.prune(hooks)
    assert webhooks.outbox_status(g) == {"new_events": 0, "oldest_new_at": None,
                                         "pending_deliveries": 0, "oldest_due_at": None}
    assert webhooks.list_deliveries(g, "all") == []
