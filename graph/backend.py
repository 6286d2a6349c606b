"""The one small protocol every graph backend implements.

A backend runs *named* queries from the :class:`~graph.registry.Registry`
and returns plain Python values: a list of rows, each a ``dict`` of column
name to scalar, list or map.  Never a driver object, so the same code and the
same tests run on every backend.

Besides queries, a backend can write a backup of its database
(:meth:`Backend.backup`); only the embedded one can, the others say which
tool to use instead.  Restoring needs the database stopped, so it is not a
backend method: see :func:`graph.backup.restore`.
"""

from __future__ import annotations

import concurrent.futures
import functools
import os
import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, Any, TypeVar

from . import backup as backups
from .errors import BackendError, BackendUnavailable, InvalidValue, RefgraphError, Refused

if TYPE_CHECKING:
    from .registry import Registry

#: One row of a query's answer: column name to a plain value.
Row = dict[str, Any]
#: Called as ``observer(query_name, "read"|"write", seconds, error_code)``.
Observer = Callable[[str, str, float, str | None], None]

#: Seconds a statement may wait for the database while it answers an HTTP
#: request (``DB_TIMEOUT``): a hung or overloaded database then gives a 503
#: with Retry-After instead of holding the request.
REQUEST_TIMEOUT = 5.0
#: Seconds for every other statement (``DB_JOB_TIMEOUT``): commands, worker
#: jobs, start-up, and whatever runs inside :meth:`Backend.long_statements`
#: (a reward run started over HTTP).
JOB_TIMEOUT = 600.0
#: Seconds ``/health`` waits for the database: it must answer within a second.
HEALTH_TIMEOUT = 0.5

F = TypeVar("F", bound=Callable[..., Any])


def _no_request() -> str | None:
    return None


class Backend(ABC):
    """``read(name, **params)`` and ``write(name, **params)``, and lifecycle."""

    #: Short name, also the dialect suffix of its query files.
    name: str = ""

    #: Called as ``observer(query_name, "read"|"write", seconds, error_code)``
    #: after every statement (the API's metrics); ``None`` for nobody.
    observer: Observer | None = None

    #: The platform's currency (ISO 4217), settled at start-up from the
    #: CURRENCY setting (graph/store/platform.py).
    currency: str = "CNY"

    def __init__(self, registry: Registry, *, timeout: float = REQUEST_TIMEOUT,
                 job_timeout: float = JOB_TIMEOUT) -> None:
        self.queries = registry
        #: Values derived from the database and kept for this backend's
        #: lifetime, each checked by the statements that use it (the rules
        #: timeline: graph/store/rules.py, cached_timeline).
        self.memo: dict[str, Any] = {}
        self.request_timeout = float(timeout)
        self.job_timeout = float(job_timeout)
        #: The id of the HTTP request this thread answers, or None outside
        #: one; :class:`graph.Graph` sets it from Flask.  It picks the
        #: statement timeout, and names the request in the log.
        self.request_id: Callable[[], str | None] = _no_request
        self._long = threading.local()
        self._probe_lock = threading.Lock()
        self._probe_pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._probing: concurrent.futures.Future[str] | None = None

    def read(self, name: str, /, **params: Any) -> list[Row]:
        """Run the read-only query ``name``; return a list of row dicts."""
        check_params(params)
        return self._observed(name, params, readonly=True)

    def write(self, name: str, /, **params: Any) -> list[Row]:
        """Run the query ``name`` in one atomic write; return its rows.

        Ids are checked as well as text (:func:`check_params`): a new id
        with leading or trailing whitespace or a control character crashes
        FalkorDB's unique constraints, so every backend refuses it alike."""
        check_params(params, ids=True)
        return self._observed(name, params, readonly=False)

    # -- how long a statement may wait -------------------------------------------

    def timeout(self) -> float:
        """The seconds the next statement of this thread may wait for the
        database: :attr:`request_timeout` while it answers an HTTP request
        (or inside :meth:`request_statements`), :attr:`job_timeout`
        otherwise or inside :meth:`long_statements`."""
        if getattr(self._long, "depth", 0):
            return self.job_timeout
        if self.request_id() is None and not getattr(self._long, "requests", 0):
            return self.job_timeout
        return self.request_timeout

    @contextmanager
    def request_statements(self) -> Iterator[None]:
        """Statements of this thread get the request timeout meanwhile, as
        if they answered an HTTP request: group commit's flusher thread
        sends the statements of waiting requests (graph/coalesce.py)."""
        self._long.requests = getattr(self._long, "requests", 0) + 1
        try:
            yield
        finally:
            self._long.requests -= 1

    @contextmanager
    def long_statements(self) -> Iterator[None]:
        """Statements of this thread get the job timeout meanwhile (a reward
        run started by an HTTP request may take minutes)."""
        self._long.depth = getattr(self._long, "depth", 0) + 1
        try:
            yield
        finally:
            self._long.depth -= 1

    def health(self) -> str:
        """The database's version if it answers within :data:`HEALTH_TIMEOUT`;
        else :class:`~graph.errors.BackendUnavailable`.

        This default reads on a probe thread and stops waiting at the
        timeout (a driver may have no read timeout of its own: Neo4j's has
        none on an open connection); while an earlier probe still waits, it
        answers at once."""
        with self._probe_lock:
            if self._probe_pool is None:
                self._probe_pool = concurrent.futures.ThreadPoolExecutor(
                    1, f"refgraph-{self.name}-probe")
            if self._probing is None or self._probing.done():
                self._probing = self._probe_pool.submit(self._probe)
            probing = self._probing
        try:
            return probing.result(HEALTH_TIMEOUT)
        except concurrent.futures.TimeoutError:
            raise BackendUnavailable.no_answer(f"the {self.name} database",
                                               HEALTH_TIMEOUT) from None

    def _observed(self, name: str, params: dict[str, Any], readonly: bool) -> list[Row]:
        started = time.perf_counter()
        error: str | None = None
        try:
            return self._run(name, params, readonly)
        except RefgraphError as exc:
            error = exc.code
            raise
        finally:
            if self.observer is not None:
                self.observer(name, "read" if readonly else "write",
                              time.perf_counter() - started, error)

    @abstractmethod
    def _run(self, name: str, params: dict[str, Any], readonly: bool) -> list[Row]:
        """Run one named statement (read-only or as one atomic write); rows as dicts."""

    def read_one(self, name: str, /, **params: Any) -> Row | None:
        """The first row of :meth:`read`, or ``None`` when there is none."""
        rows = self.read(name, **params)
        return rows[0] if rows else None

    def write_one(self, name: str, /, **params: Any) -> Row | None:
        """The first row of :meth:`write`, or ``None`` when there is none."""
        rows = self.write(name, **params)
        return rows[0] if rows else None

    @abstractmethod
    def apply_schema(self) -> None:
        """Create the indexes and constraints; safe to run again."""

    @abstractmethod
    def version(self) -> str:
        """The database product and version, e.g. ``'FalkorDB 4.16.3'``."""

    @abstractmethod
    def status(self) -> dict[str, Any]:
        """A dict describing the backend for ``refgraph db status``."""

    def backup(self, path: str | os.PathLike[str],
               progress: Callable[[int, int], None] | None = None) -> int:
        """Write a consistent backup of the database to ``path``; return its
        size in bytes.  ``progress(done, total)`` counts bytes.  Raises
        :class:`~graph.errors.Unsupported` unless this is the embedded
        database, naming the server's own backup tool."""
        return backups.backup(self, path, progress)

    def bulk_load(self) -> AbstractContextManager[None]:
        """A context for loading many statements in a row (``refgraph demo
        seed``, ``refgraph import``): the embedded database defers its
        background compaction to the end; other backends change nothing."""
        return nullcontext()

    def _probe(self) -> str:
        self._run("heartbeat_get", {"id": "health"}, True)   # a round trip, not a pooled answer
        return self.version()

    def close(self) -> None:
        """Release connections (and stop an embedded server we own)."""
        if self._probe_pool is not None:
            self._probe_pool.shutdown(wait=False)


def long_running(func: F) -> F:
    """Run ``func(backend, ...)`` inside ``backend.long_statements()``: for
    store functions that take minutes by nature (a reward run) wherever
    they are called from."""
    @functools.wraps(func)
    def wrapper(backend: Backend, *args: Any, **kwargs: Any) -> Any:
        with backend.long_statements():
            return func(backend, *args, **kwargs)
    return wrapper  # type: ignore[return-value]


#: Parameter names whose values become ids.  Every unique property of the
#: schema (cypher/schema/*.cypher: ``id``, ``change_id``, ``event_id``,
#: ``period``, ``version``) is written from a parameter, or a batch row's
#: field, named ``id``, ``*_id``, ``ids``, ``*_ids`` or ``*period``
#: (tests/test_backend_protocol.py checks every query file for it);
#: ``code`` is added for the codes clients choose.  Checking by name at any
#: depth covers nested rows without a per-query list to keep up to date; the
#: price is that an id-like field of a non-unique property (``device_id``)
#: is held to the same rule, which API ids follow anyway.
_ID_NAMES = re.compile(r"(?:^|_)(?:ids?|period|code)$")
#: What FalkorDB 4.16 cannot take in a property under a unique constraint:
#: leading or trailing whitespace, or a control character (\x01 anywhere);
#: cypher/DIALECTS.md, "Ids that crash the server".
_BAD_ID = re.compile(r"^\s|\s$|[\x00-\x1f\x7f]")


def check_params(params: dict[str, Any] | list[Any] | tuple[Any, ...], path: str = "",
                 ids: bool = False, _id: bool = False) -> None:
    """Refuse text no backend can take as a parameter: a NUL character (the
    FalkorDB protocol ends strings there) or a lone surrogate (not UTF-8).
    With ``ids`` (every write), also an id-like parameter (:data:`_ID_NAMES`,
    at any depth; in a list, each element) with leading or trailing
    whitespace or a control character.  Raised as a 422 naming the
    parameter, before anything is sent.

    It runs on every statement: 9 µs for a sale's parameters, of which the
    id check takes 6 (bench/param_check.py).
    """
    items = params.items() if isinstance(params, dict) else enumerate(params)
    for key, value in items:
        # a map's key says whether its value is an id; a list's elements are
        # ids when the list is (``_id``)
        id_like = ids and (_ID_NAMES.search(key) is not None if isinstance(key, str) else _id)
        if isinstance(value, str):
            if (id_like and _BAD_ID.search(value)) or "\x00" in value:
                name = f"{path}.{key}" if path else str(key)
                if "\x00" in value:
                    raise Refused("invalid_text", f"{name} contains a NUL character", name)
                raise InvalidValue(name, f"{name} {value!r} has leading or trailing whitespace or "
                                   "a control character, which an id may not have; send it "
                                   "without them")
            if not value.isascii():
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    name = f"{path}.{key}" if path else str(key)
                    raise Refused("invalid_text", f"{name} is not valid Unicode text",
                                  name) from None
        elif isinstance(value, (dict, list, tuple)):
            check_params(value, f"{path}.{key}" if path else str(key), ids, id_like)


def plain(value: object, query_name: str) -> Any:
    """Turn a driver value into plain Python (dict, list, scalar).

    Graph objects (nodes, relationships, paths) are refused: queries must
    return scalars and maps so that every backend gives the same values.
    """
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        return {k: plain(v, query_name) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, query_name) for v in value]
    raise BackendError(
        f"query {query_name!r} returned a {type(value).__name__}; return scalars and "
        "maps (e.g. n {.id, .name}) so every backend gives the same values"
    )
