"""The API process killed in the middle of a sales batch, and clients that
send their bodies slowly."""

import signal
import socket
import threading
import time
import urllib.request

import pytest

from test_embedded import wait_dead
from test_processes import free_port


def test_api_killed_mid_batch_then_the_batch_sent_again_doubles_nothing(service):
    status, _, body = service.call("POST", "/v1/users", {
        "id": "m1", "name": "Shop", "root": True, "roles": ["merchant"]})
    assert status == 201, body
    batches = [{"sales": [{"id": f"b{b}-{i}", "merchant_id": "m1", "amount": 1_000 + i,
                           "currency": "CNY"} for i in range(1_000)]} for b in range(8)]
    sent = []

    def send():
        for batch in batches:
            try:
                service.call("POST", "/v1/sales:batch", batch, timeout=60)
                sent.append(batch)
            except OSError:
                return   # the API died under us

    # Read before the kill: the database is told of its parent's death
    # (PR_SET_PDEATHSIG), shuts down and removes its pid file, so reading it
    # afterwards races with that shutdown.
    database = service.database_pid()
    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(0.3)   # the first batch is being written
    service.process.send_signal(signal.SIGKILL)
    service.process.wait(10)
    sender.join(60)
    assert len(sent) < len(batches), "the API was killed only after every batch was answered"
    assert wait_dead(database), "the database outlived the API that owned it"

    service.start()   # as an operator or a supervisor would
    totals = {"created": 0, "replayed": 0}
    for batch in batches:   # the storefront sends every batch again
        status, answer = service.call_retrying("POST", "/v1/sales:batch", batch)
        assert status == 200, answer
        assert answer["refused"] == 0, answer
        totals["created"] += answer["created"]
        totals["replayed"] += answer["replayed"]
    assert totals["created"] + totals["replayed"] == 8_000
    assert totals["replayed"] >= 1_000 * len(sent)
    stored = service.all_sales("m1")
    assert len(stored) == len(set(stored)) == 8_000
    status, _, check = service.call("GET", "/v1/ledger/check")
    assert check["clean"], check


def test_slow_clients_do_not_stall_the_others(service):
    """More clients than worker threads each send a body a byte at a time;
    other requests are answered meanwhile (waitress buffers bodies before a
    worker thread sees them)."""
    body = b'{"id": "u1", "name": "Slow", "root": true, "roles": []}'
    slow = []
    for _ in range(12):
        sock = socket.create_connection(("127.0.0.1", service.port), timeout=30)
        sock.sendall((f"POST /v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {service.key}"
                      f"\r\nContent-Type: application/json\r\nContent-Length: {len(body)}"
                      "\r\n\r\n").encode())
        slow.append(sock)
    stop = threading.Event()

    def trickle():
        for i in range(len(body) - 1):
            if stop.is_set():
                return
            for sock in slow:
                sock.sendall(body[i:i + 1])
            time.sleep(0.1)

    trickler = threading.Thread(target=trickle)
    trickler.start()
    try:
        time.sleep(0.5)
        worst = 0.0
        for _ in range(20):
            started = time.monotonic()
            status, _, _ = service.call("GET", "/health", timeout=5)
            worst = max(worst, time.monotonic() - started)
            assert status == 200
        assert worst < 2.0, f"a request waited {worst:.1f} s behind slow clients"
    finally:
        stop.set()
        trickler.join()
        for sock in slow:
            sock.close()


METRICS_PORT = free_port()


@pytest.mark.service_env(REFGRAPH_METRICS_ADDRESS=f"127.0.0.1:{METRICS_PORT}")
def test_metrics_on_their_own_listener_without_a_key(service):
    assert service.call("GET", "/v1/users")[0] == 200
    with urllib.request.urlopen(f"http://127.0.0.1:{METRICS_PORT}/metrics", timeout=10) as answer:
        text = answer.read().decode()
    assert 'refgraph_http_requests_total{method="GET",route="/v1/users",status="200"}' in text
    assert "refgraph_database_up 1.0" in text
