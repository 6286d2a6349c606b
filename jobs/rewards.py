"""The scheduled jobs: module-level functions of the app, safe to repeat."""

from __future__ import annotations

import logging

from flask import Flask

from graph import get_backend
from graph.store import cards, rewards

log = logging.getLogger("refgraph.jobs")


def close_periods(app: Flask) -> None:
    """Run the rewards of every closed period that has none yet (catch-up)."""
    backend = get_backend(app)
    for period in rewards.pending_periods(backend):
        run = rewards.run(backend, period)
        log.info("reward run %s: %s, %d lines, rewards %d, clawbacks %d", period,
                 run["status"], run["lines"], run["rewards"], run["clawbacks"])


def release_rewards(app: Flask) -> None:
    """Make rewards withdrawable once their hold period has passed."""
    totals = rewards.release(get_backend(app))
    if totals["lines"]:
        log.info("released %(lines)d lines for %(referrers)d referrers: %(released)d "
                 "(clawbacks settled %(settled)d)", totals)


def expire_vouchers(app: Flask) -> None:
    """Expire vouchers past their date; their value returns to the platform."""
    totals = cards.expire_vouchers(get_backend(app))
    if totals["expired"]:
        log.info("expired %(expired)d vouchers holding %(value)d", totals)
