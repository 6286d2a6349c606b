"""Copy a whole refgraph database to another one: ``refgraph db copy --to URL``.

A platform that outgrows the embedded FalkorDB moves everything to Neo4j (or
another FalkorDB) with :func:`copy`: every node label in :data:`NODES`, every
relationship type in :data:`RELATIONSHIPS`, properties exactly as stored.

How it goes:

1. **Refuse what would go wrong.**  The source is surveyed first: a label or
   relationship type that no step copies, or a node that is not exactly one
   of the copied kinds, stops the copy before anything is written (nothing is
   silently dropped).  A target that holds data is refused unless ``force``;
   so is the source itself (a probe written to the target is looked for on
   the source).
2. **Copy in batches, resumably.**  Each label, then each relationship type,
   is read from the source a page at a time by its key (keyset paging) and
   written with ``UNWIND`` + ``MERGE`` on that key, so writing a page twice
   changes nothing.  After each page a ``CopyMarker`` node on the target
   records the step and the last key; a copy interrupted at any point and run
   again continues from there.
3. **Check.**  Counts per label and per relationship type must be equal on
   both sides, and the ledger check (:func:`graph.store.ledger.check`) must
   be clean on the target.  The marker is removed once every step is copied.

Types: both engines keep integers (64-bit), floats, strings, booleans and
lists of them as they are; neither stores maps, so refgraph keeps structured
values as JSON text (rule sets, reward line details, the analytics snapshot),
which copies as text.  A property a node does not have stays absent.

The source must not be written to while it is copied (stop ``refgraph serve``
and ``refgraph worker``): a node created behind a finished page is not copied,
and the final count check reports it.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from .errors import (
    BackendError,
    BackendUnavailable,
    ConfigurationError,
    RefgraphError,
    Refused,
)
from .maintenance import counts, now_ms

if TYPE_CHECKING:
    from .backend import Backend, Row

#: The id of the progress marker on the target.
MARKER = "copy"
#: The step name the marker holds once every label and type is copied.
DONE = "verify"


@dataclass(frozen=True)
class Nodes:
    """The nodes of one label, keyed by ``key`` (unique), with the other
    labels they may carry (``also``).  Queries: ``copy_<label>_read|write``."""

    label: str
    key: str
    also: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.label

    @property
    def stem(self) -> str:
        return "copy_" + re.sub(r"(?<!^)(?=[A-Z])", "_", self.label).lower()


@dataclass(frozen=True)
class Relationships:
    """The relationships of one type, from a ``start`` to an ``end`` label.
    Queries: ``copy_<type>_read|write``."""

    type: str
    start: str
    end: str

    @property
    def name(self) -> str:
        return self.type

    @property
    def stem(self) -> str:
        return "copy_" + self.type.lower()


NODES: tuple[Nodes, ...] = (
    Nodes("User", "id", also=("Buyer", "Merchant", "CardHolder")),
    Nodes("RuleSet", "change_id"),
    Nodes("ApiKey", "id"),
    Nodes("Card", "id"),
    Nodes("Voucher", "id"),
    # a holder's consent to pay with vouchers (issue 27): hashes, never tokens
    Nodes("VoucherRedemption", "id"),
    Nodes("Sale", "id"),
    Nodes("Refund", "id"),
    Nodes("FeeTotal", "id"),
    Nodes("RewardRun", "period"),
    Nodes("RewardLine", "id"),
    Nodes("Entry", "id"),
    Nodes("Withdrawal", "id"),
    Nodes("PayoutBatch", "id"),
    Nodes("AnalyticsSnapshot", "id"),
    Nodes("AuditEvent", "id"),
    Nodes("Platform", "id"),
    Nodes("Institution", "id"),
    Nodes("FinancingApplication", "id"),
    Nodes("Reconciliation", "id"),
    Nodes("Mismatch", "id"),
    # webhooks (issue 16): the outbox, the subscriptions and their deliveries
    Nodes("OutboxEvent", "event_id"),
    Nodes("WebhookEndpoint", "id"),
    Nodes("WebhookDelivery", "id"),
)

RELATIONSHIPS: tuple[Relationships, ...] = (
    Relationships("REFERRED", "User", "User"),
    Relationships("HOLDS", "User", "Card"),
    Relationships("OWNS", "User", "Voucher"),
    Relationships("SOLD", "User", "Sale"),
    Relationships("BOUGHT", "User", "Sale"),
    Relationships("PAID_WITH", "Sale", "Voucher"),
    Relationships("REFUNDED", "Sale", "Refund"),
    Relationships("HAS_FEES", "User", "FeeTotal"),
    Relationships("EARNED", "User", "RewardLine"),
    Relationships("REQUESTED", "User", "Withdrawal"),
    Relationships("PAYS", "PayoutBatch", "Withdrawal"),
    Relationships("FINANCED", "Sale", "FinancingApplication"),
    Relationships("APPLIED_TO", "FinancingApplication", "Institution"),
    Relationships("FOUND", "Reconciliation", "Mismatch"),
)

Step = Nodes | Relationships
STEPS: tuple[Step, ...] = NODES + RELATIONSHIPS

#: ``progress(stage, done, total)``: see :func:`copy`.
Progress = Callable[[str, int, int], None]

#: Labels deliberately not copied, and why.
LEFT_OUT = {
    "Heartbeat": "it records which processes could write to the source; the target has its own",
    "CopyMarker": "it is this command's progress marker",
}


def describe(backend: Backend) -> str:
    """Where ``backend`` keeps its data, e.g. ``neo4j bolt://h:7687 neo4j``."""
    status = backend.status()
    return " ".join(str(part) for part in (
        backend.name, status.get("location"), status.get("graph") or status.get("database")))


def redact(url: str) -> str:
    """``url`` without its password, for messages.

    >>> redact("neo4j://neo4j:secret@db.example:7687")
    'neo4j://neo4j:***@db.example:7687'
    >>> redact("bolt://db.example")
    'bolt://db.example'
    """
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def open_target(config: Mapping[str, Any], url: str | None) -> Backend:
    """Open the database at ``url`` as a copy target, with ``config``'s
    credentials (``NEO4J_*``, ``GRAPH_NAME``) and its schema applied."""
    from . import open_backend

    url = (url or "").strip()
    scheme = urlsplit(url).scheme if "://" in url else url
    if scheme in ("", "embedded"):
        raise ConfigurationError(
            "the target must be a server: --to neo4j://HOST:7687, bolt://HOST:7687 or "
            "falkor://HOST:6379 (the source is the database refgraph is configured with)")
    if url == (config.get("GRAPH_URL") or "embedded").strip():
        raise Refused("same_database", f"{redact(url)} is the source itself (REFGRAPH_GRAPH_URL); "
                      "give --to the URL of the new database")
    try:
        return open_backend({**config, "GRAPH_URL": url})
    except BackendUnavailable as exc:
        raise BackendUnavailable(f"{exc.message}; check the --to URL and that the server is "
                                 "running, then copy again") from exc
    except RefgraphError:
        raise
    except Exception as exc:   # the FalkorDB client raises redis errors as they are
        raise BackendUnavailable(
            f"cannot reach the target {redact(url)} ({exc}); check the --to URL and that the "
            "server is running, then copy again") from exc


def survey(backend: Backend) -> tuple[dict[str, int], dict[str, int], list[str]]:
    """Nodes per label and relationships per type of ``backend``, and what no
    step would copy: ``(nodes, relationships, problems)``."""
    nodes, rels = counts(backend)
    problems = []
    known = {s.label for s in NODES} | {x for s in NODES for x in s.also} | set(LEFT_OUT)
    for label in sorted(set(nodes) - known):
        problems.append(f"label {label} ({nodes[label]} nodes) is not copied")
    for rtype in sorted(set(rels) - {s.type for s in RELATIONSHIPS}):
        problems.append(f"relationship type {rtype} ({rels[rtype]} relationships) is not copied")
    main = sum(nodes.get(s.label, 0) for s in NODES) + sum(nodes.get(x, 0) for x in LEFT_OUT)
    total = _count_all(backend)
    if total != main:
        problems.append(f"{abs(total - main)} node(s) have no copied main label, or more than "
                        f"one ({total} nodes, {main} by main label)")
    return nodes, rels, problems


def _count_all(backend: Backend) -> int:
    row = backend.read_one("copy_count_all")
    assert row is not None  # a count answers one row, 0 on an empty database
    return row["nodes"]


def _holds_data(nodes: dict[str, int], rels: dict[str, int], total: int) -> bool:
    kept = total - sum(nodes.get(label, 0) for label in LEFT_OUT)
    return kept > 0 or sum(rels.values()) > 0


def same_database(source: Backend, target: Backend) -> bool:
    """Whether ``source`` and ``target`` are one database: a probe marker
    written to the target is looked for on the source, then removed."""
    probe = f"probe-{uuid.uuid4().hex}"
    target.write("copy_marker_save", id=probe, source="probe", step=None, cursor=None,
                 at=now_ms())
    try:
        return source.read_one("copy_marker_get", id=probe) is not None
    finally:
        target.write("copy_marker_delete", id=probe)


def _start(source: Backend, target: Backend,
           force: bool) -> tuple[tuple[dict[str, int], dict[str, int]], dict[str, Any] | None]:
    """Check both sides; return (survey of the source, marker to resume or None)."""
    if same_database(source, target):
        raise Refused("same_database", "the source and the target are the same database; "
                      "give --to the URL of the new database")
    nodes, rels, problems = survey(source)
    if problems:
        raise Refused("not_covered", "the source holds data this copy would drop: "
                      + "; ".join(problems) + ". Add a step for it to graph/copy.py (with its "
                      "cypher/copy/ queries) and copy again; nothing was written")
    if nodes.get("CopyMarker") and not force:
        raise Refused("source_incomplete", "the source is itself the target of an interrupted "
                      "copy; finish that copy first, or pass --force to copy it as it is")
    source_name = describe(source)
    marker = (target.read_one("copy_marker_get", id=MARKER) or {}).get("marker")
    if marker and marker["source"] == source_name:
        return (nodes, rels), marker
    t_nodes, t_rels = counts(target)
    if not force and marker:
        raise Refused("target_not_empty", f"the target holds an interrupted copy from "
                      f"{marker['source']}; copy from that source to resume it, or pass --force "
                      "to copy this source over it")
    if not force and _holds_data(t_nodes, t_rels, _count_all(target)):
        held = ", ".join(f"{n} {label}" for label, n in t_nodes.items() if label not in LEFT_OUT)
        raise Refused("target_not_empty",
                      f"the target already holds data ({held or 'relationships'}); copy into an "
                      "empty database, or pass --force to merge into it (nodes with the same "
                      "keys are overwritten)")
    return (nodes, rels), None


def _pages(source: Backend, step: Step, cursor: Any,
           batch: int) -> Iterator[tuple[list[Row], Any]]:
    """The pages of ``step`` after ``cursor``: (rows to write, their cursor)."""
    read = f"{step.stem}_read"
    while True:
        rows = source.read(read, after=cursor, limit=batch)
        if not rows:
            return
        cursor = rows[-1]["cursor"]
        if isinstance(step, Nodes):
            if step.also:
                page = [{"labels": row["labels"], "props": row["props"]} for row in rows]
            else:
                page = [{"props": row["props"]} for row in rows]
        else:
            page = [{"start_key": row["start_key"], "end_key": row["end_key"],
                     "props": row["props"]} for row in rows if row["start_key"] is not None]
        yield page, cursor


def _write(target: Backend, step: Step, page: list[Row], cursor: Any) -> None:
    if not page:
        return
    column = "nodes" if isinstance(step, Nodes) else "relationships"
    try:
        row = target.write_one(f"{step.stem}_write", rows=page)
        assert row is not None  # a count of what the page wrote
        written = row[column]
    except BackendError as exc:
        if isinstance(exc, BackendUnavailable):
            raise
        # e.g. a list of mixed types: FalkorDB stores it, Neo4j refuses it
        raise BackendError(
            f"copying {step.name} up to {cursor!r} failed: {exc.message}; correct that value "
            "on the source and run the copy again: it resumes with this page") from exc
    if written != len(page):
        raise BackendError(
            f"copying {step.name} up to {cursor!r}: {len(page) - written} of {len(page)} "
            "relationships point at nodes missing on the target, so the source changed during "
            "the copy or the target was written to; stop every writer, empty the target and "
            "copy again")


def copy(source: Backend, target: Backend, *, batch: int = 2_000, force: bool = False,
         progress: Progress | None = None) -> dict[str, Any]:
    """Copy every node and relationship of ``source`` into ``target``.

    ``progress(stage, done, total)`` is called after every page (``stage`` is
    the label or relationship type being copied, ``done`` and ``total``
    count nodes plus relationships) and once with ``stage='verify'``.
    Returns a report: ``nodes`` and ``relationships`` (source counts),
    ``differences`` ({name: (source, target)}), ``ledger`` (problems on the
    target), ``copied`` (items written by this run), ``resumed``,
    ``seconds``, ``left_out`` and ``ok``.
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    started = time.monotonic()
    (nodes, rels), marker = _start(source, target, force)
    names = [step.name for step in STEPS]
    size = {**{s.label: nodes.get(s.label, 0) for s in NODES},
            **{s.type: rels.get(s.type, 0) for s in RELATIONSHIPS}}
    total = sum(size.values())
    first, resume_after = 0, None
    if marker is not None and marker["step"] == DONE:
        first = len(STEPS)
    elif marker is not None and marker["step"] in names:
        first, resume_after = names.index(marker["step"]), marker.get("cursor")
    source_name = describe(source)
    done = sum(size[name] for name in names[:first])
    copied = 0

    def save(step_name: str, at_cursor: Any) -> None:
        target.write("copy_marker_save", id=MARKER, source=source_name, step=step_name,
                     cursor=at_cursor, at=now_ms())

    if marker is None:
        save(names[0], None)
    for index in range(first, len(STEPS)):
        step = STEPS[index]
        after = resume_after if index == first else None
        for page, cursor in _pages(source, step, after, batch):
            _write(target, step, page, cursor)
            save(step.name, cursor)
            copied += len(page)
            done += len(page)
            if progress:
                progress(step.name, min(done, total), total)
        save(names[index + 1] if index + 1 < len(STEPS) else DONE, None)
    target.write("copy_marker_delete", id=MARKER)
    if progress:
        progress(DONE, total, total)
    report = verify(source, target)
    report.update(copied=copied, resumed=marker is not None,
                  seconds=round(time.monotonic() - started, 3), source=source_name,
                  target=describe(target))
    return report


def verify(source: Backend, target: Backend) -> dict[str, Any]:
    """Compare counts per label and type, and check the target's ledger."""
    from .store import ledger

    s_nodes, s_rels = counts(source)
    t_nodes, t_rels = counts(target)
    left_out = {label: s_nodes[label] for label in LEFT_OUT if label in s_nodes}
    for table in (s_nodes, t_nodes):
        for label in LEFT_OUT:
            table.pop(label, None)
    differences: dict[str, tuple[int, int]] = {}
    for s_table, t_table in ((s_nodes, t_nodes), (s_rels, t_rels)):
        for name in sorted(set(s_table) | set(t_table)):
            if s_table.get(name, 0) != t_table.get(name, 0):
                differences[name] = (s_table.get(name, 0), t_table.get(name, 0))
    problems = ledger.check(target)
    return {"nodes": s_nodes, "relationships": s_rels, "differences": differences,
            "ledger": problems, "left_out": left_out, "ok": not differences and not problems}
