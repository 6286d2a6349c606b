"""Keeps the embedded FalkorDB server running: when it dies (``kill -9``, the
OOM killer, a crash), it is reaped and started again from its files, with a
bounded backoff, while requests get a quick 503 rather than waiting.

The process that started the server watches its child and restarts it at
once.  A process that shares the server (a second ``refgraph`` on the same
data directory) notices on its next statement and takes over: whichever
process gets ``start.lock`` first starts the server, the others find it
answering.  See :class:`graph.embedded.EmbeddedServer` for the server itself.
"""

from __future__ import annotations

import logging
import shutil
import threading
from typing import TYPE_CHECKING

from .errors import BackendUnavailable, EmbeddedServerError

if TYPE_CHECKING:
    from .embedded import EmbeddedServer

log = logging.getLogger("refgraph.embedded")

#: How long a statement that met a dead server waits for the restart before
#: answering 503: a small store restarts in well under a second.
QUICK_WAIT = 5.0
#: Below this many free bytes the data's disk counts as full.
DISK_LOW = 1 << 20
#: Seconds a ping may take when a statement failed and refgraph looks at why.
PROBE_TIMEOUT = 0.5
BACKOFF_START = 0.5
BACKOFF_MAX = 10.0


class Supervisor:
    """Restart the embedded server when it dies; tell callers what it is doing."""

    def __init__(self, server: EmbeddedServer, *, quick_wait: float = QUICK_WAIT) -> None:
        self.server = server
        self.quick_wait = quick_wait
        self.state = "up"
        self.restarts = 0
        self.last_error: str | None = None
        self._recovered = threading.Event()
        self._recovered.set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None

    # -- the owner watches its child ------------------------------------------

    def watch(self) -> None:
        """Start watching the server this process started (idempotent)."""
        if self._watcher is None or not self._watcher.is_alive():
            self._watcher = threading.Thread(
                target=self._watch, name="refgraph-falkordb-watch", daemon=True)
            self._watcher.start()

    def _watch(self) -> None:
        while not self._stopping.wait(0.2):
            process = self.server._process
            if process is None or process.poll() is None:
                continue
            if self._stopping.is_set():
                return
            log.error("the embedded FalkorDB server (pid %s) exited with code %s; restarting it",
                      process.pid, process.returncode)
            self.recover()

    # -- recovery ---------------------------------------------------------------

    def recover(self) -> None:
        """Start the server again in the background, unless that is under way."""
        with self._lock:
            if not self._recovered.is_set() or self._stopping.is_set():
                return
            self._recovered.clear()
            self.state = "restarting"
        threading.Thread(target=self._restart, name="refgraph-falkordb-restart",
                         daemon=True).start()

    def _restart(self) -> None:
        delay = BACKOFF_START
        attempt = 0
        try:
            while not self._stopping.is_set():
                attempt += 1
                try:
                    self.state = "restarting" if attempt == 1 else f"restarting (attempt {attempt})"
                    self.server.reap()
                    self.server.start()
                except (EmbeddedServerError, OSError) as exc:
                    self.last_error = str(exc).splitlines()[0]
                    log.error("restarting the embedded FalkorDB server failed (attempt %d): %s; "
                              "next try in %.1f s", attempt, self.last_error, delay)
                    if self._stopping.wait(delay):
                        return
                    delay = min(delay * 2, BACKOFF_MAX)
                    continue
                self.restarts += 1
                self.state = "up"
                self.last_error = None
                log.warning("the embedded FalkorDB server is back (restart %d)", self.restarts)
                if self.server.owner:
                    self.watch()
                return
        finally:
            self._recovered.set()

    def disk_full(self) -> BackendUnavailable | None:
        """A 507 when the disk holding the data has no room left: the server
        then exits on every write (``appendfsync always`` cannot go on without
        its file), and retrying would only restart it again."""
        try:
            free = shutil.disk_usage(self.server.data_dir).free
        except OSError:
            return None
        if free >= DISK_LOW:
            return None
        return BackendUnavailable(
            f"The disk holding {self.server.data_dir} is full ({free} bytes free): the embedded "
            "database cannot record anything. Free space there; refgraph resumes by itself. "
            "The refused request recorded nothing: send it again afterwards.",
            retry_after=30, status=507, code="insufficient_storage",
        )

    def down(self, cause: BaseException) -> BackendUnavailable:
        """The error for a statement that failed again after the server came back."""
        return self.disk_full() or BackendUnavailable(
            f"The embedded database went away while answering ({cause}); refgraph restarts it "
            "by itself: retry after the Retry-After seconds.", retry_after=2)

    def unavailable(self, cause: BaseException, wait: float | None = None
                    ) -> BackendUnavailable | None:
        """After a statement met a dead, loading or silent server: the 503 to
        raise, or None when the caller may retry now.

        A dead server is started again and waited for ``wait`` seconds
        (default :attr:`quick_wait`).  A server that is alive but does not
        answer (stopped, or too busy) is not dead: it is never restarted,
        since a second server on the same files would corrupt them."""
        full = self.disk_full()
        if full is not None:
            return full
        pid = self.server.live_pid(thorough=True)
        if pid is None:
            self.recover()
            self._recovered.wait(self.quick_wait if wait is None else wait)
        elif not self.server.ping_quietly(PROBE_TIMEOUT):
            return self.silent(PROBE_TIMEOUT, cause, pid)
        loading = self.server.loading(PROBE_TIMEOUT)
        if self.server.ping_quietly(PROBE_TIMEOUT) and loading is None:
            return None
        doing = self.state if self.state != "up" else "starting"
        if loading is not None:
            doing = f"loading its data ({loading}% done)"
        detail = f"; last error: {self.last_error}" if self.last_error else ""
        return BackendUnavailable(
            f"The embedded database is {doing}{detail}. refgraph restarts it by itself: "
            "retry the request after the Retry-After seconds (nothing you sent before this "
            "answer is lost).",
            retry_after=2, state=doing, cause=str(cause),
        )

    def silent(self, seconds: float, cause: BaseException, pid: int) -> BackendUnavailable:
        """The 503 for a server that is alive but did not answer in time."""
        return BackendUnavailable.no_answer(
            f"The embedded database (pid {pid})", seconds,
            state="not answering", cause=str(cause))

    def crashed(self, cause: BaseException) -> BackendUnavailable:
        """The 503 for a statement during which the server died: it is
        restarted, and the statement is not sent again (it may be what
        crashed it)."""
        self.recover()
        return self.disk_full() or BackendUnavailable(
            "The embedded database stopped while running this request; refgraph restarts it "
            "by itself. Retry the request after the Retry-After seconds with the same id (if it "
            "was applied before the database stopped, the retry answers as a replay). If it "
            "fails this way again, it is what stops the database: report it with its "
            "request id.", retry_after=2, state="restarting", cause=str(cause))

    def stop(self) -> None:
        self._stopping.set()
        self.state = "stopped"

    def describe(self) -> dict[str, object]:
        return {"state": self.state, "restarts": self.restarts, "last_error": self.last_error}
