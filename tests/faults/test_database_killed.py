"""kill -9 of the embedded database (what the OOM killer does) under
concurrent ingest: refgraph answers 503 while it restarts the database by
itself, and every sale it acknowledged is there exactly once afterwards."""

import os
import signal
import threading
import time

import pytest

from test_embedded import wait_dead


def block_restarts(var):
    """Make the database's working folder unusable, so restarts fail; returns
    the function that puts it back."""
    work, away = var / "falkordb", var / "falkordb.away"
    work.rename(away)
    work.write_text("not a folder")

    def unblock():
        work.unlink()
        away.rename(work)
    return unblock


@pytest.mark.parametrize("down_for", [
    pytest.param(0, id="restarted-at-once"),
    pytest.param(3, id="down-for-3s-503s",
                 marks=pytest.mark.service_env(REFGRAPH_RESTART_WAIT="0.5")),
])
def test_killed_database_comes_back_and_loses_nothing(service, tmp_path, down_for):
    status, _, body = service.call("POST", "/v1/users", {
        "id": "m1", "name": "Shop", "root": True, "roles": ["merchant"]})
    assert status == 201, body
    acknowledged, answers, seen = [], {}, []
    lock = threading.Lock()
    go = threading.Barrier(4)
    stop_at = time.monotonic() + 6

    def client(n):
        go.wait()
        i = 0
        while time.monotonic() < stop_at:
            sale = {"id": f"s{n}-{i}", "merchant_id": "m1", "amount": 1_000 + i,
                    "currency": "CNY"}
            status, answer = service.call_retrying("POST", "/v1/sales", sale, seen=seen)
            assert status in (200, 201), answer
            with lock:
                acknowledged.append(sale["id"])
                answers[sale["id"]] = answer
            i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    old_pid = service.database_pid()
    if down_for:
        unblock = block_restarts(tmp_path / "var")
    os.kill(old_pid, signal.SIGKILL)
    killed_at = time.monotonic()
    if down_for:
        time.sleep(down_for)
        unblock()
    for thread in threads:
        thread.join(60)
    assert wait_dead(old_pid)
    if down_for:
        # while the database could not start, clients got 503 with Retry-After
        assert 503 in seen, seen
    assert service.database_pid() != old_pid
    # the service recovered by itself, within seconds
    status, health = service.call_retrying("GET", "/health", deadline=30)
    assert status == 200 and health["status"] == "ok"
    assert time.monotonic() - killed_at < 60

    stored = service.all_sales("m1")
    assert sorted(stored) == sorted(set(stored)), "a sale was stored twice"
    assert set(stored) == set(acknowledged), "an acknowledged sale is missing"
    status, _, check = service.call("GET", "/v1/ledger/check")
    assert status == 200 and check["clean"], check
    # the fee of each acknowledged sale is the fee stored
    sample = acknowledged[:: max(1, len(acknowledged) // 20)]
    for sale_id in sample:
        status, _, sale = service.call("GET", f"/v1/sales/{sale_id}")
        assert status == 200 and sale["fee"] == answers[sale_id]["fee"]


def test_health_is_503_while_the_database_is_down(service, tmp_path):
    # Stop the database and keep it from coming back: the restart fails while
    # its working folder is unusable, and /health says what refgraph is doing.
    pid = service.database_pid()
    unblock = block_restarts(tmp_path / "var")
    os.kill(pid, signal.SIGKILL)
    assert wait_dead(pid)
    try:
        deadline = time.monotonic() + 20
        while True:
            status, headers, body = service.call("GET", "/health")
            if status == 503 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert status == 503, body
        assert body["code"] == "database_unavailable" and "restart" in body["message"]
        assert int(headers["Retry-After"]) >= 1
    finally:
        unblock()
    status, health = service.call_retrying("GET", "/health", deadline=60)
    assert status == 200 and health["status"] == "ok"
