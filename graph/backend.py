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

import os
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

from . import backup as backups
from .errors import BackendError, RefgraphError, Refused

if TYPE_CHECKING:
    from .registry import Registry

#: One row of a query's answer: column name to a plain value.
Row = dict[str, Any]
#: Called as ``observer(query_name, "read"|"write", seconds, error_code)``.
Observer = Callable[[str, str, float, str | None], None]


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

    def __init__(self, registry: Registry) -> None:
        self.queries = registry
        #: Values derived from the database and kept for this backend's
        #: lifetime, each checked by the statements that use it (the rules
        #: timeline: graph/store/rules.py, cached_timeline).
        self.memo: dict[str, Any] = {}

    def read(self, name: str, /, **params: Any) -> list[Row]:
        """Run the read-only query ``name``; return a list of row dicts."""
        check_params(params)
        return self._observed(name, params, readonly=True)

    def write(self, name: str, /, **params: Any) -> list[Row]:
        """Run the query ``name`` in one atomic write; return its rows."""
        check_params(params)
        return self._observed(name, params, readonly=False)

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

    def close(self) -> None:  # noqa: B027 - optional: a backend may hold nothing to release
        """Release connections (and stop an embedded server we own)."""


def check_params(params: dict[str, Any] | list[Any] | tuple[Any, ...], path: str = "") -> None:
    """Refuse text no backend can take as a parameter: a NUL character (the
    FalkorDB protocol ends strings there) or a lone surrogate (not UTF-8).
    Raised as a 422 naming the parameter, before anything is sent."""
    for key, value in (params.items() if isinstance(params, dict) else enumerate(params)):
        name = f"{path}.{key}" if path else str(key)
        if isinstance(value, str):
            if "\x00" in value:
                raise Refused("invalid_text", f"{name} contains a NUL character", name)
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise Refused("invalid_text", f"{name} is not valid Unicode text", name) from None
        elif isinstance(value, (dict, list, tuple)):
            check_params(value, name)


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
