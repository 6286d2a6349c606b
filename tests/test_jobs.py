"""The worker's jobs and the operator commands around reward runs."""

import os
import subprocess
import sys
import textwrap

import graph
from graph.store import ledger, rewards, sales

from test_rewards import AFTER_NOV, DAY, OCT, sale


def test_catch_up_runs_every_closed_period_without_a_run(example, app, monkeypatch):
    from jobs import rewards as jobs

    sale(example, "s-nov", "m1", 10_000, NOV_DAY_3)
    monkeypatch.setattr("graph.store.rewards.now_ms", lambda: AFTER_NOV)
    assert rewards.pending_periods(example, now=AFTER_NOV) == ["2026-10", "2026-11"]
    jobs.close_periods(app)
    assert rewards.pending_periods(example, now=AFTER_NOV) == []
    assert rewards.get_run(example, "2026-11")["rewards"] == 75   # 15 % (tier 2) of 500
    jobs.close_periods(app)   # nothing more to do, nothing paid twice
    assert sales.balances(example, "carol")["cash_pending"] == 212 + 75


NOV_DAY_3 = OCT[1] + 3 * DAY

KILLER = textwrap.dedent("""
    import os, signal, sys
    import graph
    from graph.store import rewards
    backend = graph.open_backend({"GRAPH_URL": "embedded", "DATA_DIR": sys.argv[1]})
    def progress(done, total):
        print(done, total, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)     # the worker dies mid-run
    rewards.run(backend, "2026-10", now=int(sys.argv[2]), batch=1, progress=progress)
""")


def test_a_worker_killed_mid_run_and_rerun_pays_the_same_totals(tmp_path):
    """Build the worked example in a data directory, run it in a process that
    is killed after its first batch, then rerun: the same totals as an
    uninterrupted run, each line paid once, the ledger clean."""
    import test_rewards

    config = {"GRAPH_URL": "embedded", "DATA_DIR": str(tmp_path)}
    backend = graph.open_backend(config)
    try:
        test_rewards.build_example(backend)
        uninterrupted = sum(line.amount for line in rewards.compute(backend, "2026-10"))
    finally:
        backend.close()
    child = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path), str(AFTER_NOV)],
                           capture_output=True, text=True, timeout=60)
    assert child.returncode == -9 and child.stdout.split() == ["1", "2"], child.stderr
    backend = graph.open_backend(config)
    try:
        assert rewards.get_run(backend, "2026-10")["status"] == "running"
        run = rewards.run(backend, "2026-10", now=AFTER_NOV)
        assert (run["status"], run["lines"], run["rewards"]) == ("completed", 2, uninterrupted)
        assert sales.balances(backend, "carol")["cash_pending"] == 212
        assert sales.balances(backend, "m1")["cash_pending"] == 25
        assert ledger.check(backend) == []
    finally:
        backend.close()


def test_cli_rewards_and_ledger(tmp_path):
    import test_rewards

    config = {"GRAPH_URL": "embedded", "DATA_DIR": str(tmp_path / "var")}
    backend = graph.open_backend(config)
    test_rewards.build_example(backend)
    backend.close()
    env = {**os.environ, "REFGRAPH_DATA_DIR": str(tmp_path / "var")}

    def refgraph(*args):
        result = subprocess.run([sys.executable, "-c", "from api.cli import main; main()", *args],
                                env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result

    preview = refgraph("rewards", "preview", "--period", "2026-10",
                       "--set", 'tiers=[{"min_referrals": 1, "share_bp": 2000}]')
    assert '"rewards": 237' in preview.stdout and '"rewards": 333' in preview.stdout
    run = refgraph("rewards", "run", "--period", "2026-10")
    assert '"status": "completed"' in run.stdout and "crediting 2026-10" in run.stderr
    assert '"rewards": 237' in refgraph("rewards", "show", "--period", "2026-10").stdout
    assert '"amount": 212' in refgraph("rewards", "explain", "2026-10|carol|1").stdout
    assert "ledger clean" in refgraph("ledger", "check").stderr
    refgraph("rules", "set", "fee_bp=300", "--note", "autumn promotion")
    assert '"fee_bp": 300' in refgraph("rules", "show").stdout
    assert "autumn promotion" in refgraph("rules", "history").stdout
