"""The audit trail of operator actions, through the HTTP API on every backend:
each action leaves exactly one event with its actor, its subject and the
subject's fields before and after; a replayed request leaves none; the list
filters and pages; only operators read it.  The command line's actions are
events by ``cli`` and the OS user."""

import getpass
import json
import logging

import pytest

import graph
from api.audit import trail
from graph.errors import BackendUnavailable
from graph.maintenance import now_ms
from graph.rules import period_bounds, period_of
from graph.settlement import sign
from graph.store import audit, rewards

from test_cli import refgraph

DAY = 86_400_000
FAR = 4_102_444_800_000
PERIOD = period_of(now_ms(), "month")


def key_id(caller):
    """The id of a test caller's key (``rgk_<id>_<secret>``)."""
    return caller.headers["Authorization"].split()[1].split("_", 2)[1]


def trail_of(caller, **filters):
    """Every event the API lists with these filters, following next_cursor."""
    items, cursor = [], None
    while True:
        r = caller.get("/v1/audit", query_string={**filters, "cursor": cursor})
        assert r.status_code == 200, r.get_json()
        page = r.get_json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def one(caller, action, **filters):
    """The one event of ``action``; fails if there are none or several."""
    events = trail_of(caller, action=action, **filters)
    assert len(events) == 1, events
    return events[0]


def by_operator(caller):
    return {"type": "api_key", "id": key_id(caller), "role": "operator"}


@pytest.fixture
def world(operator, graph_backend, app, tmp_path):
    """platform (root) -> carol (card holder, 500.00 withdrawable) -> shop,
    ben; root2 (a root without referrer); withdrawals w-a, w-b, w-c asked
    for.  Nothing here is an audited action, so the trail starts empty."""
    app.config.update(PAYOUT_SECRET="shared-secret", PAYOUT_DIR=str(tmp_path / "payouts"))

    def post(url, body):
        r = operator.post(url, json=body)
        assert r.status_code == 201, r.get_json()

    post("/v1/users", {"id": "platform", "name": "P", "root": True, "roles": []})
    post("/v1/users", {"id": "root2", "name": "R2", "root": True, "roles": []})
    post("/v1/users", {"id": "carol", "name": "Carol", "referrer_id": "platform"})
    post("/v1/cards", {"id": "card-carol", "user_id": "carol"})
    post("/v1/users", {"id": "shop", "name": "Shop", "roles": ["merchant"],
                       "referrer_id": "carol"})
    post("/v1/users", {"id": "ben", "name": "Ben", "referrer_id": "carol"})
    post("/v1/sales", {"id": "s-big", "merchant_id": "shop", "amount": 10_000_000,
                       "currency": "CNY"})
    end = period_bounds(PERIOD)[1]
    rewards.run(graph_backend, PERIOD, now=end + 1)          # the worker's run: not audited
    rewards.release(graph_backend, now=end + 30 * DAY)
    for withdrawal in ("w-a", "w-b", "w-c"):
        post("/v1/withdrawals", {"id": withdrawal, "user_id": "carol", "amount": 1_000})
    assert trail_of(operator) == []
    return graph_backend


def test_a_rule_change_is_one_event_with_the_fields_it_changed(operator, world):
    body = {"rules": {"fee_bp": 300}, "effective_from": now_ms() + DAY, "note": "spring"}
    r = operator.post("/v1/rules", json=body, headers={"X-Request-Id": "req-rules-1"})
    assert r.status_code == 201
    version = r.get_json()["version"]
    event = one(operator, "rules.changed")
    assert event["subject"] == {"type": "rules", "id": str(version)}
    assert event["actor"] == by_operator(operator)
    assert event["request_id"] == "req-rules-1"
    assert event["before"] == {"version": 0, "rules": {"fee_bp": 500}}
    assert event["after"] == {"version": version, "effective_from": body["effective_from"],
                              "note": "spring", "rules": {"fee_bp": 300}}
    assert abs(event["at"] - now_ms()) < 60_000 and len(event["id"]) == 32
    # the same change sent again is a replay of the same version: no second event
    again = operator.post("/v1/rules", json=body, headers={"X-Request-Id": "req-rules-2"})
    assert again.get_json()["version"] == version
    assert len(trail_of(operator)) == 1


def test_withdrawal_decisions_batches_and_confirmations(operator, world, make_caller):
    other = make_caller("operator")
    assert operator.post("/v1/withdrawals/w-a/approve", json={"reason": "fine"}).status_code == 200
    assert operator.post("/v1/withdrawals/w-a/approve", json={}).status_code == 200  # replay
    assert other.post("/v1/withdrawals/w-b/reject", json={"reason": "documents missing"}) \
        .status_code == 200
    approved = one(operator, "withdrawal.approved")
    assert approved["subject"] == {"type": "withdrawal", "id": "w-a"}
    assert approved["actor"]["id"] == key_id(operator)
    assert approved["before"] == {"status": "requested", "user_id": "carol", "amount": 1_000,
                                  "reason": None, "reference": None}
    assert approved["after"] == {**approved["before"], "status": "approved", "reason": "fine"}
    rejected = one(operator, "withdrawal.rejected")
    assert rejected["actor"] == {"type": "api_key", "id": key_id(other), "role": "operator"}
    assert (rejected["before"]["status"], rejected["after"]["status"]) == ("requested", "rejected")
    assert rejected["after"]["reason"] == "documents missing"

    for _ in range(2):                                      # the second is a replay
        r = operator.post("/v1/payouts/batches", json={"id": "batch-1"})
        assert r.status_code == 201 and r.get_json()["count"] == 1
    batch = one(operator, "payout_batch.created")
    assert batch["subject"] == {"type": "payout_batch", "id": "batch-1"}
    assert (batch["before"], batch["after"]) == (None, {"count": 1, "total": 700})

    def confirm(status, withdrawal):
        raw = json.dumps({"withdrawal_id": withdrawal, "status": status,
                          "reference": "bank-1"}).encode()
        r = operator.client.post("/v1/payouts/confirmations", data=raw, headers={
            "Content-Type": "application/json", "X-Refgraph-Signature": sign("shared-secret", raw)})
        assert r.status_code == 200, r.get_json()

    confirm("paid", "w-a")
    confirm("paid", "w-a")                                  # the institution retries
    paid = one(operator, "withdrawal.paid")
    assert paid["actor"] == trail.INSTITUTION
    assert (paid["before"]["status"], paid["after"]["status"]) == ("batched", "paid")
    assert paid["after"]["reference"] == "bank-1"
    operator.post("/v1/withdrawals/w-c/approve", json={})
    operator.post("/v1/payouts/batches", json={"id": "batch-2"})
    confirm("failed", "w-c")
    assert one(operator, "withdrawal.failed")["subject"]["id"] == "w-c"
    assert [e["action"] for e in trail_of(operator, subject_id="w-c")] == [
        "withdrawal.failed", "withdrawal.approved"]
    assert len(trail_of(operator)) == 7


def test_user_status_changes_each_time_and_not_on_a_replay(operator, world):
    def status(value, reason=None, request_id=None):
        headers = {"X-Request-Id": request_id} if request_id else {}
        r = operator.put("/v1/users/ben/status", json={"status": value, "reason": reason},
                         headers=headers)
        assert r.status_code == 200, r.get_json()

    status("suspended", "checking", "req-s1")
    status("suspended", "checking", "req-s1")               # a retried request
    status("suspended", "checking again")                   # already suspended: no change
    status("active")
    status("suspended", "again")
    events = trail_of(operator, subject_id="ben")
    assert [e["action"] for e in events] == ["user.suspended", "user.reactivated",
                                             "user.suspended"]
    first = events[-1]
    assert first["request_id"] == "req-s1" and first["subject"] == {"type": "user", "id": "ben"}
    assert first["before"] == {"status": "active", "status_reason": None}
    assert first["after"] == {"status": "suspended", "status_reason": "checking"}
    assert events[1]["after"] == {"status": "active", "status_reason": None}
    assert events[0]["id"] != first["id"]                   # a repeated action, its own event


def test_a_referrer_attached_once(operator, world):
    for _ in range(2):
        r = operator.put("/v1/users/root2/referrer", json={"referrer_id": "carol"})
        assert r.status_code == 200, r.get_json()
    event = one(operator, "user.referrer_attached")
    assert event["subject"] == {"type": "user", "id": "root2"}
    assert (event["before"], event["after"]) == ({"referrer_id": None}, {"referrer_id": "carol"})


def test_vouchers_issued_and_revoked(operator, world):
    body = {"id": "gift-1", "owner_id": "ben", "amount": 1_500, "expires_at": FAR}
    assert operator.post("/v1/vouchers", json=body).status_code == 201
    replay = operator.post("/v1/vouchers", json=body)
    assert replay.headers["Idempotent-Replayed"] == "true"
    issued = one(operator, "voucher.issued")
    assert issued["before"] is None
    assert issued["after"] == {"owner_id": "ben", "amount": 1_500, "remaining": 1_500,
                               "expires_at": FAR, "status": "active"}
    for _ in range(2):
        assert operator.post("/v1/vouchers/gift-1/revoke").status_code == 200
    revoked = one(operator, "voucher.revoked")
    assert (revoked["before"]["status"], revoked["after"]["status"]) == ("active", "revoked")
    assert revoked["before"]["revoked_at"] is None and revoked["after"]["revoked_at"]


def test_a_reward_run_by_hand(operator, world):
    for _ in range(2):                                      # a completed run is not run again
        r = operator.post("/v1/rewards/runs/2020-01")
        assert r.status_code == 200 and r.get_json()["status"] == "completed"
    event = one(operator, "reward_run.completed")
    assert event["subject"] == {"type": "reward_run", "id": "2020-01"}
    assert event["before"] is None
    assert event["after"]["status"] == "completed" and event["after"]["lines"] == 0
    # the period the worker already ran: nothing to audit
    assert operator.post(f"/v1/rewards/runs/{PERIOD}").status_code == 200
    assert len(trail_of(operator)) == 1


def test_filters_and_pages(operator, world, make_caller):
    other = make_caller("operator")
    operator.put("/v1/users/ben/status", json={"status": "suspended"})
    other.put("/v1/users/ben/status", json={"status": "active"})
    operator.post("/v1/withdrawals/w-a/approve", json={})
    other.post("/v1/withdrawals/w-b/reject", json={})
    operator.post("/v1/rules", json={"rules": {"points_bp": 200}})
    everything = trail_of(operator)
    assert len(everything) == 5
    keys = [(e["at"], e["id"]) for e in everything]
    assert keys == sorted(keys, reverse=True)               # newest first
    assert everything[0]["action"] == "rules.changed"
    # pages of two give the same events, in the same order
    sizes, paged, cursor = [], [], None
    while True:
        page = operator.get("/v1/audit", query_string={"limit": 2, "cursor": cursor}).get_json()
        sizes.append(len(page["items"]))
        paged += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sizes == [2, 2, 1] and paged == everything
    assert {e["action"] for e in trail_of(operator, subject_id="ben")} == {"user.suspended",
                                                                          "user.reactivated"}
    assert [e["subject"]["id"] for e in trail_of(operator, actor=key_id(other))] == ["w-b", "ben"]
    assert [e["subject"]["id"] for e in trail_of(operator, action="withdrawal.approved")] == ["w-a"]
    assert trail_of(operator, action="withdrawal.approved", actor=key_id(other)) == []
    assert trail_of(operator, subject_id="nobody") == []
    bad = operator.get("/v1/audit?action=user.teleported")
    assert bad.status_code == 422 and "action" in bad.get_json()["errors"]
    damaged = operator.get("/v1/audit?cursor=WyJ4Il0")      # base64 of ["x"]
    assert damaged.status_code == 422 and "cursor" in damaged.get_json()["errors"]


def test_only_operators_read_the_trail(world, make_caller, client):
    assert make_caller("merchant", "shop").get("/v1/audit").status_code == 403
    member = make_caller("member", "ben").get("/v1/audit")
    assert member.status_code == 403 and member.get_json()["code"] == "forbidden"
    assert client.get("/v1/audit").status_code == 401


def test_a_failed_audit_write_keeps_the_action_and_logs_the_event(operator, world, monkeypatch,
                                                                  caplog):
    def down(*args, **kwargs):
        raise BackendUnavailable("the database is down for a moment")

    monkeypatch.setattr(audit, "record", down)
    with caplog.at_level(logging.ERROR, logger="refgraph.audit"):
        r = operator.put("/v1/users/ben/status", json={"status": "suspended"},
                         headers={"X-Request-Id": "req-lost"})
    assert r.status_code == 200 and r.get_json()["status"] == "suspended"
    logged = json.loads(caplog.records[-1].getMessage())
    assert (logged["action"], logged["request_id"]) == ("user.suspended", "req-lost")
    assert logged["after"]["status"] == "suspended"
    monkeypatch.undo()
    assert trail_of(operator) == []


# -- the command line -------------------------------------------------------------

def test_cli_rule_changes_and_keys_are_events_by_the_os_user(tmp_path):
    refgraph(tmp_path, "rules", "set", "fee_bp=300", "--note", "from the shell")
    created = refgraph(tmp_path, "keys", "create", "--role", "operator", "--name", "ops")
    key = created.stdout.strip()
    refgraph(tmp_path, "keys", "revoke", key)
    refgraph(tmp_path, "keys", "revoke", key)               # twice: one event
    backend = graph.open_backend({"GRAPH_URL": "embedded", "DATA_DIR": str(tmp_path / "var")})
    try:
        events = audit.list_events(backend)
    finally:
        backend.close()
    cli = {"type": "cli", "id": getpass.getuser(), "role": None}
    assert [e["action"] for e in events] == ["api_key.revoked", "api_key.created",
                                             "rules.changed"]
    assert all(e["actor"] == cli and e["request_id"] is None for e in events)
    revoked, made, rules = events
    ident = key.split("_", 2)[1]
    assert made["subject"] == revoked["subject"] == {"type": "api_key", "id": ident}
    assert made["after"] == {"role": "operator", "user_id": None, "name": "ops"}
    assert key not in json.dumps(events) and key.split("_", 2)[2] not in json.dumps(events)
    assert revoked["before"]["revoked_at"] is None and revoked["after"]["revoked_at"]
    assert rules["before"] == {"version": 0, "rules": {"fee_bp": 500}}
    assert rules["after"]["rules"] == {"fee_bp": 300} and rules["after"]["note"] == "from the shell"
