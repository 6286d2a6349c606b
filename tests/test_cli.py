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


def test_backup_of_a_database_refgraph_does_not_own_names_the_right_tool(falkordb_backend,
                                                                        tmp_path):
    from graph.errors import Unsupported
    from graph.falkordb_backend import FalkorDBBackend
    from graph.registry import Registry

    server = falkordb_backend.server
    remote = FalkorDBBackend(Registry("falkordb"), graph_name="refgraph_not_ours",
                             unix_socket_path=str(server.socket_path), password=server.password)
    try:
        with pytest.raises(Unsupported, match="neo4j-admin database dump"):
            remote.backup(tmp_path / "snap.rdb")
    finally:
        remote.close()          # no server of its own: only the connection closes
    assert not (tmp_path / "snap.rdb").exists()


def test_restore_of_a_server_database_names_the_right_tool(tmp_path):
    (tmp_path / "snap.rdb").write_bytes(b"REDIS0011")
    env = {**os.environ, "REFGRAPH_GRAPH_URL": "bolt://127.0.0.1:1"}
    result = subprocess.run(
        [sys.executable, "-c", "from api.cli import main; main()", "db", "restore", "--yes",
         str(tmp_path / "snap.rdb")],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "only the embedded database can be restored" in result.stderr


# -- FIELD=JSON: rules set and rewards preview --set -----------------------------

@pytest.mark.parametrize("pair, says", [
    ("fee_bp300", "'fee_bp300' is not FIELD=JSON"),
    ("=300", "'=300' is not FIELD=JSON"),
    ("fee_bp=3OO", "'3OO' is not JSON"),
    ("tiers=[{min_referrals: 1}]", "is not JSON"),
    ("colour=1", "'colour' is not a field; the fields are fee_bp, referrers,"),
])
@pytest.mark.parametrize("command", [("rules", "set"),
                                     ("rewards", "preview", "--period", "2026-10", "--set")])
def test_bad_field_json_pairs_are_usage_errors(tmp_path, command, pair, says):
    result = refgraph(tmp_path, *command, pair, check=False)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "var").exists()      # refused before the database was opened


def test_a_field_given_twice_is_a_usage_error(tmp_path):
    result = refgraph(tmp_path, "rules", "set", "fee_bp=300", "fee_bp=400", check=False)
    assert result.returncode == 2 and "fee_bp is given twice" in result.stderr


def test_invalid_rules_are_listed_field_by_field_and_nothing_is_written(tmp_path):
    result = refgraph(tmp_path, "rules", "set", "fee_bp=20000", "period=fortnight",
                      "tiers=[[5, 1000], [3, 1500]]", check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "Error: the rule set is invalid; see errors for each field",
        "  fee_bp: must be a whole number of basis points from 0 to 10000",
        "  tiers: thresholds must be strictly ascending",
        "  period: must be one of ['day', 'week', 'month']",
    ]
    preview = refgraph(tmp_path, "rewards", "preview", "--period", "2026-10",
                       "--set", "level_shares=[10000, 10000, 10000, 10000, 10000]", check=False)
    assert preview.returncode == 1 and "  level_shares: at the top tier" in preview.stderr
    assert refgraph(tmp_path, "rules", "history").stdout.startswith("v0 ")


def test_rules_set_takes_json_and_bare_words_for_text_fields(tmp_path):
    refgraph(tmp_path, "rules", "set", "period=week", "count_basis=\"all\"", "hold_days=0",
             "referrers=[\"merchant\"]", "--note", "weekly")
    import json

    rules = json.loads(refgraph(tmp_path, "rules", "show").stdout)["rules"]
    assert (rules["period"], rules["count_basis"], rules["hold_days"], rules["referrers"]) == (
        "week", "all", 0, ["merchant"])
    assert rules["fee_bp"] == 500                  # the rest is kept
