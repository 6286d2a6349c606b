"""The benchmark's smoke run: at 10k users refgraph's reward run, the
per-referrer loop, SQLite and NumPy must give the same lines to the unit.
No time is asserted here; figures live in bench/ (bench/README.md)."""

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def test_bench_smoke_totals_match(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "10k", "--smoke", "--json", str(out)],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    run = json.loads(out.read_text())["results"][0]["reward_run"]
    assert run["totals_match"]
    sums = [c for c in run["checksums"].values() if c is not None]
    assert len(sums) == 5          # refgraph, its preview, NumPy, SQLite, the loop
    assert run["lines"] > 100 and sums[0]["total"] > 0
