"""Graph access for refgraph: backends, the query registry and the schema.

The backend is a Flask extension::

    graph = Graph()
    graph.init_app(app)          # opens the backend named by the config
    get_backend().read("user_get", id="u1")

Configuration (``app.config``, from ``REFGRAPH_*`` environment variables):

``GRAPH_URL``
    empty or ``embedded`` (default): start the embedded FalkorDB;
    ``falkor://[:password@]host:port``: a FalkorDB server;
    ``neo4j://``, ``neo4j+s://``, ``bolt://``, ``bolt+s://``: Neo4j.
``DATA_DIR``, ``APPENDFSYNC``
    the embedded server's data directory and fsync policy.
``RESTART_WAIT``
    seconds a statement that met a dead embedded server waits for its
    restart before answering 503 (default 5).
``EMBEDDED_START``
    ``true`` (default): this process may start the embedded server;
    ``false``: it only joins the running one (``serve --workers`` children,
    whose parent owns the server).
``DB_TIMEOUT``
    seconds a statement may wait for the database while it answers an HTTP
    request (default 5): a hung or overloaded database gives a 503 with
    Retry-After within that time.
``DB_JOB_TIMEOUT``
    seconds for every other statement (default 600): commands, worker jobs,
    and long operations started over HTTP (a reward run).
``GROUP_COMMIT``
    ``true`` (default): concurrent single sales (and refunds) of one
    process are coalesced into one statement (graph/coalesce.py,
    graph/store/sales.py); ``false``: each goes in a statement of its own.
``GRAPH_NAME``
    the FalkorDB graph key.
``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``
    Neo4j credentials and the database every session names.
``CURRENCY``
    the platform's one currency (ISO 4217, default ``CNY``): stored in the
    graph, changeable only while no money has moved (graph/store/platform.py).
"""

from __future__ import annotations

import atexit
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from flask import Flask, current_app, g, has_request_context

from . import coalesce
from .errors import ConfigurationError
from .maintenance import heartbeat
from .registry import Registry

if TYPE_CHECKING:
    from .backend import Backend

DEFAULTS: dict[str, Any] = {
    "GRAPH_URL": "embedded",
    "DATA_DIR": "var",
    "APPENDFSYNC": "always",
    "RESTART_WAIT": 5.0,
    "EMBEDDED_START": True,
    "DB_TIMEOUT": 5.0,
    "DB_JOB_TIMEOUT": 600.0,
    "GROUP_COMMIT": True,
    "GRAPH_NAME": "refgraph",
    "NEO4J_USER": "neo4j",
    "NEO4J_PASSWORD": None,
    "NEO4J_DATABASE": "neo4j",
    "CURRENCY": "CNY",
}

_NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


def open_backend(config: Mapping[str, Any]) -> Backend:
    """Open the backend ``config`` names, apply the schema, and return it."""
    settings = {**DEFAULTS, **{k: v for k, v in dict(config).items() if k in DEFAULTS}}
    url = (settings["GRAPH_URL"] or "embedded").strip()
    scheme = urlsplit(url).scheme if "://" in url else url
    timeout = _seconds(settings, "DB_TIMEOUT")
    job_timeout = _seconds(settings, "DB_JOB_TIMEOUT")
    backend: Backend
    if scheme == "embedded":
        from .embedded import EmbeddedServer
        from .falkordb_backend import FalkorDBBackend

        server = EmbeddedServer(settings["DATA_DIR"], appendfsync=settings["APPENDFSYNC"],
                                restart_wait=float(settings["RESTART_WAIT"]),
                                may_start=bool(settings["EMBEDDED_START"])).start()
        try:
            backend = FalkorDBBackend(
                Registry("falkordb"), graph_name=settings["GRAPH_NAME"],
                unix_socket_path=str(server.socket_path), password=server.password, server=server,
                timeout=timeout, job_timeout=job_timeout)
        except Exception:
            server.stop()
            raise
    elif scheme == "falkor":
        from .falkordb_backend import FalkorDBBackend

        parts = urlsplit(url)
        backend = FalkorDBBackend(
            Registry("falkordb"), graph_name=settings["GRAPH_NAME"],
            host=parts.hostname or "localhost", port=parts.port or 6379,
            password=unquote(parts.password) if parts.password else None, timeout=timeout, job_timeout=job_timeout)
    elif scheme in _NEO4J_SCHEMES:
        from .neo4j_backend import Neo4jBackend

        parts = urlsplit(url)
        user = unquote(parts.username) if parts.username else settings["NEO4J_USER"]
        password = unquote(parts.password) if parts.password else settings["NEO4J_PASSWORD"]
        if password is None:
            raise ConfigurationError(
                "Neo4j needs a password: set REFGRAPH_NEO4J_PASSWORD or put it in the URL"
            )
        if parts.hostname is None:
            raise ConfigurationError(
                "REFGRAPH_GRAPH_URL names no Neo4j host; use e.g. 'neo4j://host:7687'")
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        backend = Neo4jBackend(
            Registry("neo4j"), uri=f"{parts.scheme}://{netloc}", user=user,
            password=password, database=settings["NEO4J_DATABASE"], timeout=timeout, job_timeout=job_timeout)
    else:
        raise ConfigurationError(
            f"REFGRAPH_GRAPH_URL={url!r} is not understood; use 'embedded', "
            "'falkor://host:port' or 'neo4j://host:7687'"
        )
    try:
        coalesce.set_enabled(backend, _flag(settings, "GROUP_COMMIT"))
        backend.apply_schema()
        heartbeat(backend)
    except Exception:
        backend.close()
        raise
    return backend


def _seconds(settings: Mapping[str, Any], key: str) -> float:
    try:
        seconds = float(settings[key])
    except (TypeError, ValueError):
        seconds = -1.0
    if not seconds > 0:
        raise ConfigurationError(f"REFGRAPH_{key}={settings[key]!r}; use a number of seconds "
                                 "above 0")
    return seconds


def _flag(settings: Mapping[str, Any], key: str) -> bool:
    """A true/false setting: a bool, or true/false, 1/0, yes/no, on/off."""
    value = settings[key]
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off"):
        return False
    raise ConfigurationError(f"REFGRAPH_{key}={value!r}; use true or false")


def _request_id() -> str | None:
    """The id of the HTTP request this thread answers (api/observability.py
    gives every request one), or None outside a request."""
    if not has_request_context():
        return None
    return str(g.get("request_id") or "(no id)")


class Graph:
    """Flask extension owning the graph backend of one app."""

    def __init__(self, app: Flask | None = None) -> None:
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        for key, value in DEFAULTS.items():
            app.config.setdefault(key, value)
        injected = app.config.get("GRAPH_BACKEND")
        backend = injected or open_backend(app.config)
        try:
            from .backend import Backend
            from .store.platform import settle_currency

            # stand-ins that only serve the OpenAPI document run no statement
            if isinstance(backend, Backend):
                # statements answering a request get DB_TIMEOUT, others DB_JOB_TIMEOUT
                backend.request_id = _request_id
                coalesce.set_enabled(backend, _flag(app.config, "GROUP_COMMIT"))
                settle_currency(backend, app.config["CURRENCY"])
        except Exception:
            if injected is None:
                backend.close()
            raise
        state = _State(backend, owned=injected is None)
        app.extensions["refgraph.graph"] = state
        if state.owned:
            atexit.register(state.close)


class _State:
    def __init__(self, backend: Backend, owned: bool) -> None:
        self.backend = backend
        self.owned = owned
        self.closed = False

    def close(self) -> None:
        if self.owned and not self.closed:
            self.closed = True
            self.backend.close()


def get_backend(app: Flask | None = None) -> Backend:
    """The backend of ``app`` (default: the current app)."""
    return (app or current_app).extensions["refgraph.graph"].backend


def close_backend(app: Flask) -> None:
    """Close the backend the app owns (stops the embedded server it started)."""
    app.extensions["refgraph.graph"].close()
