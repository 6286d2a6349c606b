"""Answers that protect the people whose money and data refgraph holds:
no caching or content sniffing of API answers, and a rate limit per API key
so a leaked storefront key cannot flood the service.

Settings (``REFGRAPH_*``):

``RATE_LIMIT``
    requests per second allowed to each merchant or member key (default
    ``50``; ``0`` turns it off), with bursts up to ``RATE_LIMIT_BURST``
    (default twice the rate).  ``RATE_LIMIT_OPERATORS`` (default ``false``)
    applies it to operator keys too.

``AUTH_FAILURE_LIMIT``
    failed authentications (no key, or an unknown or revoked one) allowed
    each client address a second (default ``5``, bursts of
    ``AUTH_FAILURE_BURST``, default ``50``; ``0`` turns it off).  Past it the
    address gets 429 with Retry-After before its key is even looked up, so
    guessing keys costs the database nothing and takes forever.

``WORKERS``
    how many processes serve the API (``refgraph serve --workers N`` sets
    it for its children).  The count is kept per process, and a key's
    requests may land on any of them, so each process allows a key
    ``RATE_LIMIT / WORKERS`` requests a second with bursts of
    ``RATE_LIMIT_BURST / WORKERS`` (at least one request): a key never
    exceeds its rate in all, but it can be refused a little early when its
    requests land unevenly on the processes.  With a burst smaller than the
    number of workers, a burst may reach one request per worker.
"""

from __future__ import annotations

import math
import threading
import time

from flask import Flask, Response, current_app, request
from flask_smorest import abort

from graph.vocabulary import OPERATOR


class TokenBuckets:
    """One token bucket per key id: ``rate`` tokens a second, at most ``burst``;
    ``limit`` is the service's rate the refusals name (``rate`` is this
    process's share of it)."""

    def __init__(self, rate: float, burst: float, limit: float | None = None) -> None:
        self.rate = rate
        self.burst = burst
        self.limit = rate if limit is None else limit
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}

    def wait(self, key_id: str) -> float:
        """The seconds until ``key_id`` has a token, without taking one."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        return 0.0 if tokens >= 1 else (1 - tokens) / self.rate

    def take(self, key_id: str) -> float:
        """0 when the request may go on, else the seconds until it may."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[key_id] = (tokens - 1, now)
                return 0.0
            self._buckets[key_id] = (tokens, now)
            if len(self._buckets) > 100_000:   # forget idle keys rather than grow
                self._buckets.clear()
            return (1 - tokens) / self.rate


def check_rate(key: dict) -> None:
    """Refuse (429 with Retry-After) a key over its rate."""
    buckets: TokenBuckets | None = current_app.extensions.get("refgraph.rate")
    if buckets is None:
        return
    if key["role"] == OPERATOR and not current_app.config["RATE_LIMIT_OPERATORS"]:
        return
    wait = buckets.take(key["id"])
    if wait:
        _too_many(wait, f"This API key sent more than {buckets.limit:g} requests a second; "
                        "slow down and retry after the Retry-After seconds.")


def _too_many(wait: float, message: str) -> None:
    abort(429, message=message, headers={"Retry-After": str(max(1, math.ceil(wait)))})


def check_failures(address: str) -> None:
    """Refuse (429) an address that failed to authenticate too often lately."""
    buckets: TokenBuckets | None = current_app.extensions.get("refgraph.auth_failures")
    wait = buckets.wait(address) if buckets is not None else 0.0
    if wait:
        _too_many(wait, "Too many requests from this address had no valid API key; check the "
                        "key you send and retry after the Retry-After seconds.")


def count_failure(address: str) -> None:
    """Count a failed authentication against ``address``."""
    buckets: TokenBuckets | None = current_app.extensions.get("refgraph.auth_failures")
    if buckets is not None:
        buckets.take(address)


def _headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if request.path.startswith("/v1/") or request.path == "/metrics":
        # balances, sales and personal data: never kept by a browser or proxy
        response.headers["Cache-Control"] = "no-store"
    return response


def init_rate(app: Flask) -> None:
    """(Re)build the buckets from the settings: this process's share of
    ``RATE_LIMIT`` and ``RATE_LIMIT_BURST`` among ``WORKERS`` processes."""
    app.extensions.pop("refgraph.rate", None)
    rate = float(app.config["RATE_LIMIT"] or 0)
    if rate > 0:
        workers = max(1, int(app.config["WORKERS"] or 1))
        burst = float(app.config["RATE_LIMIT_BURST"] or 2 * rate)
        app.extensions["refgraph.rate"] = TokenBuckets(
            rate / workers, max(burst / workers, 1.0), limit=rate)
    app.extensions.pop("refgraph.auth_failures", None)
    failures = float(app.config["AUTH_FAILURE_LIMIT"] or 0)
    if failures > 0:
        app.extensions["refgraph.auth_failures"] = TokenBuckets(
            failures, max(float(app.config["AUTH_FAILURE_BURST"] or 10 * failures), 1.0))


def init_app(app: Flask) -> None:
    app.config.setdefault("RATE_LIMIT", 50)
    app.config.setdefault("RATE_LIMIT_BURST", None)
    app.config.setdefault("RATE_LIMIT_OPERATORS", False)
    app.config.setdefault("WORKERS", 1)
    app.config.setdefault("AUTH_FAILURE_LIMIT", 5)
    app.config.setdefault("AUTH_FAILURE_BURST", 50)
    init_rate(app)
    app.after_request(_headers)
