"""``refgraph serve`` and ``refgraph worker``: the two long-running processes."""

import signal

import click
import waitress
from flask import current_app
from flask.cli import with_appcontext

from api import observability
from graph import close_backend, get_backend
from jobs.worker import run_worker


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
              help="Worker threads of the WSGI server (REFGRAPH_THREADS).")
@with_appcontext
def serve(host, port, threads):
    """Serve the API with waitress; the embedded database starts with it."""
    app = current_app._get_current_object()
    backend = get_backend(app)
    click.echo(f"refgraph on http://{host}:{port} with {backend.version()} "
               f"({backend.status().get('location')}); Ctrl-C to stop", err=True)
    _stop_on_sigterm()
    observability.serve_metrics(app)
    try:
        waitress.serve(app, host=host, port=port, threads=threads, _quiet=True)
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
