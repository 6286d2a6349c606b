"""FalkorDB backend, through the ``falkordb`` client (embedded or remote).

FalkorDB runs each statement atomically and serialises writes on a graph,
so one statement is one transaction.  Reads go through ``GRAPH.RO_QUERY``,
which the server refuses to run if the query writes.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import deque
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import redis
from falkordb import FalkorDB
from falkordb.helpers import stringify_param_value
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.retry import Retry

from .backend import HEALTH_TIMEOUT, JOB_TIMEOUT, REQUEST_TIMEOUT, Backend, Row
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


class _Connections:
    """Connections to the server for the statements, kept ready for the next
    caller whichever thread it is.

    redis-py's own pool costs more per call than the Python of a whole
    request: a lock, a fork check, a readiness poll of the socket and event
    bookkeeping on each get and release, a retry wrapper and reply callbacks.
    Here a call takes an idle connection from a deque (atomic, no lock),
    sends the command and reads its reply, and puts the connection back.
    The connections are redis-py's own, made with the client's settings
    (socket, password, timeouts, decoding).  A connection that fails is
    dropped with every idle one (after a server restart all of them are
    stale: the next call connects afresh); a refusal by the server
    (``redis.ResponseError``) leaves the connection usable.  A remote
    server's connection losses are retried as the client's ``Retry`` says;
    the embedded server's are not (``_send`` decides).
    """

    def __init__(self, client: FalkorDB) -> None:
        pool = client.connection.connection_pool
        self._make = functools.partial(pool.connection_class, **pool.connection_kwargs)
        retry = pool.connection_kwargs.get("retry")
        self._retry = retry if retry is not None and retry.get_retries() > 0 else None
        self._idle: deque[redis.Connection] = deque()
        self._open: set[redis.Connection] = set()

    def __call__(self, *args: Any) -> Any:
        if self._retry is None:
            return self._once(args)
        return self._retry.call_with_retry(lambda: self._once(args), lambda error: None)

    def _once(self, args: tuple[Any, ...]) -> Any:
        try:
            conn = self._idle.pop()
        except IndexError:
            conn = self._make()
            self._open.add(conn)
        try:
            conn.send_command(*args)
            reply = conn.read_response()
        except redis.ResponseError:
            self._idle.append(conn)
            raise
        except BaseException:
            self._drop(conn)
            self.drop_idle()
            raise
        self._idle.append(conn)
        return reply

    def _drop(self, conn: redis.Connection) -> None:
        self._open.discard(conn)
        conn.disconnect()

    def drop_idle(self) -> None:
        while True:
            try:
                conn = self._idle.pop()
            except IndexError:
                return
            self._drop(conn)

    def close(self) -> None:
        self._idle.clear()
        for conn in list(self._open):
            self._drop(conn)


class FalkorDBBackend(Backend):
    name = "falkordb"

    def __init__(self, registry: Registry, *, graph_name: str, host: str | None = None,
                 port: int | None = None, unix_socket_path: str | None = None,
                 password: str | None = None, server: EmbeddedServer | None = None,
                 timeout: float = REQUEST_TIMEOUT, job_timeout: float = JOB_TIMEOUT) -> None:
        super().__init__(registry, timeout=timeout, job_timeout=job_timeout)
        self.graph_name = graph_name
        self.server = server  # an EmbeddedServer we may restart, or None
        if unix_socket_path:
            self.location = f"unix:{unix_socket_path}"
        else:
            self.location = f"{host}:{port}"

        def client(seconds: float) -> FalkorDB:
            # redis-py retries a lost connection ten times with a growing
            # backoff by default, and a timeout too.  The embedded server:
            # no retry here, _send decides (the supervisor does the waiting,
            # graph/supervisor.py).  A remote server: three quick retries of
            # a lost connection, then 503; never of a timeout, which would
            # double the wait on a hung server.
            if unix_socket_path:
                return FalkorDB(unix_socket_path=unix_socket_path, password=password,
                                socket_timeout=seconds, socket_connect_timeout=seconds,
                                retry=Retry(NoBackoff(), 0))
            return FalkorDB(host=host, port=port, password=password, socket_timeout=seconds,
                            socket_connect_timeout=seconds,
                            retry=Retry(ExponentialBackoff(cap=1.0, base=0.1), 3,
                                        supported_errors=(redis.ConnectionError,)))

        # One connection pool per timeout: redis-py sets a socket's timeout
        # when it connects.
        self._db = client(self.request_timeout)
        self._jobs = client(self.job_timeout)
        self._health_db = client(HEALTH_TIMEOUT)
        self._graph = self._jobs.select_graph(graph_name)
        self._statements = _Connections(self._db)
        self._job_statements = _Connections(self._jobs)

    def _run(self, name: str, params: dict[str, Any], readonly: bool) -> list[Row]:
        command = ("GRAPH.RO_QUERY" if readonly else "GRAPH.QUERY", self.graph_name,
                   _params_header(params) + self.queries[name].text, "--compact")
        try:
            reply = self._send(command, f"query {name!r}", statements=True)
            # a run-time error comes as the reply's last element, not raised
            if reply and isinstance(reply[-1], redis.ResponseError):
                raise reply[-1]
        except redis.ResponseError as exc:
            text = str(exc)
            if "constraint violation" in text:
                raise ConstraintViolation(f"{name}: {text}") from exc
            raise BackendError(f"query {name!r} failed on FalkorDB: {text}") from exc
        return _rows(reply, name)

    def _send(self, args: tuple[Any, ...], what: str, statements: bool = False) -> Any:
        """Send one command; a database that went away or does not answer
        becomes :class:`BackendUnavailable` (its refusals stay
        ``redis.ResponseError``, for the caller to name).

        On the embedded server, whether to send it again depends on what
        happened to the server process meanwhile:

        - it died during the attempt (it was alive before, and is dead or
          another process after): not sent again, since the statement may be
          what crashed it (a "poison" request); the supervisor restarts the
          server and the caller gets one 503;
        - it is alive but did not answer in time (stopped, overloaded): 503
          at once, no restart (a stopped server is not dead);
        - it was already gone before (a pooled connection to a server that
          has since been restarted, or is being): wait for it as the
          supervisor says, then send once more.  Every statement is
          idempotent, so that cannot apply it twice.

        ``statements``: a ``GRAPH.QUERY``, sent on the lean connections
        (:class:`_Connections`); other commands go through redis-py's client,
        whose reply callbacks make their answers (INFO's dict, ...).
        """
        seconds = self.timeout()
        jobs = seconds == self.job_timeout
        if statements:
            run = self._job_statements if jobs else self._statements
        else:
            run = (self._jobs if jobs else self._db).connection.execute_command
        server = self.server
        if server is None:
            try:
                return run(*args)
            except redis.TimeoutError as exc:
                raise BackendUnavailable.no_answer(f"FalkorDB at {self.location}",
                                                   seconds) from exc
            except redis.ConnectionError as exc:
                raise BackendUnavailable.unreachable(f"FalkorDB at {self.location}", exc) from exc
        before = server.live_pid()
        try:
            return run(*args)
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            after = server.live_pid(thorough=True)
            if before is not None and after != before:
                log.error("the embedded FalkorDB server (pid %s) died while it ran %s; it is "
                          "not sent again, as a suspected poison request (request %s)",
                          before, what, self.request_id() or "none: not an HTTP request")
                raise server.supervisor.crashed(exc) from exc
            if isinstance(exc, redis.TimeoutError) and after is not None:
                log.warning("the embedded FalkorDB server (pid %s) did not answer %s within "
                            "%g s", after, what, seconds)
                raise server.supervisor.silent(seconds, exc, after) from exc
            unavailable = server.unavailable(exc)
            if unavailable is not None:
                raise unavailable from exc
        try:
            return run(*args)
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            raise server.supervisor.down(exc) from exc

    def _command(self, *args: Any) -> Any:
        return self._send(args, f"command {args[0]}")

    def health(self) -> str:
        """The version if the server answers within :data:`HEALTH_TIMEOUT`
        (a probe connection of its own, never retried); a dead embedded
        server is restarted without waiting for it."""
        try:
            return self._version(self._health_db.connection.execute_command("MODULE", "LIST"))
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            if self.server is None:
                raise BackendUnavailable.no_answer(f"FalkorDB at {self.location}",
                                                   HEALTH_TIMEOUT) from exc
            pid = self.server.live_pid(thorough=True)
            if pid is not None and isinstance(exc, redis.TimeoutError):
                raise self.server.supervisor.silent(HEALTH_TIMEOUT, exc, pid) from exc
            unavailable = self.server.unavailable(exc, wait=0)
            if unavailable is not None:
                raise unavailable from exc
        try:   # a probe connection to a server that has been restarted since
            return self._version(self._health_db.connection.execute_command("MODULE", "LIST"))
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            raise BackendUnavailable.no_answer("The embedded database", HEALTH_TIMEOUT) from exc

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
        return self._version(self._command("MODULE", "LIST"))

    @staticmethod
    def _version(modules: list[Any]) -> str:
        for module in modules:
            fields = dict(zip(module[::2], module[1::2], strict=True))
            if fields.get("name") == "graph":
                return f"FalkorDB {_version(fields['ver'])}"
        return "FalkorDB (unknown version)"

    def status(self) -> dict[str, Any]:
        info = self._command("INFO")
        status: dict[str, Any] = {
            "backend": self.name,
            "version": self.version(),
            "location": self.location,
            "graph": self.graph_name,
            "memory_used_bytes": info.get("used_memory"),
            "memory_used": info.get("used_memory_human"),
            "aof_enabled": bool(info.get("aof_enabled")),
            "aof_last_write_status": info.get("aof_last_write_status"),
            "appendfsync": self._command("CONFIG GET", "appendfsync").get("appendfsync"),
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
            super().close()
            for connections in (self._statements, self._job_statements):
                connections.close()
            for client in (self._db, self._jobs, self._health_db):
                client.connection.close()
        finally:
            if self.server is not None:
                self.server.stop()
