"""Webhook endpoints (operators' subscriptions), the outbox and deliveries.

The events themselves are written by the statements that make the changes
(:mod:`graph.webhooks`); this module keeps the subscriptions and the
delivery records the worker works through (:mod:`graph.webhooks.delivery`).

Signing secrets are stored sealed under the master key
(:mod:`graph.webhooks.sealing`): the functions that make one take
``master``, the master key (``None``: the embedded database's key file,
what a process without ``INSTITUTION_KEY`` uses), and seal it before any
statement is sent, so the secret in the clear never reaches the database
nor its append-only file.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence

from ..backend import Backend, Row
from ..errors import NotFound, Refused
from ..fingerprint import fingerprint
from ..vocabulary import ENABLED, EVENT_TYPES, PENDING, now_ms
from ..webhooks import safety, signing
from ..webhooks.events import TEST
from ..webhooks.sealing import Sealer, master_of
from . import Outcomes, missing, taken

CREATE = Outcomes("webhook_endpoint_create", ("created", "replayed"),
                  {"id_taken": taken("webhook endpoint")})
TEST_CREATE = Outcomes("webhook_test_create", ("created", "replayed"), {
    "unknown_endpoint": missing("no webhook endpoint {endpoint_id!r}; check the id")})
RETRY = Outcomes("webhook_delivery_retry", ("retried",), {
    "unknown_delivery": missing("no delivery {id!r} of webhook endpoint {endpoint_id!r}; "
                                "list them with GET /v1/webhooks/{endpoint_id}/deliveries")})
FINISH = Outcomes("webhook_delivery_finish", ("delivered", "retrying", "failed", "lost_claim"),
                  {})
#: subscribes an endpoint to every event type
ALL = "*"


def _endpoint(endpoint: Row) -> Row:
    """An endpoint as the API shows it: why and when it was disabled only
    while it is (the statements never write null over a value: DIALECTS.md)."""
    if endpoint.get("status") == ENABLED:
        endpoint = {**endpoint, "disabled_reason": None, "disabled_at": None}
    return endpoint


def _delivery(delivery: Row | None) -> Row | None:
    """A delivery as the API shows it: ``next_at`` only while pending, no
    code (0) or error ('') as null."""
    if delivery is None:
        return None
    return {**delivery, "next_at": delivery["next_at"] if delivery["status"] == PENDING else None,
            "last_code": delivery.get("last_code") or None,
            "last_error": delivery.get("last_error") or None}


def check_events(events: Sequence[str]) -> list[str]:
    """The event types, each once and sorted, if every one is known (or ``*``).

    >>> check_events(["sale.recorded", "user.registered", "sale.recorded"])
    ['sale.recorded', 'user.registered']
    """
    unknown = [e for e in events if e != ALL and e not in EVENT_TYPES]
    if not events or unknown:
        raise Refused("unknown_event_type",
                      f"unknown event types {unknown}; use '*' or some of {list(EVENT_TYPES)}"
                      if unknown else "name at least one event type, or '*' for all", "events")
    return sorted(set(events))


def _sealer(backend: Backend, master: bytes | None) -> Sealer:
    return Sealer(master_of(backend) if master is None else master)


def create_endpoint(backend: Backend, *, id: str, url: str, events: Sequence[str],
                    description: str | None = None, allow_private: bool = False,
                    master: bytes | None = None,
                    at: int | None = None) -> tuple[Row, str | None, bool]:
    """Subscribe ``url`` to ``events``.  Returns ``(endpoint, secret,
    created)``: the signing secret only when this call created the endpoint
    (it is shown once; a replay answers the endpoint without it).  The
    database keeps it sealed under ``master`` (see the module)."""
    events = check_events(events)
    safety.resolve(url, allow_private)
    sealer = _sealer(backend, master)
    secret = signing.new_secret()
    row = backend.write_one(
        "webhook_endpoint_create", id=id, url=url, events=events, description=description,
        secret_sealed=sealer.seal(id, secret), at=at or now_ms(),
        request_hash=fingerprint({"id": id, "url": url, "events": events,
                                  "description": description}))
    outcome, row = CREATE.settle(backend, row, id=id)
    created = outcome == "created"
    return _endpoint(row["endpoint"]), secret if created else None, created


def get_endpoint(backend: Backend, endpoint_id: str) -> Row:
    """The endpoint with its deliveries counted by status."""
    row = backend.read_one("webhook_endpoint_get", id=endpoint_id)
    if row is None:
        raise NotFound(f"no webhook endpoint {endpoint_id!r}; GET /v1/webhooks lists them")
    return {**_endpoint(row["endpoint"]), "deliveries": row["deliveries"]}


def list_endpoints(backend: Backend, after: str | None = None, limit: int = 50) -> list[Row]:
    return [_endpoint(row["endpoint"]) for row in backend.read("webhook_endpoint_list",
                                                               after=after, limit=limit)]


def update_endpoint(backend: Backend, endpoint_id: str, *, url: str | None = None,
                    events: Sequence[str] | None = None, description: str | None = None,
                    enabled: bool | None = None, reason: str | None = None,
                    allow_private: bool = False, at: int | None = None) -> tuple[Row, Row]:
    """Change an endpoint; ``enabled=True`` enables it again after it was
    disabled (by hand or for failing).  Returns ``(before, endpoint)``."""
    if url is not None:
        safety.resolve(url, allow_private)
    row = backend.write_one(
        "webhook_endpoint_update", id=endpoint_id, url=url,
        events=None if events is None else check_events(events), description=description,
        enabled=enabled, reason=reason or "disabled by an operator", at=at or now_ms())
    if row is None:
        raise NotFound(f"no webhook endpoint {endpoint_id!r}; GET /v1/webhooks lists them")
    return row["before"], _endpoint(row["endpoint"])


def delete_endpoint(backend: Backend, endpoint_id: str) -> Row:
    """Delete an endpoint and its deliveries; returns it as it was."""
    row = backend.write_one("webhook_endpoint_delete", id=endpoint_id)
    if row is None:
        raise NotFound(f"no webhook endpoint {endpoint_id!r}; GET /v1/webhooks lists them")
    return row["endpoint"]


def rotate_secret(backend: Backend, endpoint_id: str, grace_hours: float = 24,
                  master: bytes | None = None, at: int | None = None) -> tuple[Row, str]:
    """A new signing secret (returned, shown once); the previous one signs
    as well for ``grace_hours``.  Both are kept sealed under ``master``
    (one left in plain text by an older refgraph is sealed first)."""
    at = at or now_ms()
    sealer = _sealer(backend, master)
    seal_plaintext_secrets(backend, sealer)
    secret = signing.new_secret()
    row = backend.write_one("webhook_secret_rotate", id=endpoint_id,
                            secret_sealed=sealer.seal(endpoint_id, secret), at=at,
                            previous_until=at + int(grace_hours * 3600_000))
    if row is None:
        raise NotFound(f"no webhook endpoint {endpoint_id!r}; GET /v1/webhooks lists them")
    return _endpoint(row["endpoint"]), secret


def seal_plaintext_secrets(backend: Backend,
                           master: bytes | Sealer | Callable[[], bytes]) -> int:
    """Seal the secrets an older refgraph stored in plain text, in one
    idempotent statement (``webhooks/webhook_secrets_seal``); returns how
    many endpoints were sealed.  ``master`` may be a function, called only
    when there is something to seal (a database without webhooks needs no
    key).  Run at start-up (:mod:`api.webhooks.resources`) and before a
    rotation."""
    rows = backend.read("webhook_secrets_plaintext")
    if not rows:
        return 0
    if isinstance(master, Sealer):
        sealer = master
    else:
        sealer = Sealer(master if isinstance(master, bytes) else master())
    endpoints = [{"id": r["id"], "version": r["version"],
                  "secret_sealed": sealer.seal(r["id"], r["secret"]) if r["secret"] else None,
                  "previous_secret_sealed": sealer.seal(r["id"], r["previous_secret"])
                  if r["previous_secret"] else None} for r in rows]
    row = backend.write_one("webhook_secrets_seal", endpoints=endpoints)
    return int(row["sealed"]) if row else 0


def send_test(backend: Backend, endpoint_id: str, test_id: str | None = None,
              at: int | None = None) -> tuple[Row, bool]:
    """A ``webhook.test`` event for this endpoint alone, due now.  Returns
    ``(delivery, created)``; ``test_id`` makes it idempotent."""
    at = at or now_ms()
    event_id = f"{TEST}:{endpoint_id}:{test_id or uuid.uuid4().hex}"
    data = json.dumps({"endpoint_id": endpoint_id, "message": "a test event from refgraph"})
    row = backend.write_one("webhook_test_create", id=event_id, endpoint_id=endpoint_id,
                            data=data, at=at)
    outcome, row = TEST_CREATE.settle(backend, row, endpoint_id=endpoint_id)
    return _delivery(row["delivery"]) or {}, outcome == "created"


def list_deliveries(backend: Backend, endpoint_id: str, *, status: str | None = None,
                    after: tuple[int, str] | None = None, limit: int = 50) -> list[Row]:
    get_endpoint(backend, endpoint_id)
    after_at, after_id = after if after else (None, None)
    return [_delivery(row["delivery"]) or {} for row in backend.read(
        "webhook_delivery_list", endpoint_id=endpoint_id, status=status, after_at=after_at,
        after_id=after_id, limit=limit)]


def retry_delivery(backend: Backend, endpoint_id: str, delivery_id: str,
                   at: int | None = None) -> tuple[str | None, Row]:
    """Send a delivery again now, with three more days of retries.  Returns
    ``(status before, delivery)``."""
    row = backend.write_one("webhook_delivery_retry", id=delivery_id, endpoint_id=endpoint_id,
                            at=at or now_ms())
    _, row = RETRY.settle(backend, row, id=delivery_id, endpoint_id=endpoint_id)
    return row["before"], _delivery(row["delivery"]) or {}


# -- for the worker ---------------------------------------------------------------

def dispatch(backend: Backend, limit: int = 500, at: int | None = None) -> tuple[int, int]:
    """Fan up to ``limit`` new events out to their endpoints; ``(events, deliveries)``."""
    row = backend.write_one("webhook_events_dispatch", limit=limit, at=at or now_ms())
    return (row["events"], row["deliveries"]) if row else (0, 0)


def due(backend: Backend, now: int, limit: int) -> list[Row]:
    return backend.read("webhook_deliveries_due", now=now, limit=limit)


def claim(backend: Backend, ids: Sequence[str], now: int, lease_ms: int,
          claim_id: str) -> list[Row]:
    return backend.write("webhook_deliveries_claim", ids=list(ids), now=now,
                         lease_ms=lease_ms, claim=claim_id)


def finish(backend: Backend, delivery_id: str, claim_id: str, *, ok: bool, code: int | None,
           error: str | None, next_at: int | None, give_up: bool, reason: str | None,
           at: int | None = None) -> Row:
    row = backend.write_one("webhook_delivery_finish", id=delivery_id, claim=claim_id, ok=ok,
                            code=code or 0, error=error or "", next_at=next_at, give_up=give_up,
                            reason=reason, at=at or now_ms())
    if row is None:         # deleted with its endpoint while it was being sent
        return {"outcome": "lost_claim", "delivery": None, "endpoint_status": None}
    FINISH.settle(backend, row, id=delivery_id)
    return row


def delivered(backend: Backend, done: Sequence[Row], at: int | None = None) -> int:
    """Record acknowledged deliveries (``{id, claim, code}``) in one
    statement; returns how many were still ours to record."""
    if not done:
        return 0
    row = backend.write_one("webhook_deliveries_delivered", done=list(done), at=at or now_ms())
    return row["delivered"] if row else 0


def announce_expiring_vouchers(backend: Backend, days: float, now: int | None = None,
                               batch: int = 1_000) -> int:
    """``voucher.expiring`` for every active voucher expiring within ``days``."""
    now = now or now_ms()
    total = 0
    while True:
        row = backend.write_one("webhook_vouchers_expiring", now=now,
                                until=now + int(days * 86_400_000), batch=batch)
        written = row["events"] if row else 0
        total += written
        if written < batch:
            return total


def prune(backend: Backend, before: int, batch: int = 1_000) -> tuple[int, int]:
    """Delete dispatched events older than ``before`` that nothing waits for."""
    events = deliveries = 0
    while True:
        row = backend.write_one("webhook_prune", before=before, batch=batch)
        if not row or not row["events"]:
            return events, deliveries
        events += row["events"]
        deliveries += row["deliveries"]


def outbox_status(backend: Backend, now: int | None = None) -> Row:
    row = backend.read_one("webhook_outbox_status", now=now or now_ms())
    assert row is not None  # aggregates: always one row
    return row
