"""The refgraph command line, run as a user runs it."""

import os
import subprocess
import sys

import pytest


def refgraph(tmp_path, *args, input=None, check=True):
    env = {**os.environ, "REFGRAPH_DATA_DIR": str(tmp_path / "var")}
    env.pop("REFGRAPH_GRAPH_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", "from api.cli import main; main()", *args],
        env=env, cwd=tmp_path, capture_output=True, text=True, input=input, timeout=120,
    )
    if check and result.returncode != 0:
        pytest.fail(f"refgraph {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def test_help_lists_the_commands(tmp_path):
    out = refgraph(tmp_path, "--help").stdout
    for command in ("serve", "worker", "db"):
        assert command in out


def test_db_status_shows_backend_and_counts(tmp_path):
    out = refgraph(tmp_path, "db", "status").stdout
    assert "backend:                 falkordb" in out
    assert "aof_enabled:             True" in out
    assert "appendfsync:             always" in out
    assert "Heartbeat:" in out  # the start-up write probe


def test_backup_and_restore_round_trip(tmp_path):
    import graph

    config = {"GRAPH_URL": "embedded", "DATA_DIR": str(tmp_path / "var")}
    backend = graph.open_backend(config)
    backend.write("heartbeat_write", id="before-backup", at=1, by="x")
    backend.close()
    refgraph(tmp_path, "db", "backup", str(tmp_path / "snap.rdb"))

    backend = graph.open_backend(config)
    backend.write("heartbeat_write", id="after-backup", at=2, by="y")
    backend.close()

    result = refgraph(tmp_path, "db", "restore", str(tmp_path / "snap.rdb"), input="y\n")
    assert "restored" in result.stderr
    backend = graph.open_backend(config)
    try:
        assert backend.read_one("heartbeat_get", id="before-backup")
        assert backend.read_one("heartbeat_get", id="after-backup") is None
    finally:
        backend.close()
    # the restored data survives another restart (it is in the append-only file now)
    backend = graph.open_backend(config)
    try:
        assert backend.read_one("heartbeat_get", id="before-backup")
    finally:
        backend.close()
    assert list((tmp_path / "var").glob("falkordb.before-restore-*"))


def test_backup_refuses_to_overwrite(tmp_path):
    (tmp_path / "snap.rdb").write_text("x")
    result = refgraph(tmp_path, "db", "backup", str(tmp_path / "snap.rdb"), check=False)
    assert result.returncode != 0 and "--force" in result.stderr


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    (tmp_path / "junk.rdb").write_text("not a snapshot")
    result = refgraph(tmp_path, "db", "restore", "--yes", str(tmp_path / "junk.rdb"), check=False)
    assert result.returncode != 0 and "not a refgraph backup" in result.stderr


def test_bad_graph_url_says_what_to_do(tmp_path):
    env_url = {"REFGRAPH_GRAPH_URL": "mysql://x"}
    result = subprocess.run(
        [sys.executable, "-c", "from api.cli import main; main()", "db", "status"],
        env={**os.environ, **env_url}, cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode != 0
    assert "REFGRAPH_GRAPH_URL='mysql://x' is not understood" in result.stderr


def test_demo_seed_then_analytics_refresh_and_graph_export(tmp_path):
    import json
    import xml.etree.ElementTree as ET

    refgraph(tmp_path, "demo", "seed", "--users", "300", "--periods", "1")
    result = refgraph(tmp_path, "analytics", "refresh")
    summary = json.loads(result.stdout)
    assert summary["users"] >= 300 and summary["roots"] >= 1
    assert "fraud signals" in result.stderr

    out = tmp_path / "network.graphml"
    result = refgraph(tmp_path, "graph", "export", "--format", "graphml", "--out", str(out))
    root = ET.parse(out).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = root.findall(".//g:node", ns)
    edges = root.findall(".//g:edge", ns)
    assert len(nodes) == summary["users"] and len(edges) == summary["users"] - summary["roots"]
    assert f"{len(nodes)} users, {len(edges)} referrals written" in result.stderr

    csv_dir = tmp_path / "csv"
    result = refgraph(tmp_path, "graph", "export", "--format", "neo4j-csv", "--out",
                      str(csv_dir), "--user", nodes[0].get("id"), "--depth", "2")
    assert "neo4j-admin database import full" in result.stderr
    assert sorted(p.name for p in csv_dir.iterdir())

    result = refgraph(tmp_path, "graph", "export", "--format", "gexf", "--out",
                      str(tmp_path / "x.gexf"), "--user", "nobody", check=False)
    assert result.returncode != 0 and "nobody" in result.stderr
