"""Figures the service reports to Prometheus, read from the graph at scrape
time (see ``api/observability.py``)."""

from __future__ import annotations

from ..backend import Backend


def figures(backend: Backend) -> list[tuple[str, str, float]]:
    """``(metric name, help, value)`` for the gauges read from the graph."""
    row = backend.read_one("metrics_figures") or {}
    return [
        ("refgraph_withdrawals_pending", "withdrawals waiting for an operator's decision",
         row.get("pending_withdrawals") or 0),
        ("refgraph_withdrawals_pending_amount", "their amount, in minor units",
         row.get("pending_amount") or 0),
        ("refgraph_reward_run_last_duration_seconds",
         "how long the most recent completed reward run took",
         (row.get("run_duration_ms") or 0) / 1000),
        ("refgraph_reward_run_last_lines", "reward lines the most recent completed run wrote",
         row.get("run_lines") or 0),
    ]
