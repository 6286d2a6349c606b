"""The scheduler process (``refgraph worker``).

APScheduler runs here, in its own process, never inside web workers.  Jobs
are module-level functions with explicit ids, one instance at a time,
coalesced when late.  Every job is safe to repeat, and the reward job runs
at start, so a worker that was down catches up every closed period.

Each run is logged as one JSON line on ``refgraph.jobs`` (job id, outcome,
duration, error) and counted in Prometheus metrics, served on
``REFGRAPH_WORKER_METRICS_ADDRESS`` (``host:port``) when it is set.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from typing import Any

from apscheduler.schedulers.blocking import BlockingScheduler
from flask import Flask
from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server

from . import analytics, financing, rewards, webhooks

log = logging.getLogger("refgraph.worker")

#: (function, trigger, trigger kwargs, job id) of every scheduled job.
JOBS: list[tuple[Callable[[Flask], None], str, dict[str, Any], str]] = [
    (rewards.close_periods, "interval", {"minutes": 10}, "rewards.close_periods"),
    (rewards.release_rewards, "interval", {"minutes": 10}, "rewards.release"),
    (rewards.expire_vouchers, "interval", {"hours": 1}, "vouchers.expire"),
    (analytics.refresh_analytics, "interval", {"hours": 1}, "analytics.refresh"),
    (financing.lapse_applications, "interval", {"minutes": 5}, "financing.lapse"),
    # webhooks (issue 16): delivery runs here (a thread this job keeps alive), never in
    # the web process
    (webhooks.deliver, "interval", {"seconds": webhooks.DELIVER_EVERY}, "webhooks.deliver"),
    (webhooks.announce_expiring_vouchers, "interval", {"hours": 1}, "webhooks.vouchers_expiring"),
    (webhooks.prune, "interval", {"hours": 24}, "webhooks.prune"),
]


job_log = logging.getLogger("refgraph.jobs")
REGISTRY = CollectorRegistry()
RUNS = Counter("refgraph_worker_job_runs", "worker job runs, by outcome", ["job", "outcome"],
               registry=REGISTRY)
DURATION = Histogram("refgraph_worker_job_duration_seconds", "how long a worker job ran",
                     ["job"], registry=REGISTRY,
                     buckets=(0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600))
_FUNCS = {job_id: func for func, _, _, job_id in JOBS}


def run_job(job_id: str, app: Flask) -> None:
    """Run the job ``job_id`` of :data:`JOBS`: timed, logged as one JSON line,
    counted; a failure is logged and counted, and raised for APScheduler."""
    started = time.perf_counter()
    error = None
    try:
        _FUNCS[job_id](app)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        raise
    finally:
        seconds = time.perf_counter() - started
        outcome = "failed" if error else "done"
        RUNS.labels(job_id, outcome).inc()
        DURATION.labels(job_id).observe(seconds)
        job_log.info(json.dumps({
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + "Z", "job": job_id,
            "outcome": outcome, "duration_ms": round(seconds * 1000, 1), "error": error,
        }, separators=(",", ":")))


def build_scheduler(app: Flask) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone="UTC", job_defaults={
        "coalesce": True, "max_instances": 1, "misfire_grace_time": 3600,
    })
    for func, trigger, trigger_args, job_id in JOBS:
        scheduler.add_job(run_job, trigger, args=[job_id, app], id=job_id, name=func.__name__,
                          replace_existing=True, next_run_time=dt.datetime.now(dt.timezone.utc),
                          **trigger_args)
    return scheduler


def serve_metrics(address: str | None) -> None:
    """Serve the worker's metrics on ``host:port`` (nothing when unset)."""
    if not address:
        return
    host, _, port = str(address).rpartition(":")
    start_http_server(int(port), addr=host or "127.0.0.1", registry=REGISTRY)
    log.info("worker metrics on http://%s:%s/metrics", host or "127.0.0.1", port)


def run_worker(app: Flask) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    scheduler = build_scheduler(app)
    serve_metrics(app.config.get("WORKER_METRICS_ADDRESS"))
    log.info("worker started with %d job(s): %s", len(JOBS), [job[3] for job in JOBS])
    try:
        scheduler.start()
    finally:
        # SIGTERM arrives as KeyboardInterrupt out of start(): let the jobs
        # that are running finish before the caller closes the database, or
        # they fail half-way on a closed connection.
        if scheduler.running:
            log.info("worker stopping: waiting for running jobs")
            webhooks.stop(app)  # the delivery thread finishes what is in flight
            scheduler.shutdown(wait=True)
