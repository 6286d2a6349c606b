"""FalkorDB backend, through the ``falkordb`` client (embedded or remote).

FalkorDB runs each statement atomically and serialises writes on a graph,
so one statement is one transaction.  Reads go through ``GRAPH.RO_QUERY``,
which the server refuses to run if the query writes.
"""

from __future__ import annotations

import logging
import re
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import redis
from falkordb import FalkorDB
from falkordb.helpers import stringify_param_value
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.retry import Retry

from .backend import Backend, Row
from .embedded import LOG_WRITES_AS_TEXT
from .errors import BackendError, BackendUnavailable, ConstraintViolation

if TYPE_CHECKING:
    from .embedded import EmbeddedServer
    from .registry import Registry

log = logging.getLogger(__name__)

_INDEX = re.compile(r"CREATE INDEX FOR \(\w+:(\w+)\) ON \(\w+\.(\w+)\)")


def _version(number: int | str | bytes) -> str:
    major, rest = divmod(int(number), 10000)
    minor, patch = divmod(rest, 100)
    return f"{major}.{minor}.{patch}"


def _params_header(params: dict[str, Any]) -> str:
    """The ``CYPHER name=value ...`` prefix that carries parameters to FalkorDB
    (its protocol has no other place for them); values are encoded by the
    client library's own function, never formatted here."""
    if not params:
        return ""
    return "CYPHER " + " ".join(f"{key}={stringify_param_value(value)}"
                                for key, value in params.items()) + " "


# Value types of FalkorDB's compact result set (docs: "Result Set Structure").
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY = 1, 2, 3, 4, 5, 6
_MAP = 10


def _value(cell: list[Any], query_name: str) -> Any:
    """One compact ``[type, value]`` cell as plain Python.

    The same values as the client library's parser followed by
    :func:`~graph.backend.plain`, in one pass: a reward run reads some
    600,000 values at 1M users, and the two passes cost more than the
    server took to answer.  Graph objects (nodes, relationships, paths) and
    the types refgraph never stores are refused as :func:`plain` refuses them.
    """
    kind, value = cell
    if kind == _INTEGER or kind == _STRING:
        return value
    if kind == _ARRAY:
        return [_value(item, query_name) for item in value]
    if kind == _NULL:
        return None
    if kind == _BOOLEAN:
        return value == "true"
    if kind == _DOUBLE:
        return float(value)
    if kind == _MAP:
        return {value[i]: _value(value[i + 1], query_name) for i in range(0, len(value), 2)}
    raise BackendError(
        f"query {query_name!r} returned a value of FalkorDB type {kind}; return scalars and "
        "maps (e.g. n {.id, .name}) so every backend gives the same values")


def _rows(reply: list[Any], query_name: str) -> list[Row]:
    """Rows as dicts from a compact reply: ``[stats]`` or ``[header, rows, stats]``."""
    if len(reply) < 3:
        return []
    columns = [column[1] for column in reply[0]]
    return [{column: _value(cell, query_name)
             for column, cell in zip(columns, row, strict=True)} for row in reply[1]]


class FalkorDBBackend(Backend):
    name = "falkordb"

    def __init__(self, registry: Registry, *, graph_name: str, host: str | None = None,
                 port: int | None = None, unix_socket_path: str | None = None,
                 password: str | None = None, server: EmbeddedServer | None = None) -> None:
        super().__init__(registry)
        self.graph_name = graph_name
        self.server = server  # an EmbeddedServer we may restart, or None
        # redis-py retries a lost connection ten times with a growing backoff
        # by default; a dead server would hold each request for seconds.  The
        # embedded server's supervisor does the waiting (graph/supervisor.py),
        # so one immediate retry covers a pooled connection gone stale; a
        # remote server gets three quick ones, then 503.
        if unix_socket_path:
            self._db = FalkorDB(unix_socket_path=unix_socket_path, password=password,
                                retry=Retry(NoBackoff(), 1))
            self.location = f"unix:{unix_socket_path}"
        else:
            self._db = FalkorDB(host=host, port=port, password=password,
                                retry=Retry(ExponentialBackoff(cap=1.0, base=0.1), 3))
            self.location = f"{host}:{port}"
        self._graph = self._db.select_graph(graph_name)

    def _run(self, name: str, params: dict[str, Any], readonly: bool) -> list[Row]:
        command = ("GRAPH.RO_QUERY" if readonly else "GRAPH.QUERY", self.graph_name,
                   _params_header(params) + self.queries[name].text, "--compact")
        run = self._db.connection.execute_command
        try:
            try:
                reply = run(*command)
            except (redis.ConnectionError, redis.TimeoutError) as exc:
                if self.server is None:
                    raise
                # The embedded server went away (its owner stopped, or it was
                # killed): it is started again from its append-only file (see
                # graph/supervisor.py); retry once it answers, else 503.  Every
                # statement is idempotent, so a retry cannot apply twice.
                self._await_server(exc)
                reply = run(*command)
            # a run-time error comes as the reply's last element, not raised
            if reply and isinstance(reply[-1], redis.ResponseError):
                raise reply[-1]
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            if self.server is not None:
                raise self.server.supervisor.down(exc) from exc
            raise BackendUnavailable.unreachable(f"FalkorDB at {self.location}", exc) from exc
        except redis.ResponseError as exc:
            text = str(exc)
            if "constraint violation" in text:
                raise ConstraintViolation(f"{name}: {text}") from exc
            raise BackendError(f"query {name!r} failed on FalkorDB: {text}") from exc
        return _rows(reply, name)

    def _await_server(self, cause: BaseException) -> None:
        assert self.server is not None  # only called for the embedded server
        unavailable = self.server.unavailable(cause)
        if unavailable is not None:
            raise unavailable from cause

    def _command(self, *args: Any) -> Any:
        try:
            try:
                return self._db.connection.execute_command(*args)
            except (redis.ConnectionError, redis.TimeoutError) as exc:
                if self.server is None:
                    raise
                self._await_server(exc)
                return self._db.connection.execute_command(*args)
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            if self.server is not None:
                raise self.server.supervisor.down(exc) from exc
            raise BackendUnavailable.unreachable(f"FalkorDB at {self.location}", exc) from exc

    def _existing_schema(self) -> tuple[set[tuple[str, str]], set[tuple[str, tuple[str, ...]]]]:
        """(label, property) pairs already indexed and already unique."""
        try:
            indexes = self._graph.ro_query("CALL db.indexes()").result_set
            constraints = self._graph.ro_query("CALL db.constraints()").result_set
        except redis.ResponseError:   # the graph does not exist yet
            return set(), set()
        indexed = {(row[0], prop) for row in indexes for prop in row[1]}
        unique = {(row[1], tuple(row[2])) for row in constraints if row[0] == "UNIQUE"}
        return indexed, unique

    def apply_schema(self) -> None:
        """Create the indexes and unique constraints that are missing.

        Only what is missing is sent: FalkorDB writes even a refused
        GRAPH.CONSTRAINT into its append-only file, which every restart
        would replay."""
        indexed, unique = self._existing_schema()
        sent = False
        for statement in self.queries.schema_statements():
            words = statement.split()
            if words[0].upper() == "GRAPH.CONSTRAINT":
                # GRAPH.CONSTRAINT CREATE UNIQUE NODE <Label> PROPERTIES <n> <props...>
                if (words[4], tuple(words[7:])) in unique:
                    continue
                args = (words[0], words[1], self.graph_name, *words[2:])
            else:
                match = _INDEX.match(statement)
                if match and (match.group(1), match.group(2)) in indexed:
                    continue
                args = None
            try:
                if args:
                    self._command(*args)
                else:
                    self._graph.query(statement)
                sent = True
            except redis.ResponseError as exc:
                if "already indexed" in str(exc) or "already exists" in str(exc):
                    continue
                raise BackendError(f"schema statement failed: {statement!r}: {exc}") from exc
        threshold = self.effects_threshold() if self.server is None else LOG_WRITES_AS_TEXT
        if threshold < LOG_WRITES_AS_TEXT:
            log.warning(
                "FalkorDB at %s logs slow writes as binary effects (EFFECTS_THRESHOLD %s), "
                "whose replay after a restart can store values under the wrong property "
                "names; start it with 'loadmodule falkordb.so EFFECTS_THRESHOLD %d' "
                "(cypher/DIALECTS.md, 'Writes logged as effects')",
                self.location, threshold, LOG_WRITES_AS_TEXT)
        if sent and self.server is not None:
            # FalkorDB re-appends constraint commands to the append-only file
            # each time it replays them; a rewrite turns them into a snapshot.
            self.server.compact()

    def effects_threshold(self) -> int:
        """The server's ``EFFECTS_THRESHOLD`` (µs per change)."""
        reply = self._command("GRAPH.CONFIG", "GET", "EFFECTS_THRESHOLD")
        return int(reply[1])

    def version(self) -> str:
        for module in self._command("MODULE", "LIST"):
            fields = dict(zip(module[::2], module[1::2], strict=True))
            if fields.get("name") == "graph":
                return f"FalkorDB {_version(fields['ver'])}"
        return "FalkorDB (unknown version)"

    def status(self) -> dict[str, Any]:
        info = self._db.connection.info()
        status: dict[str, Any] = {
            "backend": self.name,
            "version": self.version(),
            "location": self.location,
            "graph": self.graph_name,
            "memory_used_bytes": info.get("used_memory"),
            "memory_used": info.get("used_memory_human"),
            "aof_enabled": bool(info.get("aof_enabled")),
            "aof_last_write_status": info.get("aof_last_write_status"),
            "appendfsync": self._db.connection.config_get("appendfsync").get("appendfsync"),
            "writes_logged_as": ("query text" if self.effects_threshold() >= LOG_WRITES_AS_TEXT
                                 else "effects when slow"),
        }
        if self.server is not None:
            status["data_dir"] = str(self.server.data_dir)
            status["server_pid"] = self.server.pid()
        return status

    def bulk_load(self) -> AbstractContextManager[None]:
        # a remote server's persistence settings belong to its operator
        return self.server.bulk_load() if self.server is not None else nullcontext()

    def save_snapshot(self) -> Path:
        """Write a consistent RDB snapshot and return its path (embedded only)."""
        assert self.server is not None  # graph.backup.backup checks it first
        self._command("SAVE")
        return self.server.rdb_path

    def close(self) -> None:
        try:
            self._db.connection.close()
        finally:
            if self.server is not None:
                self.server.stop()
