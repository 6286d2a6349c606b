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
