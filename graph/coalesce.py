"""Group commit: concurrent single writes of one kind share one statement.

A storefront sends one sale per checkout, from many connections at once;
the database does a sale for a twelfth of the cost inside a batch statement
(issue 28).  A :class:`Coalescer` turns concurrent single requests into
batches without adding latency when traffic is light:

- a request that finds no statement of its kind in flight goes at once, as
  the only row of its statement, run by its own thread;
- requests that arrive while one runs wait in a queue; when the statement
  ends, the coalescer's **flusher** thread sends the queue (at most ``limit``
  rows) as the next statement, and goes on while requests keep queueing; it
  idles once the queue is empty, and the next request goes at once again.
  No timer: a group is whatever queued during the statement before it.

Each caller gets exactly its own result, or its own exception: ``run`` maps
a list of items to one result per item, in order, where a result that is an
exception is raised to that item's caller only; an exception ``run`` raises
fails the callers of that statement only, each with its own copy.

Two items that claim one key (a client id; a refund's sale) never share a
statement: the later one stays queued for the next, so it sees the first
one's write, as a request racing another with the same id does without
group commit.

Waits are bounded: a caller waits at most ``timeout`` seconds in all, and
then gets ``unavailable(timeout)`` (the 503 of a statement that timed out).
A queued caller's statement runs on the flusher, not on the caller's thread,
so that giving up never waits for a statement: a caller that gives up while
queued is taken out of the queue and never sent; one whose statement is
already running cannot be taken back (its write may be applied, as a
statement that timed out may be: a retry then answers as a replay).  The
flusher runs each statement inside ``context()`` (for a backend: the
deadline of a statement that answers a request).

Nothing here knows the database: it is plain threading, and the statement is
whatever ``run`` does.  It coalesces the threads of one process only; under
``refgraph serve --workers N`` each process has its own coalescers.

>>> seen = []
>>> double = Coalescer(lambda items: seen.append(items) or [2 * i for i in items], limit=10)
>>> double.submit(21, timeout=1.0)
42
>>> seen
[[21]]
"""

from __future__ import annotations

import copy
import logging
import threading
import weakref
from collections.abc import Callable, Hashable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

log = logging.getLogger("refgraph.coalesce")

_QUEUED, _SENT, _DONE = "queued", "sent", "done"


class _Request(Generic[T]):
    __slots__ = ("item", "keys", "state", "result", "error", "ready")

    def __init__(self, item: T, keys: tuple[Hashable, ...]) -> None:
        self.item = item
        self.keys = keys
        self.state = _QUEUED
        self.result: Any = None
        self.error: BaseException | None = None
        #: set when the request is done
        self.ready = threading.Event()


class Coalescer(Generic[T, R]):
    """Run ``run(items)`` for concurrent :meth:`submit` calls, grouped.

    ``run`` takes a list of at most ``limit`` items and returns one result
    per item, in order (an exception instance as a result is raised to that
    item's caller).  ``keys(item)`` names what an item claims (its id): items
    that claim a common key go in different statements, in the order they came.
    ``unavailable`` makes the error of a caller that waited ``timeout``
    seconds in vain; ``context()`` is entered around each statement the
    flusher thread runs.
    """

    def __init__(self, run: Callable[[list[T]], Sequence[R | BaseException]], *,
                 limit: int, keys: Callable[[T], tuple[Hashable, ...]] = lambda item: (),
                 unavailable: Callable[[float], BaseException] | None = None,
                 context: Callable[[], AbstractContextManager[Any]] = nullcontext,
                 name: str = "writes") -> None:
        if limit < 1:
            raise ValueError("a statement holds at least one item")
        self.run = run
        self.limit = limit
        self.keys = keys
        self.unavailable = unavailable or _timed_out
        self.context = context
        self.name = name
        self._lock = threading.Lock()
        self._work = threading.Condition(self._lock)
        self._queue: list[_Request[T]] = []
        #: a statement is in flight (its caller's, or the flusher's)
        self._busy = False
        #: the flusher has a queue to send
        self._flush = False
        self._flusher: threading.Thread | None = None
        #: statements run and items sent, for the curious (tests, the bench)
        self.statements = 0
        self.items = 0

    def submit(self, item: T, timeout: float) -> R:
        """Send ``item`` in the next statement and return its result (or
        raise its error); at most ``timeout`` seconds of waiting."""
        request: _Request[T] = _Request(item, tuple(self.keys(item)))
        with self._lock:
            alone = not self._busy
            if alone:
                self._busy = True
                request.state = _SENT
            else:
                self._queue.append(request)
        if alone:
            self._send([request], nullcontext)
        else:
            self._wait(request, timeout)
        if request.error is not None:
            raise request.error
        return request.result

    def _wait(self, request: _Request[T], timeout: float) -> None:
        """Until ``request`` is done; raise when ``timeout`` passes first."""
        if request.ready.wait(timeout):
            return
        with self._lock:
            if request.state == _DONE:
                return
            if request.state == _QUEUED:
                self._queue.remove(request)     # never sent: nothing was written
            # _SENT: the statement runs on; its answer will be dropped
        raise self.unavailable(timeout)

    def _send(self, batch: list[_Request[T]],
              context: Callable[[], AbstractContextManager[Any]]) -> None:
        """Run ``batch`` as one statement inside ``context()``, give each
        request its result, and pass the queue to the flusher (or nobody is
        busy any more)."""
        try:
            with context():
                results: Sequence[Any] = self.run([request.item for request in batch])
            if len(results) != len(batch):
                raise RuntimeError(f"the statement gave {len(results)} results for "
                                   f"{len(batch)} items")
            for request, result in zip(batch, results, strict=True):
                if isinstance(result, BaseException):
                    request.error = result
                else:
                    request.result = result
        except BaseException as exc:
            for n, request in enumerate(batch):
                request.error = exc if n == 0 else _copy(exc)
        finally:
            with self._lock:
                self.statements += 1
                self.items += len(batch)
                for request in batch:
                    request.state = _DONE
                    request.ready.set()
                self._next()

    def _next(self) -> None:
        """After a statement (under the lock): the flusher sends the queue,
        or nobody is busy."""
        if not self._queue:
            self._busy = False
            return
        self._flush = True
        if self._flusher is None or not self._flusher.is_alive():
            self._flusher = threading.Thread(target=self._flushing, daemon=True,
                                             name=f"refgraph-group-commit-{self.name}")
            self._flusher.start()
        self._work.notify()

    def _flushing(self) -> None:
        """The flusher thread: sends the queue whenever a statement ends with
        requests waiting."""
        while True:
            with self._lock:
                while not self._flush:
                    self._work.wait()
                self._flush = False
                batch = self._take()
                if not batch:               # every one queued gave up meanwhile
                    self._next()
                    continue
            try:
                self._send(batch, self.context)
            except BaseException:   # noqa: BLE001 - the flusher must outlive any error
                log.exception("group commit of %s: the flusher met an error", self.name)

    def _take(self) -> list[_Request[T]]:
        """Up to ``limit`` queued requests, oldest first, none claiming a key
        another one claims (under the lock)."""
        batch: list[_Request[T]] = []
        claimed: set[Hashable] = set()
        rest: list[_Request[T]] = []
        for request in self._queue:
            if len(batch) == self.limit or not claimed.isdisjoint(request.keys):
                rest.append(request)
                continue
            claimed.update(request.keys)
            request.state = _SENT
            batch.append(request)
        self._queue = rest
        return batch


def _copy(error: BaseException) -> BaseException:
    """An exception of its own for each caller (a traceback is per raise)."""
    try:
        mine = copy.copy(error)
    except Exception:   # an exception that cannot be copied is shared
        return error
    mine.__cause__ = error.__cause__
    return mine


def _timed_out(seconds: float) -> BaseException:
    return TimeoutError(f"no answer within {seconds:g} s")


class _Owner:
    """What a backend has here: whether it coalesces, and its coalescers."""

    def __init__(self) -> None:
        self.enabled = True
        self.kinds: dict[str, Coalescer[Any, Any]] = {}


_owners: weakref.WeakKeyDictionary[Any, _Owner] = weakref.WeakKeyDictionary()
_owners_lock = threading.Lock()


def _owner(owner: Any) -> _Owner:
    with _owners_lock:
        found = _owners.get(owner)
        if found is None:
            found = _owners[owner] = _Owner()
        return found


def set_enabled(owner: Any, enabled: bool) -> None:
    """Whether ``owner``'s single writes are coalesced (the GROUP_COMMIT
    setting, applied by :class:`graph.Graph`); on by default."""
    _owner(owner).enabled = bool(enabled)


def enabled(owner: Any) -> bool:
    """Whether ``owner``'s single writes are coalesced."""
    return _owner(owner).enabled


def coalescer(owner: Any, kind: str, make: Callable[[], Coalescer[T, R]]) -> Coalescer[T, R]:
    """The coalescer of ``kind`` for ``owner`` (a backend), made once by
    ``make``: one per backend and kind of write, gone with the backend."""
    state = _owner(owner)
    with _owners_lock:
        found = state.kinds.get(kind)
        if found is None:
            found = state.kinds[kind] = make()
        return found
