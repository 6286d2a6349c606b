"""The worker's webhook jobs: deliver, announce expiring vouchers, prune.

Delivery runs here, in ``refgraph worker``, never in the web process: the
API only writes outbox events (in the statements that make the changes).
:func:`deliver` keeps the delivery loop (:class:`graph.webhooks.delivery.Deliverer`)
running for most of its interval, so an event is usually sent within a
fraction of a second, and returns in time for its next run; it stops early
when the worker is asked to stop (``refgraph.stopping`` in ``app.extensions``).
"""

from __future__ import annotations

import logging
import threading

from flask import Flask

from api.webhooks.payloads import render
from graph import get_backend
from graph.store import webhooks
from graph.vocabulary import DAY_MS, now_ms
from graph.webhooks.delivery import Deliverer, Settings

log = logging.getLogger("refgraph.jobs")

#: seconds between two runs of :func:`deliver` (its entry in jobs/worker.py)
DELIVER_EVERY = 30
#: days before expiry that ``voucher.expiring`` is sent (VOUCHER_EXPIRING_DAYS)
EXPIRING_DAYS = 7
#: days dispatched events and finished deliveries are kept (WEBHOOK_RETENTION_DAYS)
RETENTION_DAYS = 30


def stopping(app: Flask) -> threading.Event:
    """The event the worker sets when it is asked to stop."""
    event: threading.Event = app.extensions.setdefault("refgraph.stopping", threading.Event())
    return event


def deliver(app: Flask) -> None:
    """Fan out new events and send due deliveries for most of
    :data:`DELIVER_EVERY` seconds, leaving time for requests in flight."""
    settings = Settings.of(app.config)
    slice_ = max(1.0, DELIVER_EVERY - 2 * settings.timeout - 2)
    flag = stopping(app)
    counts = Deliverer(get_backend(app), render, settings).run(slice_, stopping=flag.is_set)
    if counts:
        log.info("webhooks: %s", dict(counts))


def announce_expiring_vouchers(app: Flask) -> None:
    """``voucher.expiring`` for vouchers expiring within VOUCHER_EXPIRING_DAYS."""
    days = float(app.config.get("VOUCHER_EXPIRING_DAYS") or EXPIRING_DAYS)
    written = webhooks.announce_expiring_vouchers(get_backend(app), days)
    if written:
        log.info("webhooks: %d voucher.expiring events", written)


def prune(app: Flask) -> None:
    """Delete events and deliveries older than WEBHOOK_RETENTION_DAYS."""
    days = float(app.config.get("WEBHOOK_RETENTION_DAYS") or RETENTION_DAYS)
    events, deliveries = webhooks.prune(get_backend(app), now_ms() - int(days * DAY_MS))
    if events:
        log.info("webhooks: pruned %d events, %d deliveries", events, deliveries)
