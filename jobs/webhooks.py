"""The worker's webhook jobs: deliver, announce expiring vouchers, prune.

Delivery runs here, in ``refgraph worker``, never in the web process: the
API only writes outbox events (in the statements that make the changes).
The delivery loop (:class:`graph.webhooks.delivery.Deliverer`) runs without
pause in a thread of the worker, so an event is usually sent within a
fraction of a second; the ``webhooks.deliver`` job only makes sure that
thread is alive (it starts it at the worker's start, and again should it
ever die).  :func:`stop` ends it when the worker stops: it sends nothing
new and waits for the requests in flight.
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
from graph.webhooks.sealing import master_of

log = logging.getLogger("refgraph.jobs")

#: seconds between two checks that the delivery thread is alive (jobs/worker.py)
DELIVER_EVERY = 30
#: days before expiry that ``voucher.expiring`` is sent (VOUCHER_EXPIRING_DAYS)
EXPIRING_DAYS = 7
#: days dispatched events and finished deliveries are kept (WEBHOOK_RETENTION_DAYS)
RETENTION_DAYS = 30
_THREAD = "refgraph.webhooks.thread"


def stopping(app: Flask) -> threading.Event:
    """The event the worker sets when it is asked to stop."""
    event: threading.Event = app.extensions.setdefault("refgraph.stopping", threading.Event())
    return event


def deliver(app: Flask) -> None:
    """Start the delivery thread unless it runs."""
    thread = app.extensions.get(_THREAD)
    if thread is not None and thread.is_alive():
        return
    thread = threading.Thread(target=_deliver_until_stopped, args=(app,), name="webhooks",
                              daemon=True)
    app.extensions[_THREAD] = thread
    thread.start()


def _deliver_until_stopped(app: Flask) -> None:
    settings = Settings.of(app.config)
    flag = stopping(app)
    backend = get_backend(app)
    # the key the secrets are sealed under, read when the first one is opened
    deliverer = Deliverer(backend, render, settings,
                          master=lambda: master_of(backend, app.config.get("INSTITUTION_KEY")))
    while not flag.is_set():
        try:
            counts = deliverer.run(60, stopping=flag.is_set)
        except Exception:   # the database away, say: log it, wait, go on
            log.exception("webhooks: the delivery loop failed; trying again in 5 s")
            flag.wait(5)
            continue
        if sum(counts.values()):
            log.info("webhooks: %s", dict(+counts))


def stop(app: Flask) -> None:
    """Stop the delivery thread: nothing new is sent, requests in flight end."""
    stopping(app).set()
    thread = app.extensions.get(_THREAD)
    if thread is not None:
        thread.join(2 * Settings.of(app.config).timeout + 5)


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
