"""``refgraph serve`` and ``refgraph worker``: the two long-running processes."""

import signal

import click
import waitress
from flask import current_app
from flask.cli import with_appcontext

from api import hardening, observability
from graph import close_backend, get_backend
from jobs.worker import run_worker


def waitress_settings(threads):
    """waitress's settings for each serving process.

    Measured against gunicorn (gthread) and granian on single-sale requests
    from 1 to 64 connections (bench/README.md, round 5): gunicorn used as
    much CPU per request, granian up to a tenth less (within the noise of a
    shared 2-core machine), and neither served more sales, which the
    database bounds; so waitress stays, which also serves the shared socket
    of ``--workers`` as it is.  ``poll`` instead of ``select``
    serves more than 1,024 connections; ``send_bytes`` stays at its default
    (flushing every write from the request thread sent the headers and the
    body apart and saved nothing)."""
    return {"threads": threads, "asyncore_use_poll": True, "_quiet": True}


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


def _stop_on_sigterm():
    """SIGTERM (systemd, docker stop) ends the process the way Ctrl-C does,
    so the backend is closed and the embedded server stopped cleanly."""
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)


@click.command("serve")
@click.option("--host", envvar="REFGRAPH_HOST", default="127.0.0.1", show_default=True,
              help="Interface to listen on (REFGRAPH_HOST).")
@click.option("--port", envvar="REFGRAPH_PORT", default=8000, type=int, show_default=True,
              help="TCP port (REFGRAPH_PORT).")
@click.option("--threads", envvar="REFGRAPH_THREADS", default=8, type=int, show_default=True,
              help="Threads of each WSGI server process (REFGRAPH_THREADS).")
@click.option("--workers", envvar="REFGRAPH_WORKERS", default=1,
              type=click.IntRange(1, 64), show_default=True,
              help="Server processes sharing the port (REFGRAPH_WORKERS). With more than "
                   "one, this process owns the database and the listening socket and "
                   "supervises the workers; each allows a key its share of RATE_LIMIT.")
@with_appcontext
def serve(host, port, threads, workers):
    """Serve the API with waitress; the embedded database starts with it.

    With --workers N (N > 1), N processes answer on the port and this one
    restarts any that dies; SIGTERM or Ctrl-C stops them all, then the
    database.
    """
    app = current_app._get_current_object()
    backend = get_backend(app)
    processes = f" in {workers} worker processes" if workers > 1 else ""
    click.echo(f"refgraph on http://{host}:{port} with {backend.version()} "
               f"({backend.status().get('location')}){processes}; Ctrl-C to stop", err=True)
    _stop_on_sigterm()
    if workers > 1:
        from .prefork import serve_workers

        serve_workers(app, host, port, threads, workers)
        return
    if app.config["WORKERS"] != 1:   # REFGRAPH_WORKERS=N, then --workers 1
        app.config["WORKERS"] = 1
        hardening.init_rate(app)
    observability.serve_metrics(app)
    try:
        waitress.serve(app, host=host, port=port, **waitress_settings(threads))
    except KeyboardInterrupt:
        pass
    finally:
        click.echo("refgraph: stopping", err=True)
        close_backend(app)


@click.command("worker")
@with_appcontext
def worker():
    """Run the scheduler (reward runs and other periodic jobs) in this process."""
    app = current_app._get_current_object()
    _stop_on_sigterm()
    try:
        run_worker(app)
    except KeyboardInterrupt:
        pass
    finally:
        close_backend(app)
