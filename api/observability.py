"""What an operator sees of a running refgraph: a request id on every
answer, one JSON access-log line per request, and Prometheus metrics.

Settings (``REFGRAPH_*``):

``ACCESS_LOG``
    ``stderr`` (default), ``off``, or a file path: one JSON object a line with
    time, request id, method, route template, status, duration, key id and
    role (never the key itself, nor the path's ids).
``METRICS``
    ``true`` (default): ``GET /metrics`` in Prometheus' text format, for
    operator keys.  ``METRICS_ADDRESS`` (``host:port``) also serves it without
    a key on a separate listener, for a scraper on a private network.

With ``refgraph serve --workers N`` each worker process writes its counters
and histograms to files in ``PROMETHEUS_MULTIPROC_DIR`` (prometheus_client's
multiprocess mode; the serving parent makes and removes a private folder
unless it is set), and every scrape, on the API port from any worker or on
``METRICS_ADDRESS`` from the parent, adds up the files of all of them, so
both give whole-service figures.  The database figures are read at each
scrape, as with one process.  ``refgraph_database_restarts`` is the count of
the process that answers: the parent restarts the embedded server, so its
listener (``METRICS_ADDRESS``) has the true figure.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from typing import Any

from flask import Flask, Response, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
    start_http_server,
)
from prometheus_client.core import GaugeMetricFamily

from graph.errors import RefgraphError

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

access_log = logging.getLogger("refgraph.access")


class Metrics:
    """The metrics of one app, in a registry of its own (tests make many apps)."""

    def __init__(self, app: Flask) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter("refgraph_http_requests", "HTTP requests answered",
                                ["method", "route", "status"], registry=r)
        self.latency = Histogram("refgraph_http_request_duration_seconds",
                                 "time to answer an HTTP request", ["method", "route"],
                                 buckets=_BUCKETS, registry=r)
        self.queries = Histogram("refgraph_query_duration_seconds",
                                 "time of one named query, from send to rows",
                                 ["query", "kind"], buckets=_BUCKETS, registry=r)
        self.query_errors = Counter("refgraph_query_errors", "named queries that failed",
                                    ["query", "error"], registry=r)
        r.register(_StoreCollector(app))
        # The labelled children, kept: ``labels()`` checks and locks on every
        # call, a dict lookup does not (routes, statuses and query names are
        # few, so these stay small).
        self._answered: dict[tuple[str, str, int], tuple[Any, Any]] = {}
        self._queried: dict[tuple[str, str], Any] = {}

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        children = self._answered.get((method, route, status))
        if children is None:
            children = self._answered[method, route, status] = (
                self.requests.labels(method, route, str(status)),
                self.latency.labels(method, route))
        children[0].inc()
        children[1].observe(seconds)

    def observe_query(self, name: str, kind: str, seconds: float, error: str | None) -> None:
        child = self._queried.get((name, kind))
        if child is None:
            child = self._queried[name, kind] = self.queries.labels(name, kind)
        child.observe(seconds)
        if error:
            self.query_errors.labels(name, error).inc()


class _StoreCollector:
    """Figures read when scraped: database restarts, pending withdrawals, the
    last reward run."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def describe(self) -> list[Any]:
        return []

    def collect(self) -> Any:
        backend = self.app.extensions["refgraph.graph"].backend
        up = GaugeMetricFamily("refgraph_database_up",
                               "1 when the graph database answered at this scrape")
        try:
            backend.version()
            up.add_metric([], 1)
        except RefgraphError:
            up.add_metric([], 0)
        yield up
        server = getattr(backend, "server", None)
        if server is not None:
            restarts = GaugeMetricFamily("refgraph_database_restarts",
                                         "times the embedded database was restarted after dying")
            restarts.add_metric([], server.supervisor.restarts)
            yield restarts
        from graph.store import metrics as store_metrics

        try:
            figures = store_metrics.figures(backend)
        except RefgraphError:
            return
        for name, help_text, value in figures:
            family = GaugeMetricFamily(name, help_text)
            family.add_metric([], value)
            yield family


def _route() -> str:
    rule = request.url_rule
    return rule.rule if rule is not None else "(unmatched)"


def _before() -> None:
    presented = request.headers.get("X-Request-Id", "")
    # 32 random hex digits, as uuid4().hex was, without making a UUID object
    g.request_id = presented if _REQUEST_ID.fullmatch(presented) else os.urandom(16).hex()
    g.started = time.perf_counter()


_ENCODER = json.JSONEncoder(separators=(",", ":"))
_clock = (0, "")   # (a second, its ISO text): one strftime a second


def _utc_now() -> str:
    global _clock
    now = int(time.time())
    second, text = _clock
    if second != now:
        text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + "Z"
        _clock = (now, text)
    return text


def _log_line(line: dict[str, Any]) -> None:
    """``access_log.info`` of the line as JSON, without looking up the
    caller's file and line (the record's place is always here)."""
    if access_log.isEnabledFor(logging.INFO):
        access_log.handle(access_log.makeRecord(
            access_log.name, logging.INFO, __file__, 0, _ENCODER.encode(line), None, None))


def _after(response: Response) -> Response:
    seconds = time.perf_counter() - g.get("started", time.perf_counter())
    response.headers["X-Request-Id"] = g.get("request_id", "")
    app = current_app
    if app.config["WORKERS"] > 1:
        # which of the `serve --workers` processes answered (for operators
        # reading logs, and the tests that check the load is shared)
        response.headers["X-Refgraph-Worker"] = str(os.getpid())
    metrics: Metrics | None = app.extensions.get("refgraph.metrics")
    route = _route()
    if metrics is not None:
        metrics.observe_request(request.method, route, response.status_code, seconds)
    if app.config["ACCESS_LOG"] != "off":
        key = g.get("key") or {}
        _log_line({
            "time": _utc_now(), "request_id": g.get("request_id"), "method": request.method,
            "route": route, "status": response.status_code,
            "duration_ms": round(seconds * 1000, 2), "key_id": key.get("id"),
            "role": key.get("role"),
        })
    return response


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time of each line."""

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def _configure_access_log(target: str) -> None:
    if target == "off" or access_log.handlers:
        return
    handler: logging.Handler = _Stderr() if target == "stderr" else logging.FileHandler(target)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access_log.addHandler(handler)
    access_log.setLevel(logging.INFO)
    access_log.propagate = False


def _registry(app: Flask, multiprocess_dir: str | None = None) -> CollectorRegistry:
    """The app's own registry, or in multiprocess mode one that adds up the
    files of every worker (the app's own metrics would count twice there)."""
    metrics: Metrics = app.extensions["refgraph.metrics"]
    path = multiprocess_dir or os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not path:
        return metrics.registry
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=path)
    registry.register(_StoreCollector(app))
    return registry


def scrape(app: Flask) -> bytes:
    """The metrics text (the database is asked for its figures at each scrape)."""
    return bytes(generate_latest(_registry(app)))


def serve_metrics(app: Flask, multiprocess_dir: str | None = None) -> None:
    """Serve the metrics without a key on ``METRICS_ADDRESS`` (``host:port``),
    for a scraper on a private network; nothing when it is unset.  With
    ``multiprocess_dir``, the figures of the worker processes writing there."""
    address = app.config.get("METRICS_ADDRESS")
    if not address or app.extensions.get("refgraph.metrics") is None:
        return
    host, _, port = str(address).rpartition(":")
    start_http_server(int(port), addr=host or "127.0.0.1",
                      registry=_registry(app, multiprocess_dir))


def metrics_view() -> Response:
    from . import auth

    auth.authenticate()
    auth.allow("operator")
    return Response(scrape(current_app), mimetype=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    app.config.setdefault("ACCESS_LOG", "stderr")
    app.config.setdefault("METRICS", True)
    app.config.setdefault("METRICS_ADDRESS", None)
    app.config.setdefault("WORKERS", 1)
    _configure_access_log(str(app.config["ACCESS_LOG"]))
    app.before_request(_before)
    app.after_request(_after)
    if app.config["METRICS"]:
        metrics = Metrics(app)
        app.extensions["refgraph.metrics"] = metrics
        app.extensions["refgraph.graph"].backend.observer = metrics.observe_query
        app.add_url_rule("/metrics", "metrics", metrics_view)
