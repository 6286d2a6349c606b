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
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from ..backend import Backend, Row
from ..store import webhooks as store
from ..vocabulary import now_ms
from . import retry, sender, signing

#: turns an outbox event's properties into the request body
Render = Callable[[Mapping[str, Any]], bytes]


@dataclass(frozen=True)
class Settings:
    """The ``WEBHOOK_*`` settings (README, "Webhooks")."""

    timeout: float = 5.0
    concurrency: int = 8
    per_endpoint: int = 2
    retry_hours: float = retry.RETRY_HOURS
    backoff_seconds: float = retry.BASE_SECONDS
    backoff_cap_seconds: float = retry.CAP_SECONDS
    allow_private: bool = False

    @property
    def lease_ms(self) -> int:
        """How long a claim lasts: longer than the longest request (twice the
        timeout: connecting, then reading) by a margin."""
        return int((2 * self.timeout + 5) * 1000)

    @classmethod
    def of(cls, config: Mapping[str, Any]) -> Settings:
        def get(name: str, default: Any) -> Any:
            value = config.get("WEBHOOK_" + name.upper())
            return default if value is None else value
        return cls(**{name: type(default)(get(name, default))
                      for name, default in vars(cls()).items()})


class Deliverer:
    """Sends due deliveries of one backend; :meth:`run` for a while."""

    def __init__(self, backend: Backend, render: Render, settings: Settings) -> None:
        self.backend = backend
        self.render = render
        self.settings = settings
        self.counts: Counter[str] = Counter()

    def run(self, seconds: float, *, until_idle: bool = False,
            stopping: Callable[[], bool] = lambda: False, poll: float = 0.25) -> Counter[str]:
        """Deliver for ``seconds`` (then finish what is in flight), or until
        nothing is due nor in flight when ``until_idle``.  Returns the counts
        of outcomes (delivered, retrying, failed, lost_claim) of this run."""
        counts: Counter[str] = Counter()
        deadline = time.monotonic() + seconds
        flying: dict[Future[sender.Answer], Row] = {}
        per_endpoint: Counter[str] = Counter()
        with ThreadPoolExecutor(self.settings.concurrency,
                                thread_name_prefix="webhook") as pool:
            while True:
                open_ = time.monotonic() < deadline and not stopping()
                started = self._start(pool, flying, per_endpoint) if open_ else 0
                if not flying:
                    if not open_ or (until_idle and not started):
                        break
                    time.sleep(poll)
                    continue
                done, _ = wait(list(flying), timeout=poll, return_when=FIRST_COMPLETED)
                for future in done:
                    claimed = flying.pop(future)
                    per_endpoint[claimed["endpoint"]["id"]] -= 1
                    counts[self._record(claimed, future.result())] += 1
        self.counts.update(counts)
        return counts

    def _start(self, pool: ThreadPoolExecutor, flying: dict[Future[sender.Answer], Row],
               per_endpoint: Counter[str]) -> int:
        """Fan out new events, claim what the free places allow, send it."""
        store.dispatch(self.backend)
        free = self.settings.concurrency - len(flying)
        if free <= 0:
            return 0
        now = now_ms()
        wanted: list[str] = []
        taken = Counter(per_endpoint)
        for row in store.due(self.backend, now, limit=free * 4):
            if len(wanted) == free:
                break
            if taken[row["endpoint_id"]] < self.settings.per_endpoint:
                taken[row["endpoint_id"]] += 1
                wanted.append(row["id"])
        if not wanted:
            return 0
        claim_id = uuid.uuid4().hex
        for claimed in store.claim(self.backend, wanted, now, self.settings.lease_ms, claim_id):
            claimed["claim"] = claim_id
            per_endpoint[claimed["endpoint"]["id"]] += 1
            flying[pool.submit(self._send, claimed)] = claimed
        return len(wanted)

    def _send(self, claimed: Row) -> sender.Answer:
        """One attempt (in a pool thread: no database here)."""
        endpoint, delivery = claimed["endpoint"], claimed["delivery"]
        body = self.render(claimed["event"])
        secrets = [endpoint["secret"]]
        if endpoint.get("previous_secret") and (endpoint.get("previous_secret_until") or 0) > now_ms():
            secrets.append(endpoint["previous_secret"])
        headers = {
            "X-Refgraph-Event-Id": delivery["event_id"],
            "X-Refgraph-Event-Type": delivery["event_type"],
            "X-Refgraph-Delivery-Id": delivery["id"],
            "X-Refgraph-Delivery-Attempt": str(delivery["attempts"]),
            signing.HEADER: signing.header(secrets, int(time.time()), body),
        }
        return sender.post(endpoint["url"], body, headers, timeout=self.settings.timeout,
                           allow_private=self.settings.allow_private)

    def _record(self, claimed: Row, answer: sender.Answer) -> str:
        delivery = claimed["delivery"]
        now = now_ms()
        give_up = not answer.ok and retry.gives_up(claimed["window_from"], now,
                                                   self.settings.retry_hours)
        next_at = None if answer.ok or give_up else now + retry.delay_ms(
            delivery["attempts"], self.settings.backoff_seconds,
            self.settings.backoff_cap_seconds)
        reason = (f"no delivery succeeded for {self.settings.retry_hours:g} hours of retries; "
                  f"the last attempt: {answer.error}") if give_up else None
        row = store.finish(self.backend, delivery["id"], claimed["claim"], ok=answer.ok,
                           code=answer.code, error=answer.error, next_at=next_at,
                           give_up=give_up, reason=reason, at=now)
        return str(row["outcome"])
