"""The delivery loop the worker runs: fan out, claim, send, record.

One thread talks to the database; a bounded pool of threads sends.  The loop
fans new outbox events out to their endpoints, claims due deliveries for as
many free places as the pool has (at most :attr:`Settings.per_endpoint` in
flight to any one endpoint, so a slow receiver holds up at most that many
places and never the others), and records each answer as it comes.  A claim
lasts :attr:`Settings.lease_ms`, longer than any request can take; a worker
killed while sending leaves its claims to run out, and those deliveries are
sent again: **at least once**, each request carrying the event id for the
receiver to deduplicate.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from ..backend import Backend, Row
from ..errors import ConfigurationError
from ..store import webhooks as store
from ..vocabulary import now_ms
from . import retry, sender, signing
from .sealing import Sealer, master_of

#: turns an outbox event's properties into the request body
Render = Callable[[Mapping[str, Any]], bytes]


@dataclass(frozen=True)
class Settings:
    """The ``WEBHOOK_*`` settings (README, "Webhooks")."""

    timeout: float = 5.0
    concurrency: int = 16
    per_endpoint: int = 4
    retry_hours: float = retry.RETRY_HOURS
    backoff_seconds: float = retry.BASE_SECONDS
    backoff_cap_seconds: float = retry.CAP_SECONDS
    allow_private: bool = False

    @property
    def lease_ms(self) -> int:
        """How long a claim lasts: longer than a delivery can wait in the
        local queue and then take (:data:`Deliverer.QUEUED_PER_SEND` requests
        of at most twice the timeout each: connecting, then reading), with a
        margin.  A worker that dies leaves its deliveries this long."""
        return int(((Deliverer.QUEUED_PER_SEND + 1) * 2 * self.timeout + 5) * 1000)

    @classmethod
    def of(cls, config: Mapping[str, Any]) -> Settings:
        def get(name: str, default: Any) -> Any:
            value = config.get("WEBHOOK_" + name.upper())
            return default if value is None else value
        return cls(**{name: type(default)(get(name, default))
                      for name, default in vars(cls()).items()})


class Deliverer:
    """Sends due deliveries of one backend; :meth:`run` for a while.

    Claimed deliveries wait in a short local queue (at most twice the pool,
    and :data:`QUEUED_PER_SEND` times :attr:`Settings.per_endpoint` per
    endpoint, so none waits longer than a few requests, inside its claim)
    and go out as
    places free up; acknowledgements are recorded together (every
    :data:`RECORD_BATCH` answers or :data:`RECORD_EVERY` seconds, in one
    statement), failures one by one.  New events are fanned out at
    most every :data:`DISPATCH_EVERY` seconds while there is other work."""

    #: seconds between two fan-outs while deliveries are flowing
    DISPATCH_EVERY = 0.2
    #: claimed (queued or sent) per endpoint, per place it may send on
    QUEUED_PER_SEND = 4
    #: answers recorded together: this many, or after this many seconds
    RECORD_BATCH = 8
    RECORD_EVERY = 0.05

    def __init__(self, backend: Backend, render: Render, settings: Settings,
                 master: bytes | Callable[[], bytes] | None = None) -> None:
        self.backend = backend
        self.render = render
        self.settings = settings
        self.master = master
        self._sealer: Sealer | None = None
        self.counts: Counter[str] = Counter()

    def _secrets(self, endpoint: Row) -> list[str]:
        """The secrets that sign a request to ``endpoint``: its own and,
        during the grace after a rotation, the previous one, opened with the
        master key (``master``, or what it returns when first needed; else
        the embedded database's key file).  A
        secret an older refgraph stored in plain text, not sealed yet, signs
        as it is."""
        if self._sealer is None:
            master = self.master() if callable(self.master) else self.master
            self._sealer = Sealer(master_of(self.backend) if master is None else master)
        found = [endpoint.get("secret")
                 or self._sealer.open(endpoint["id"], endpoint.get("secret_sealed") or "")]
        if (endpoint.get("previous_secret_until") or 0) > now_ms():
            previous = endpoint.get("previous_secret") or (
                endpoint.get("previous_secret_sealed")
                and self._sealer.open(endpoint["id"], endpoint["previous_secret_sealed"]))
            if previous:
                found.append(previous)
        return found

    def run(self, seconds: float, *, until_idle: bool = False,
            stopping: Callable[[], bool] = lambda: False, poll: float = 0.25) -> Counter[str]:
        """Deliver for ``seconds`` (then finish what is in flight), or until
        nothing is due nor in flight when ``until_idle``.  Returns the counts
        of outcomes (delivered, retrying, failed, lost_claim) of this run."""
        counts: Counter[str] = Counter()
        deadline = time.monotonic() + seconds
        self._flying: dict[Future[sender.Answer], Row] = {}
        self._queue: deque[Row] = deque()
        self._held: Counter[str] = Counter()          # queued + flying, per endpoint
        self._sending: Counter[str] = Counter()       # flying, per endpoint
        self._dispatched_at = 0.0
        landed: list[tuple[Row, sender.Answer]] = []
        recorded_at = time.monotonic()
        with ThreadPoolExecutor(self.settings.concurrency,
                                thread_name_prefix="webhook") as pool:
            while True:
                open_ = time.monotonic() < deadline and not stopping()
                found = self._fill() if open_ else 0
                self._submit(pool)
                if landed and (not self._flying or len(landed) >= self.RECORD_BATCH
                               or time.monotonic() - recorded_at >= self.RECORD_EVERY):
                    counts.update(self._record(landed))
                    landed, recorded_at = [], time.monotonic()
                if not self._flying:
                    if not open_ or (until_idle and not found and not self._queue):
                        break
                    time.sleep(poll)
                    continue
                done, _ = wait(list(self._flying), timeout=poll, return_when=FIRST_COMPLETED)
                landed += [(self._landed(f), f.result()) for f in done]
            counts.update(self._record(landed))
            for claimed in self._queue:                # claimed, never sent: let them go
                self._held[claimed["endpoint"]["id"]] -= 1
        self.counts.update(counts)
        return counts

    def _fill(self) -> int:
        """Fan out new events (throttled), then claim what the queue has room
        for; returns how many new events and deliveries were found."""
        found = 0
        now_s = time.monotonic()
        if not (self._flying or self._queue) or now_s - self._dispatched_at >= self.DISPATCH_EVERY:
            found += store.dispatch(self.backend)[0]
            self._dispatched_at = now_s
        if self._queue and len(self._queue) + len(self._flying) > self.settings.concurrency // 2:
            return found                          # refill in chunks, not one by one
        room = 2 * self.settings.concurrency - len(self._queue) - len(self._flying)
        if room <= 0:
            return found
        now = now_ms()
        cap = self.QUEUED_PER_SEND * self.settings.per_endpoint
        held = {c["delivery"]["id"] for c in (*self._queue, *self._flying.values())}
        wanted: list[str] = []
        taken = Counter(self._held)
        for row in store.due(self.backend, now, limit=room * 2):
            if len(wanted) == room:
                break
            if row["id"] not in held and taken[row["endpoint_id"]] < cap:
                taken[row["endpoint_id"]] += 1
                wanted.append(row["id"])
        if not wanted:
            return found
        claim_id = uuid.uuid4().hex
        for claimed in store.claim(self.backend, wanted, now, self.settings.lease_ms, claim_id):
            claimed["claim"] = claim_id
            self._held[claimed["endpoint"]["id"]] += 1
            self._queue.append(claimed)
        return found + len(wanted)

    def _submit(self, pool: ThreadPoolExecutor) -> None:
        """Send queued deliveries while places are free, at most
        ``per_endpoint`` at once to any endpoint."""
        waiting: deque[Row] = deque()
        while self._queue and len(self._flying) < self.settings.concurrency:
            claimed = self._queue.popleft()
            endpoint_id = claimed["endpoint"]["id"]
            if self._sending[endpoint_id] >= self.settings.per_endpoint:
                waiting.append(claimed)
                continue
            self._sending[endpoint_id] += 1
            self._flying[pool.submit(self._send, claimed)] = claimed
        self._queue.extendleft(reversed(waiting))

    def _landed(self, future: Future[sender.Answer]) -> Row:
        claimed = self._flying.pop(future)
        endpoint_id = claimed["endpoint"]["id"]
        self._sending[endpoint_id] -= 1
        self._held[endpoint_id] -= 1
        return claimed

    def _send(self, claimed: Row) -> sender.Answer:
        """One attempt (in a pool thread: no database here)."""
        endpoint, delivery = claimed["endpoint"], claimed["delivery"]
        try:
            body = self.render(claimed["event"])
        except Exception as exc:  # a bug must not stop the other deliveries: it fails this one
            return sender.Answer(None, f"refgraph could not render the event "
                                       f"({type(exc).__name__}: {exc}); report this as a bug"[:300])
        try:
            secrets = self._secrets(endpoint)
        except ConfigurationError as exc:   # another master key: say so on the delivery
            return sender.Answer(None, exc.message[:300])
        headers = {
            "X-Refgraph-Event-Id": delivery["event_id"],
            "X-Refgraph-Event-Type": delivery["event_type"],
            "X-Refgraph-Delivery-Id": delivery["id"],
            "X-Refgraph-Delivery-Attempt": str(delivery["attempts"]),
            signing.HEADER: signing.header(secrets, int(time.time()), body),
        }
        return sender.post(endpoint["url"], body, headers, timeout=self.settings.timeout,
                           allow_private=self.settings.allow_private)

    def _record(self, results: list[tuple[Row, sender.Answer]]) -> Counter[str]:
        """Acknowledged deliveries in one statement, each failure in its own."""
        counts: Counter[str] = Counter()
        now = now_ms()
        done = [{"id": c["delivery"]["id"], "claim": c["claim"], "code": a.code}
                for c, a in results if a.ok]
        recorded = store.delivered(self.backend, done, at=now)
        counts["delivered"] += recorded
        counts["lost_claim"] += len(done) - recorded
        for claimed, answer in results:
            if not answer.ok:
                counts[self._failed(claimed, answer, now)] += 1
        return counts

    def _failed(self, claimed: Row, answer: sender.Answer, now: int) -> str:
        delivery = claimed["delivery"]
        give_up = retry.gives_up(claimed["window_from"], now, self.settings.retry_hours)
        next_at = None if give_up else now + retry.delay_ms(
            delivery["attempts"], self.settings.backoff_seconds,
            self.settings.backoff_cap_seconds)
        reason = (f"no delivery succeeded for {self.settings.retry_hours:g} hours of retries; "
                  f"the last attempt: {answer.error}") if give_up else None
        row = store.finish(self.backend, delivery["id"], claimed["claim"], ok=False,
                           code=answer.code, error=answer.error, next_at=next_at,
                           give_up=give_up, reason=reason, at=now)
        return str(row["outcome"])
