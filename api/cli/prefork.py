"""``refgraph serve --workers N``: N waitress processes on one listening socket.

The parent (the process ``refgraph serve`` started) opens the socket, owns
the backend (it starts the embedded FalkorDB, or joins the one running, as
one process does) and runs no request itself.  It starts N children, each a
fresh interpreter (``python -m api.cli.prefork``) handed the socket's file
descriptor: a child makes its own app, and so its own database connections,
after it starts (nothing is shared across a fork), and is told
``REFGRAPH_EMBEDDED_START=false``: it joins the parent's embedded server on
its unix socket and never starts or stops one.  A fresh interpreter is also
what lets ``PROMETHEUS_MULTIPROC_DIR`` take effect in the children:
prometheus_client reads it when it is imported (api/observability.py).

The kernel hands each new connection to one of the children accepting on
the shared socket; connections wait in its backlog while a child starts.

Supervision: a child that exits is logged and replaced (after a pause that
grows while children die young, so a broken setting does not spin).  SIGTERM
or Ctrl-C sends the children SIGTERM (each stops as a one-process ``refgraph
serve`` does: it closes its backend) and waits for them, then closes the
parent's backend, which stops the embedded server if the parent started it.  Children get SIGTERM if the parent dies, even
by ``kill -9`` (PR_SET_PDEATHSIG), so none is left orphaned.
"""

from __future__ import annotations

import argparse
import ctypes
import functools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click
from flask import Flask
from prometheus_client import multiprocess

from api import observability
from graph import close_backend

#: a child that lived less than this is restarted after a growing pause
YOUNG = 10.0
PAUSE_MAX = 10.0


def _child_setup(parent_pid: int) -> None:
    """Runs in the child before exec: SIGTERM when the parent's (main) thread
    ends, and its own process group, so a terminal's Ctrl-C reaches only the
    parent, which then stops the children in order."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        if os.getppid() != parent_pid:  # the parent died before prctl
            os._exit(1)
    os.setpgrp()


class _Child:
    def __init__(self, slot: int) -> None:
        self.slot = slot
        self.process: subprocess.Popen[bytes] | None = None
        self.started = 0.0
        self.pause = 0.0
        self.due = 0.0   # when to start it (again)


class Workers:
    """The parent: start, watch and stop the worker processes."""

    def __init__(self, app: Flask, sock: socket.socket, workers: int, threads: int) -> None:
        self.app = app
        self.sock = sock
        self.threads = threads
        self.children = [_Child(slot) for slot in range(1, workers + 1)]
        given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
        self.own_metrics_dir = not given
        self.metrics_dir = Path(given or tempfile.mkdtemp(prefix="refgraph-metrics-"))
        self.metrics_dir.mkdir(parents=True, exist_ok=True)
        for stale in self.metrics_dir.glob("*.db"):   # the docs: wipe it before start
            stale.unlink()
        self.env = {**os.environ, "REFGRAPH_WORKERS": str(workers),
                    "REFGRAPH_EMBEDDED_START": "false",
                    "PROMETHEUS_MULTIPROC_DIR": str(self.metrics_dir)}
        if app.config.get("SECRET_KEY"):
            # one console session key for all workers (the parent's, generated
            # unless set): a sign-in holds whichever worker answers; as JSON,
            # since REFGRAPH_* values are read as JSON when they parse
            self.env["REFGRAPH_SECRET_KEY"] = json.dumps(str(app.config["SECRET_KEY"]))

    def _start(self, child: _Child) -> None:
        child.process = subprocess.Popen(
            [sys.executable, "-m", "api.cli.prefork", "--fd", str(self.sock.fileno()),
             "--threads", str(self.threads), "--slot", str(child.slot)],
            env=self.env, pass_fds=(self.sock.fileno(),), stdin=subprocess.DEVNULL,
            # the pid is taken here, in the parent: the function runs in the child
            preexec_fn=functools.partial(_child_setup, os.getpid()),
        )
        child.started = time.monotonic()

    def _reap(self, child: _Child) -> None:
        assert child.process is not None
        pid, code = child.process.pid, child.process.returncode
        child.process = None
        multiprocess.mark_process_dead(pid, str(self.metrics_dir))
        lived = time.monotonic() - child.started
        child.pause = min(max(child.pause * 2, 0.5), PAUSE_MAX) if lived < YOUNG else 0.0
        child.due = time.monotonic() + child.pause
        how = f"was killed by signal {-code}" if code < 0 else f"exited with code {code}"
        click.echo(f"refgraph: worker {child.slot} (pid {pid}) {how}; starting another"
                   + (f" in {child.pause:.1f} s" if child.pause else ""), err=True)

    def run(self) -> None:
        """Supervise until SIGTERM or Ctrl-C (KeyboardInterrupt), then stop."""
        try:
            while True:
                now = time.monotonic()
                for child in self.children:
                    if child.process is not None and child.process.poll() is not None:
                        self._reap(child)
                    if child.process is None and now >= child.due:
                        self._start(child)
                time.sleep(0.1)
        finally:
            self.stop()

    def stop(self, timeout: float = 30.0) -> None:
        running = [c.process for c in self.children if c.process is not None]
        for process in running:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + timeout
        for process in running:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for child in self.children:
            child.process = None
        self.sock.close()
        if self.own_metrics_dir:
            shutil.rmtree(self.metrics_dir, ignore_errors=True)


def listen(host: str, port: int, backlog: int = 1024) -> socket.socket:
    """The listening socket the children share (waitress's default backlog)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=backlog)
    sock.set_inheritable(True)
    return sock


def serve_workers(app: Flask, host: str, port: int, threads: int, workers: int) -> None:
    """The parent's part of ``refgraph serve --workers N`` (N > 1)."""
    sock = listen(host, port)
    parent = Workers(app, sock, workers, threads)
    observability.serve_metrics(app, multiprocess_dir=str(parent.metrics_dir))
    try:
        parent.run()
    except KeyboardInterrupt:
        pass
    finally:
        click.echo("refgraph: stopping", err=True)
        close_backend(app)


def _child(argv: list[str] | None = None) -> None:
    """One worker process: its own app on the inherited socket."""
    parser = argparse.ArgumentParser(prog="refgraph serve worker")
    parser.add_argument("--fd", type=int, required=True)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--slot", type=int, required=True)
    args = parser.parse_args(argv)
    import waitress

    from api import create_app
    from api.cli.output import error_text
    from api.cli.serve import waitress_settings
    from graph.errors import RefgraphError

    sock = socket.socket(fileno=args.fd)
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        app = create_app()
    except RefgraphError as exc:
        click.echo(f"refgraph: worker {args.slot}: {error_text(exc)}", err=True)
        sys.exit(1)
    try:
        waitress.serve(app, sockets=[sock], **waitress_settings(args.threads))
    except KeyboardInterrupt:
        pass
    finally:
        close_backend(app)


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    _child()
