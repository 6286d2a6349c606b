"""Database upkeep shared by the CLI, start-up and the tests."""

from __future__ import annotations

import os
import socket
from typing import TYPE_CHECKING, Any

# now_ms is defined in graph.vocabulary; re-exported for graph.copy, the
# benchmarks and the tests, which import it from here.
from .vocabulary import now_ms

if TYPE_CHECKING:
    from .backend import Backend

__all__ = ["counts", "heartbeat", "now_ms", "wipe"]


def heartbeat(backend: Backend) -> dict[str, Any]:
    """Write this process's heartbeat: proves the database takes writes."""
    by = f"{socket.gethostname()}:{os.getpid()}"
    row = backend.write_one("heartbeat_write", id=by, at=now_ms(), by=by)
    assert row is not None  # the MERGE always answers with the heartbeat
    return row["heartbeat"]


def wipe(backend: Backend, batch: int = 10_000) -> int:
    """Delete every node and relationship, in batches; return the count."""
    total = 0
    while True:
        row = backend.write_one("wipe_batch", batch=batch)
        assert row is not None  # a count, 0 once nothing is left
        deleted = row["deleted"]
        total += deleted
        if deleted == 0:
            return total


def counts(backend: Backend) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type, as two dicts."""
    nodes = {row["label"]: row["nodes"] for row in backend.read("count_nodes")}
    rels = {row["type"]: row["relationships"] for row in backend.read("count_relationships")}
    return nodes, rels
