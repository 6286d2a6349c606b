"""The scheduler process (``refgraph worker``).

APScheduler runs here, in its own process, never inside web workers.  Jobs
are module-level functions with explicit ids, one instance at a time,
coalesced when late.  Every job is safe to repeat, and the reward job runs
at start, so a worker that was down catches up every closed period.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from apscheduler.schedulers.blocking import BlockingScheduler
from flask import Flask

from . import analytics, rewards

log = logging.getLogger("refgraph.worker")

#: (function, trigger, trigger kwargs, job id) of every scheduled job.
JOBS: list[tuple[Callable[[Flask], None], str, dict[str, Any], str]] = [
    (rewards.close_periods, "interval", {"minutes": 10}, "rewards.close_periods"),
    (rewards.release_rewards, "interval", {"minutes": 10}, "rewards.release"),
    (rewards.expire_vouchers, "interval", {"hours": 1}, "vouchers.expire"),
    (analytics.refresh_analytics, "interval", {"hours": 1}, "analytics.refresh"),
]


def build_scheduler(app: Flask) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone="UTC", job_defaults={
        "coalesce": True, "max_instances": 1, "misfire_grace_time": 3600,
    })
    for func, trigger, trigger_args, job_id in JOBS:
        scheduler.add_job(func, trigger, args=[app], id=job_id, replace_existing=True,
                          next_run_time=dt.datetime.now(dt.timezone.utc), **trigger_args)
    return scheduler


def run_worker(app: Flask) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    scheduler = build_scheduler(app)
    log.info("worker started with %d job(s): %s", len(JOBS), [job[3] for job in JOBS])
    try:
        scheduler.start()
    finally:
        # SIGTERM arrives as KeyboardInterrupt out of start(): let the jobs
        # that are running finish before the caller closes the database, or
        # they fail half-way on a closed connection.
        if scheduler.running:
            log.info("worker stopping: waiting for running jobs")
            scheduler.shutdown(wait=True)
