"""`refgraph serve --workers N` as a user runs it: several processes answer on
one port, a killed one is replaced without losing an answered request,
metrics and the rate limit hold for the whole service, and SIGTERM stops
everything (the workers, then the embedded database).  On the embedded
FalkorDB and on Neo4j."""

import json
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from test_embedded import wait_dead
from test_processes import CLI, free_port, get, refgraph
from test_processes_neo4j import neo4j_env  # noqa: F401  (a fixture)


class Workers:
    """`refgraph serve --workers N` on a free port; output in ``serve.log``."""

    def __init__(self, tmp_path, workers=2, env=None):
        self.tmp_path = tmp_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        made = refgraph(tmp_path, "keys", "create", "--role", "operator")
        assert made.returncode == 0, made.stderr
        self.key = made.stdout.strip()
        env = {**os.environ, "REFGRAPH_DATA_DIR": str(tmp_path / "var"),
               "REFGRAPH_ACCESS_LOG": "off", **(env or {})}
        with open(tmp_path / "serve.log", "a") as log:
            self.process = subprocess.Popen(
                [*CLI, "serve", "--port", str(self.port), "--workers", str(workers)],
                env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
        get(f"{self.url}/health", timeout=60)
        self.worker_pids(workers)   # every worker has started

    def call(self, method, path, body=None, key=None):
        """(status, headers, json body) on a new connection; OSError if none."""
        request = urllib.request.Request(
            self.url + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {key or self.key}",
                     "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, answer.headers, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, json.loads(error.read() or b"null")

    def worker_pids(self, count, seen=(), deadline=60):
        """Call /health until ``count`` worker pids not in ``seen`` answered
        (a replaced worker takes a moment to start)."""
        found, until = set(), time.monotonic() + deadline
        while time.monotonic() < until:
            try:
                _, headers, _ = self.call("GET", "/health")
            except OSError:
                time.sleep(0.05)   # a worker is being replaced
                continue
            pid = int(headers["X-Refgraph-Worker"])
            if pid not in seen:
                found.add(pid)
            if len(found) >= count:
                return found
        raise AssertionError(f"only workers {found} answered within {deadline} s")

    def metrics(self, url=None):
        request = urllib.request.Request(url or f"{self.url}/metrics",
                                         headers={"Authorization": f"Bearer {self.key}"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.read().decode()

    def stop(self):
        """SIGTERM; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def log(self):
        return (self.tmp_path / "serve.log").read_text(errors="replace")


@pytest.fixture
def workers(tmp_path, request):
    marker = request.node.get_closest_marker("service_env")
    running = Workers(tmp_path, env=marker.kwargs if marker else None)
    yield running
    running.stop()


def parent_of(pid):
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def requests_counted(text, route, status="200", method="GET"):
    line = f'refgraph_http_requests_total{{method="{method}",route="{route}",status="{status}"}} '
    values = [float(row[len(line):]) for row in text.splitlines() if row.startswith(line)]
    return values[0] if values else 0.0


def sales_through_a_killed_worker(service, merchant="m1", count=120):
    """Send sales one by one, each retried with the same id on a connection
    error or 503 (a storefront's habit), while one worker is killed with
    SIGKILL; then check every acknowledged sale is stored, once."""
    status, _, body = service.call("POST", "/v1/users", {
        "id": merchant, "name": "Shop", "root": True, "roles": ["merchant"]})
    assert status == 201, body
    first = service.worker_pids(2)
    assert all(parent_of(pid) == service.process.pid for pid in first)
    acknowledged, errors, halfway = [], [], threading.Event()

    def send():
        for i in range(count):
            sale = {"id": f"s-{i}", "merchant_id": merchant, "amount": 1_000 + i,
                    "currency": "CNY"}
            for _ in range(200):
                try:
                    status, _, answer = service.call("POST", "/v1/sales", sale)
                except OSError as exc:
                    errors.append(type(exc).__name__)
                    time.sleep(0.05)
                    continue
                if status != 503:
                    break
                time.sleep(0.05)
            assert status == 201, answer
            acknowledged.append(sale["id"])
            if i == count // 3:
                halfway.set()

    sender = threading.Thread(target=send)
    sender.start()
    assert halfway.wait(120)
    victim = sorted(first)[0]
    os.kill(victim, signal.SIGKILL)
    sender.join(300)
    assert not sender.is_alive()
    assert len(acknowledged) == count, errors
    replacement = service.worker_pids(1, seen=first)
    assert parent_of(replacement.pop()) == service.process.pid
    stored, cursor = [], None
    while True:
        query = f"/v1/sales?merchant_id={merchant}&limit=200" + (
            f"&cursor={cursor}" if cursor else "")
        status, _, page = service.call("GET", query)
        assert status == 200, page
        stored += [sale["id"] for sale in page["items"]]
        cursor = page.get("next_cursor")
        if not cursor:
            break
    assert sorted(stored) == sorted(acknowledged)
    assert service.call("GET", "/v1/ledger/check")[2] == {"clean": True, "problems": []}
    assert f"(pid {victim}) was killed by signal 9; starting another" in service.log()


def test_two_workers_share_the_port_and_a_killed_one_is_replaced(workers, tmp_path):
    sales_through_a_killed_worker(workers)
    database = int((tmp_path / "var" / "falkordb.pid").read_text())
    # the parent started the embedded server; the workers only joined it
    assert parent_of(database) == workers.process.pid
    children = workers.worker_pids(2)
    assert workers.stop() == 0, workers.log()
    for pid in [database, *children]:
        assert wait_dead(pid), f"process {pid} outlived refgraph serve --workers"
    assert "in 2 worker processes" in workers.log() and "refgraph: stopping" in workers.log()


METRICS_PORT = free_port()


@pytest.mark.service_env(REFGRAPH_METRICS_ADDRESS=f"127.0.0.1:{METRICS_PORT}")
def test_metrics_add_up_the_workers(workers):
    seen, sent, until = set(), 0, time.monotonic() + 60
    while (len(seen) < 2 or sent < 40) and time.monotonic() < until:
        status, headers, _ = workers.call("GET", "/v1/users")
        assert status == 200
        seen.add(headers["X-Refgraph-Worker"])
        sent += 1
    assert len(seen) == 2, "one worker answered every request; the sum would prove nothing"
    # every scrape, from whichever worker, and from the parent's listener,
    # counts the requests of both workers
    for _ in range(4):
        assert requests_counted(workers.metrics(), "/v1/users") == sent
    text = workers.metrics(f"http://127.0.0.1:{METRICS_PORT}/metrics")
    assert requests_counted(text, "/v1/users") == sent
    assert "refgraph_database_up 1.0" in text


@pytest.mark.service_env(REFGRAPH_RATE_LIMIT="0.01", REFGRAPH_RATE_LIMIT_BURST="4")
def test_a_key_keeps_its_rate_limit_across_workers(workers, tmp_path):
    """A burst of 4 for the whole service: each of 2 workers allows 2.  The
    rate (one request per 100 s) refills nothing while the test runs."""
    status, _, body = workers.call("POST", "/v1/users", {
        "id": "m1", "name": "Shop", "root": True, "roles": ["merchant"]})
    assert status == 201, body
    made = refgraph(tmp_path, "keys", "create", "--role", "merchant", "--user", "m1")
    assert made.returncode == 0, made.stderr
    merchant = made.stdout.strip()
    allowed, refused = {}, {}
    for _ in range(400):
        status, headers, body = workers.call("GET", "/v1/sales?merchant_id=m1", key=merchant)
        pid = headers["X-Refgraph-Worker"]
        if status == 429:
            assert body["code"] == "too_many_requests"
            assert "more than 0.01 requests a second" in body["message"]
            refused[pid] = refused.get(pid, 0) + 1
        else:
            assert status == 200, body
            allowed[pid] = allowed.get(pid, 0) + 1
        if len(refused) == 2 and sum(refused.values()) >= 8:
            break
    assert len(refused) == 2, "the requests did not reach both workers"
    assert sum(allowed.values()) <= 4 and all(n <= 2 for n in allowed.values()), allowed
    # operators are not limited
    for _ in range(6):
        assert workers.call("GET", "/v1/users")[0] == 200


@pytest.mark.neo4j
def test_workers_on_neo4j(neo4j_env, tmp_path):  # noqa: F811
    port = free_port()
    service = Workers(tmp_path, env={"REFGRAPH_METRICS_ADDRESS": f"127.0.0.1:{port}"})
    try:
        sales_through_a_killed_worker(service, count=60)
        assert not (tmp_path / "var" / "falkordb.pid").exists()   # no embedded server
        text = service.metrics(f"http://127.0.0.1:{port}/metrics")
        assert requests_counted(text, "/v1/sales", "201", "POST") >= 60
        children = service.worker_pids(2)
    finally:
        code = service.stop()
    assert code == 0, service.log()
    for pid in children:
        assert wait_dead(pid)
    assert "with Neo4j" in service.log()
