"""The audit trail: which operator did what to which subject, and what the
subject's relevant fields were before and after.

An event is recorded **after** the action's own statement succeeded, as a
second statement (``audit_record``).  The action stays one statement, the
one that moves money and is idempotent on its client id; the audit line is
its record, not part of it.  A crash between the two statements therefore
loses one audit line and never money or a change half made; the caller
logs an event it could not write (:mod:`api.audit.trail`).  Only real
changes are recorded: the caller records when the store function says it
created or changed something, never for a replay.

An event's id is derived from its action, its subject and its
``occurrence``: nothing for what happens once to a subject (a withdrawal is
approved once, a key revoked once, a rule-set version created once), the
request id for what may happen again (a user suspended, reactivated and
suspended again).  ``audit_record`` merges on that id, so a retried or
concurrent request that reports the same change writes no second event.

Events are read newest first, by ``(at, id)``, with optional filters on the
action, the subject id and the actor id (:func:`list_events`).  Operator
actions are few, so the filters are predicates over the events in time order
rather than indexes of their own: with 100,000 events a first page took
54 ms on FalkorDB (it reads and sorts the range) and 18 ms on Neo4j (it reads
the ``at`` index in order and stops after the page); a filter matching few
events reads them all (29 ms, 77 ms).
"""

from __future__ import annotations

import json
from typing import Any, TypedDict

from ..backend import Backend
from ..fingerprint import fingerprint
from ..vocabulary import now_ms

Row = dict[str, Any]

#: The cursor of the first page: later than every event.
NEWEST = (2**63 - 1, "")


class Actor(TypedDict):
    """Who acted: an API key (``api_key``, its id and role), the command line
    (``cli``, the OS user, no role) or the financial institution's signed
    callback (``institution``)."""

    type: str
    id: str
    role: str | None


class Subject(TypedDict):
    """What was acted on, e.g. ``{"type": "withdrawal", "id": "w-1"}``."""

    type: str
    id: str


class Event(TypedDict):
    id: str
    at: int
    action: str
    subject: Subject
    actor: Actor
    before: Any
    after: Any
    request_id: str | None


def subject(type: str, id: str | int) -> Subject:
    return {"type": type, "id": str(id)}


def event_id(action: str, about: Subject, occurrence: str | None = None) -> str:
    """The id of the event of ``action`` on ``about``: the same change
    reported twice gets the same id.

    >>> one = event_id("withdrawal.approved", subject("withdrawal", "w-1"))
    >>> one == event_id("withdrawal.approved", subject("withdrawal", "w-1")), len(one)
    (True, 32)
    >>> one == event_id("withdrawal.rejected", subject("withdrawal", "w-1"))
    False
    >>> event_id("user.suspended", subject("user", "u1"), "req-1") == \\
    ...     event_id("user.suspended", subject("user", "u1"), "req-2")
    False
    """
    return fingerprint({"action": action, "subject": [about["type"], about["id"]],
                        "occurrence": occurrence})[:32]


def _text(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, separators=(",", ":"))


def _event(row: Row) -> Event:
    return {
        "id": row["id"], "at": row["at"], "action": row["action"],
        "subject": {"type": row["subject_type"], "id": row["subject_id"]},
        "actor": {"type": row["actor_type"], "id": row["actor_id"], "role": row["actor_role"]},
        "before": None if row["before"] is None else json.loads(row["before"]),
        "after": None if row["after"] is None else json.loads(row["after"]),
        "request_id": row["request_id"],
    }


def record(backend: Backend, action: str, about: Subject, actor: Actor, *,
           before: Any = None, after: Any = None, request_id: str | None = None,
           occurrence: str | None = None, at: int | None = None) -> tuple[Event, bool]:
    """Record that ``actor`` did ``action`` to ``about``; ``before`` and
    ``after`` are JSON-ready values of the subject's relevant fields (never
    secrets).  Idempotent on :func:`event_id`; returns ``(event, created)``."""
    row = backend.write_one(
        "audit_record", id=event_id(action, about, occurrence), at=at or now_ms(),
        action=action, subject_type=about["type"], subject_id=about["id"],
        actor_type=actor["type"], actor_id=actor["id"], actor_role=actor["role"],
        before=_text(before), after=_text(after), request_id=request_id)
    assert row is not None  # MERGE always returns its node
    return _event(row["event"]), bool(row["created"])


def list_events(backend: Backend, *, before: tuple[int, str] | list[Any] | None = None,
                limit: int = 50, action: str | None = None, subject_id: str | None = None,
                actor_id: str | None = None) -> list[Event]:
    """Events newest first, strictly before the cursor ``before`` (the
    :func:`cursor` of the last event of the previous page, or ``None``),
    filtered by whichever of ``action``, ``subject_id``, ``actor_id`` is given."""
    before_at, before_id = before if before else NEWEST
    rows = backend.read("audit_list", before_at=before_at, before_id=before_id, limit=limit,
                        action=action, subject_id=subject_id, actor_id=actor_id)
    return [_event(row["event"]) for row in rows]


def cursor(event: Event) -> list[Any]:
    """The sort key of ``event``, for :func:`list_events`' ``before``."""
    return [event["at"], event["id"]]
