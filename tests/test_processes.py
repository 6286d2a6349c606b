"""refgraph's processes run as a user runs them: `refgraph serve` and
`refgraph worker`, started, used and stopped with signals."""

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import graph
from graph.store import rewards

from test_embedded import wait_dead

CLI = [sys.executable, "-c", "from api.cli import main; main()"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(tmp_path, *args, env=None, output=subprocess.PIPE):
    """The command as a process; ``output`` a file for long runs (the access
    log writes a line per request, and a pipe nobody reads fills up)."""
    env = {**os.environ, "REFGRAPH_DATA_DIR": str(tmp_path / "var"), **(env or {})}
    env.pop("REFGRAPH_GRAPH_URL", None)
    return subprocess.Popen([*CLI, *args], env=env, cwd=tmp_path, stdout=output,
                            stderr=subprocess.STDOUT, text=True)


@contextlib.contextmanager
def serving(tmp_path, env=None):
    """``refgraph serve`` on a free port of 127.0.0.1, answering /health; its
    output goes to ``serve.log`` (a pipe nobody reads would fill up), and it is
    stopped with SIGTERM afterwards.  Yields the base URL."""
    port = free_port()
    with open(tmp_path / "serve.log", "a") as log:
        server = start(tmp_path, "serve", "--port", str(port), env=env, output=log)
    try:
        get(f"http://127.0.0.1:{port}/health", timeout=60)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


def get(url, key=None, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"}
                                         if key else {})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def server_pid(tmp_path):
    return int((tmp_path / "var" / "falkordb.pid").read_text())


def refgraph(tmp_path, *args):
    env = {**os.environ, "REFGRAPH_DATA_DIR": str(tmp_path / "var")}
    return subprocess.run([*CLI, *args], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)


def test_serve_health_stop_and_restart_keep_data(tmp_path):
    port = free_port()
    key = refgraph(tmp_path, "keys", "create", "--role", "operator")
    assert key.returncode == 0, key.stderr
    lines = key.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("rgk_")   # the key alone on stdout
    for stop in (signal.SIGTERM, signal.SIGINT):
        server = start(tmp_path, "serve", "--port", str(port))
        try:
            health = get(f"http://127.0.0.1:{port}/health")
            assert health["status"] == "ok" and health["backend"] == "falkordb"
            assert health["version"].startswith("FalkorDB ")
            # the key made before (and the server restart) still works
            assert get(f"http://127.0.0.1:{port}/v1/users", key=lines[0])["items"] == []
            pid = server_pid(tmp_path)
            server.send_signal(stop)
            server.wait(30)
        finally:
            if server.poll() is None:
                server.kill()
        assert server.returncode == 0, server.stdout.read()
        assert wait_dead(pid), "redis-server outlived refgraph serve"


def test_the_worker_catches_up_a_closed_period_and_stops_cleanly(tmp_path):
    import test_rewards

    config = {"GRAPH_URL": "embedded", "DATA_DIR": str(tmp_path / "var")}
    backend = graph.open_backend(config)
    test_rewards.build_example(backend)
    backend.close()
    metrics_port = free_port()
    worker = start(tmp_path, "worker",
                   env={"REFGRAPH_WORKER_METRICS_ADDRESS": f"127.0.0.1:{metrics_port}"})
    try:
        # a second process on the same data directory shares the worker's server
        backend = graph.open_backend(config)
        deadline = time.monotonic() + 60
        while rewards.pending_periods(backend) and time.monotonic() < deadline:
            time.sleep(0.2)
        run = rewards.get_run(backend, "2026-10")
        assert (run["status"], run["rewards"]) == ("completed", 237)
        deadline = time.monotonic() + 30
        while True:   # the worker's own metrics count its job runs
            with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics") as answer:
                metrics = answer.read().decode()
            if 'refgraph_worker_job_runs_total{job="analytics.refresh",outcome="done"} 1.0' \
                    in metrics or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert 'refgraph_worker_job_runs_total{job="rewards.close_periods",outcome="done"} 1.0' \
            in metrics, metrics
        assert 'job="analytics.refresh",outcome="done"' in metrics
        pid = server_pid(tmp_path)
        owner_is_worker = not backend.server.owner
        worker.send_signal(signal.SIGTERM)
        worker.wait(30)
        assert worker.returncode == 0
        if owner_is_worker:
            assert wait_dead(pid)
        backend.close()
    finally:
        if worker.poll() is None:
            worker.kill()
    log = worker.stdout.read()
    assert "worker started with 7 job(s)" in log   # 4, and 3 for webhooks (issue 16)
    for job in ("close_periods", "release_rewards", "expire_vouchers", "refresh_analytics"):
        assert re.search(rf'Job "{job} \(trigger[^"]*" executed successfully', log), log
    runs = [json.loads(line[line.index("{"):]) for line in log.splitlines()
            if '"job":' in line and '"outcome":' in line]
    assert {(r["job"], r["outcome"]) for r in runs} >= {
        ("rewards.close_periods", "done"), ("rewards.release", "done"),
        ("vouchers.expire", "done"), ("analytics.refresh", "done")}, log
