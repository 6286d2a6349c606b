"""The benchmark's smoke run: at 10k users refgraph's reward run, the
per-referrer loop, SQLite and NumPy must give the same lines to the unit,
on the embedded database and on Neo4j (the suite's server, which the
benchmark finds empty and leaves empty).  No time is asserted here; figures
live in bench/ (bench/README.md)."""

import json
import subprocess
import sys

import pytest

from graph.maintenance import wipe

pytestmark = pytest.mark.slow


def smoke(tmp_path, backend):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--backend", backend, "--sizes", "10k", "--smoke",
         "--json", str(out)],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text())
    assert report["backend"] == backend
    run = report["results"][0]["reward_run"]
    assert run["totals_match"]
    sums = [c for c in run["checksums"].values() if c is not None]
    assert len(sums) == 5          # refgraph, its preview, NumPy, SQLite, the loop
    assert run["lines"] > 100 and sums[0]["total"] > 0


def test_bench_smoke_totals_match(tmp_path):
    smoke(tmp_path, "falkordb")


def test_bench_smoke_totals_match_on_neo4j(neo4j_backend, tmp_path):
    wipe(neo4j_backend)      # the benchmark refuses a database that holds data
    smoke(tmp_path, "neo4j")


def test_storefront_curve_through_http(tmp_path):
    """The HTTP curve runs end to end, small: every level answered, with its
    latency and CPU figures, the group-commit setting recorded per run, and
    the batch rate beside it; nothing is asserted on time."""
    out = tmp_path / "storefront.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench.storefront", "--users", "500", "--sales", "24",
         "--batch-sales", "2000", "--levels", "1,4", "--workers", "1",
         "--group-commit", "on,off", "--json", str(out)],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text())
    assert [run["group_commit"] for run in report["runs"]] == [True, False]
    for run in report["runs"]:
        assert [p["clients"] for p in run["levels"]] == [1, 4]
        for point in run["levels"] + [run["batch"]]:
            assert point["per_s"] > 0 and point["p99_ms"] >= point["p50_ms"] > 0
            assert point["service_cpu_ms_per_request"] >= 0
            assert point["database_cpu_ms_per_sale"] >= 0
        assert run["batch"]["sales"] == 2000
        assert run["levels"][0]["database_net_input_bytes_per_sale"] > 0
    assert "sales/s" in done.stdout
