"""Fault tests: real processes (`refgraph serve`, its embedded database) broken
the way production breaks them, and clients that behave like storefronts:
they retry on 503 and on connection errors with the same id."""

import json
import os
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_processes import free_port, get, refgraph, start  # noqa: E402


class Service:
    """`refgraph serve` on the embedded database in ``tmp_path``."""

    def __init__(self, tmp_path, env=None):
        self.tmp_path = tmp_path
        self.env = env or {}
        self.port = free_port()
        key = refgraph(tmp_path, "keys", "create", "--role", "operator")
        assert key.returncode == 0, key.stderr
        self.key = key.stdout.strip()
        self.process = None
        self.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        log = open(self.tmp_path / "serve.log", "a")
        self.process = start(self.tmp_path, "serve", "--port", str(self.port), env=self.env,
                             output=log)
        log.close()
        get(f"{self.url}/health", timeout=60)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except Exception:
                self.process.kill()
                self.process.wait()

    def database_pid(self):
        return int((self.tmp_path / "var" / "falkordb.pid").read_text())

    def call(self, method, path, body=None, timeout=10):
        """(status, headers, json body); connection errors raise OSError."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.url + path, data=data, method=method,
            headers={"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, dict(response.headers), json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), json.loads(error.read() or b"null")

    def call_retrying(self, method, path, body=None, deadline=60.0, seen=None):
        """Like a storefront: retry the same request on 503 and on connection
        errors until it is answered; ``seen`` collects what was met on the way."""
        until = time.monotonic() + deadline
        while True:
            try:
                status, headers, answer = self.call(method, path, body)
            except OSError as exc:
                if seen is not None:
                    seen.append(type(exc).__name__)
                status, headers, answer = None, {}, None
            if status is not None and status != 503:
                return status, answer
            if status == 503 and seen is not None:
                seen.append(503)
                assert answer["code"] == "database_unavailable", answer
                assert int(headers.get("Retry-After", "0")) >= 1
            if time.monotonic() > until:
                raise AssertionError(f"{method} {path} not answered within {deadline} s")
            time.sleep(0.2)

    def all_sales(self, merchant_id):
        ids, cursor = [], None
        while True:
            query = f"/v1/sales?merchant_id={merchant_id}&limit=200" + (
                f"&cursor={cursor}" if cursor else "")
            status, page = self.call_retrying("GET", query)
            assert status == 200, page
            ids += [sale["id"] for sale in page["items"]]
            cursor = page.get("next_cursor")
            if not cursor:
                return ids


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed fault test shows the end of its service's log (the traceback
    behind a 500 is there, not in the test's output)."""
    report = yield
    running = getattr(item, "funcargs", {}).get("service")
    if report.failed and isinstance(running, Service):
        log = running.tmp_path / "serve.log"
        if log.exists():
            tail = log.read_text(errors="replace").splitlines()[-80:]
            report.sections.append(("refgraph serve log (last 80 lines)", "\n".join(tail)))
    return report


@pytest.fixture
def service(tmp_path, request):
    """A running service; ``@pytest.mark.service_env(NAME=value)`` adds settings."""
    os.environ.pop("REFGRAPH_GRAPH_URL", None)
    marker = request.node.get_closest_marker("service_env")
    running = Service(tmp_path, env=marker.kwargs if marker else None)
    yield running
    running.stop()
