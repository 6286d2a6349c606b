"""Database upkeep shared by the CLI, start-up and the tests."""

import os
import socket

# now_ms is defined in graph.vocabulary; re-exported for graph.copy, the
# benchmarks and the tests, which import it from here.
from .vocabulary import now_ms

__all__ = ["counts", "heartbeat", "now_ms", "wipe"]


def heartbeat(backend):
    """Write this process's heartbeat: proves the database takes writes."""
    by = f"{socket.gethostname()}:{os.getpid()}"
    return backend.write_one("heartbeat_write", id=by, at=now_ms(), by=by)["heartbeat"]


def wipe(backend, batch=10_000):
    """Delete every node and relationship, in batches; return the count."""
    total = 0
    while True:
        deleted = backend.write_one("wipe_batch", batch=batch)["deleted"]
        total += deleted
        if deleted == 0:
            return total


def counts(backend):
    """Nodes per label and relationships per type, as two dicts."""
    nodes = {row["label"]: row["nodes"] for row in backend.read("count_nodes")}
    rels = {row["type"]: row["relationships"] for row in backend.read("count_relationships")}
    return nodes, rels
