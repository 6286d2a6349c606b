"""Backing up and restoring the embedded database.

refgraph owns the embedded FalkorDB's files, so it can copy them: a backup is
a consistent RDB snapshot taken by the server (``SAVE``) and copied out; a
restore puts one back into a stopped data directory.  A Neo4j or FalkorDB
server has its own tools for this, and its operator runs them.

:meth:`graph.backend.Backend.backup` comes here; nothing outside ``graph/``
touches the embedded server.  ``progress(done, total)`` counts bytes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from . import DEFAULTS
from .embedded import EmbeddedServer, _locked
from .errors import EmbeddedServerError, Unsupported

if TYPE_CHECKING:
    from .backend import Backend
    from .falkordb_backend import FalkorDBBackend

#: ``progress(done, total)``, in bytes.
Progress = Callable[[int, int], None]

NOT_EMBEDDED = ("only the embedded database can be {} this way; use your server's own "
                "backup tool (neo4j-admin database dump|load, or redis BGSAVE and its RDB "
                "file for a FalkorDB server)")


def _counted(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    """``progress(done, total)`` as the ``progress(n)`` that copy_file calls."""
    if progress is None:
        return None
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        progress(done, total)
    return step


def backup(backend: Backend, path: str | os.PathLike[str],
           progress: Progress | None = None) -> int:
    """Write a consistent snapshot of ``backend``'s embedded database to
    ``path``; return its size in bytes.  Raises :class:`Unsupported` for a
    backend without an embedded server."""
    # FalkorDBBackend keeps the EmbeddedServer it started in ``server`` and
    # takes the snapshot with save_snapshot(); other backends have neither.
    if getattr(backend, "server", None) is None:
        raise Unsupported(NOT_EMBEDDED.format("backed up"))
    snapshot = Path(cast("FalkorDBBackend", backend).save_snapshot())
    total = snapshot.stat().st_size
    copy_file(snapshot, path, _counted(progress, total))
    return total


def _server(config: Mapping[str, Any]) -> EmbeddedServer:
    settings = {**DEFAULTS, **dict(config)}
    if (settings["GRAPH_URL"] or "embedded").strip() != "embedded":
        raise Unsupported(NOT_EMBEDDED.format("restored"))
    return EmbeddedServer(settings["DATA_DIR"], appendfsync=settings["APPENDFSYNC"])


def restore_target(config: Mapping[str, Any]) -> Path:
    """The data directory :func:`restore` would replace (nothing is opened);
    raises :class:`Unsupported` unless ``config`` names the embedded database."""
    return _server(config).data_dir


def restore(config: Mapping[str, Any], path: str | os.PathLike[str],
            progress: Progress | None = None) -> Path:
    """Replace the embedded database of ``config`` with the backup at ``path``
    and return its data directory.  refgraph must be stopped; the current
    files are kept beside it as ``falkordb.before-restore-<time>``."""
    server = _server(config)
    restore_server(server, path, progress=_counted(progress, Path(path).stat().st_size))
    return server.data_dir


def copy_file(source: str | os.PathLike[str], target: str | os.PathLike[str],
              progress: Callable[[int], None] | None = None, chunk: int = 1 << 20) -> None:
    """Copy ``source`` to ``target``; ``progress(n)`` is told of each chunk."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        while True:
            block = src.read(chunk)
            if not block:
                break
            dst.write(block)
            if progress:
                progress(len(block))
        dst.flush()
        os.fsync(dst.fileno())


# Restoring works on the embedded server's files and process directly: this
# module is its only user besides the server itself.
def restore_server(server: EmbeddedServer, snapshot: str | os.PathLike[str],
               progress: Callable[[int], None] | None = None) -> None:
    """Replace the data with an RDB snapshot made by ``backup``.

    Refuses while any process serves this data directory.  The current
    files are kept beside the new ones as ``falkordb.before-restore-<time>``.
    Redis ignores an RDB file when append-only mode is on, so the snapshot
    is loaded with it off, then switched on, which rewrites the
    append-only files from the loaded data.
    """
    snapshot = Path(snapshot)
    with open(snapshot, "rb") as handle:
        if handle.read(5) != b"REDIS":
            raise EmbeddedServerError(f"{snapshot} is not a refgraph backup (an RDB file)")
    server._prepare_dirs()
    with _locked(server.data_dir / "start.lock"):
        if server.ping():
            raise EmbeddedServerError(
                f"refgraph is running on {server.data_dir}; stop it before restoring"
            )
        if server.work_dir.exists():
            stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
            server.work_dir.rename(server.data_dir / f"falkordb.before-restore-{stamp}")
        server.work_dir.mkdir(mode=0o700)
        copy_file(snapshot, server.rdb_path, progress)
        server._launch(appendonly=False)
        try:
            with server.client(timeout=60) as conn:
                conn.config_set("appendonly", "yes")
                while True:
                    info = conn.info("persistence")
                    if info["aof_enabled"] and not info["aof_rewrite_in_progress"] \
                            and not info.get("aof_rewrite_scheduled"):
                        break
                    time.sleep(0.05)
        finally:
            server._terminate()

