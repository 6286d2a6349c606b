"""The ``refgraph`` command line, built on Flask's CLI (``FlaskGroup``).

``refgraph serve`` runs the API on waitress; ``refgraph worker`` runs the
scheduler in its own process; ``refgraph db ...`` looks after the database.
Flask's own ``routes`` and ``shell`` commands are there too.
"""

import signal
import sys
import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from graph import close_backend, get_backend
from graph.maintenance import counts
from graph.errors import RefgraphError

from . import create_app, load_config


def _fail(message):
    raise click.ClickException(message)


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


@click.group(cls=FlaskGroup, create_app=create_app, add_version_option=False,
             help="refgraph: referral graph service. Run 'refgraph serve' to start the API.")
def cli():
    pass


@cli.command("serve")
@click.option("--host", envvar="REFGRAPH_HOST", default="127.0.0.1", show_default=True,
              help="Interface to listen on (REFGRAPH_HOST).")
@click.option("--port", envvar="REFGRAPH_PORT", default=8000, type=int, show_default=True,
              help="TCP port (REFGRAPH_PORT).")
@click.option("--threads", envvar="REFGRAPH_THREADS", default=8, type=int, show_default=True,
              help="Worker threads of the WSGI server (REFGRAPH_THREADS).")
@with_appcontext
def serve(host, port, threads):
    """Serve the API with waitress; the embedded database starts with it."""
    import waitress

    app = current_app._get_current_object()
    backend = get_backend(app)
    click.echo(f"refgraph on http://{host}:{port} with {backend.version()} "
               f"({backend.status().get('location')}); Ctrl-C to stop", err=True)
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        waitress.serve(app, host=host, port=port, threads=threads, _quiet=True)
    except KeyboardInterrupt:
        pass
    finally:
        click.echo("refgraph: stopping", err=True)
        close_backend(app)


@cli.command("worker")
@with_appcontext
def worker():
    """Run the scheduler (reward runs and other periodic jobs) in this process."""
    from jobs.worker import run_worker

    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    app = current_app._get_current_object()
    try:
        run_worker(app)
    except KeyboardInterrupt:
        pass
    finally:
        close_backend(app)


@cli.group("db")
def db():
    """Inspect, back up and restore the graph database."""


@db.command("status")
@with_appcontext
def db_status():
    """Show the backend, where its data is, counts, memory and persistence."""
    backend = get_backend()
    for key, value in backend.status().items():
        click.echo(f"{key + ':':24} {value}")
    for title, table in zip(("nodes", "relationships"), counts(backend)):
        click.echo(f"{title + ':':24} {sum(table.values())}")
        for name, count in table.items():
            click.echo(f"  {name + ':':22} {count}")


def _embedded_only(backend, what):
    if getattr(backend, "server", None) is None:
        _fail(f"'refgraph db {what}' works on the embedded database only; for Neo4j use "
              "'neo4j-admin database dump|load', for a FalkorDB server its own SAVE/RDB files")


@db.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@with_appcontext
def db_backup(path, force):
    """Write a consistent snapshot of the embedded database to PATH."""
    from graph.embedded import copy_file

    backend = get_backend()
    _embedded_only(backend, "backup")
    if path.exists() and not force:
        _fail(f"{path} exists; choose another path or pass --force")
    started = time.monotonic()
    click.echo("taking a snapshot...", err=True)
    snapshot = backend.save_snapshot()
    size = snapshot.stat().st_size
    with click.progressbar(length=size, label=f"writing {path}", file=sys.stderr) as bar:
        copy_file(snapshot, path, bar.update)
    click.echo(f"backup written: {path} ({size} bytes, {time.monotonic() - started:.1f}s)", err=True)


@db.command("restore", with_appcontext=False)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def db_restore(path, yes):
    """Replace the embedded database with the backup at PATH.

    refgraph must be stopped.  The current data is kept beside it in the data
    directory as falkordb.before-restore-<time>.
    """
    from graph.embedded import EmbeddedServer

    config = load_config()
    if (config["GRAPH_URL"] or "embedded") != "embedded":
        _fail("'refgraph db restore' works on the embedded database only")
    server = EmbeddedServer(config["DATA_DIR"], appendfsync=config["APPENDFSYNC"])
    if not yes:
        click.confirm(f"Replace the data in {server.data_dir} with {path}?", abort=True)
    size = path.stat().st_size
    with click.progressbar(length=size, label=f"restoring {path}", file=sys.stderr) as bar:
        server.restore(path, progress=bar.update)
    click.echo(f"restored {path} into {server.data_dir}", err=True)


@cli.group("keys")
def keys_group():
    """Create, list and revoke API keys."""


@keys_group.command("create")
@click.option("--role", type=click.Choice(["operator", "merchant", "member"]), required=True)
@click.option("--user", "user_id", help="The user a merchant or member key is bound to.")
@click.option("--name", help="A label, e.g. the terminal or person holding the key.")
@with_appcontext
def keys_create(role, user_id, name):
    """Create a key and print it alone on stdout (it is shown only once)."""
    from graph.store import keys

    plaintext, record = keys.create(get_backend(), role, user_id, name)
    click.echo(f"created {role} key {record['id']}"
               + (f" for user {user_id}" if user_id else "") + "; store it now", err=True)
    click.echo(plaintext)


@keys_group.command("list")
@with_appcontext
def keys_list():
    """List keys (id, role, user, created, revoked); never the secrets."""
    from graph.store import keys

    for key in keys.list_keys(get_backend()):
        click.echo(f"{key['id']}  {key['role']:8}  {key['user_id'] or '-':20}  "
                   f"{key['name'] or '-':20}  revoked={key['revoked_at'] or 'no'}")


@keys_group.command("revoke")
@click.argument("key_id")
@with_appcontext
def keys_revoke(key_id):
    """Revoke a key by its id (or the whole key)."""
    from graph.store import keys

    record = keys.revoke(get_backend(), key_id)
    click.echo(f"revoked key {record['id']}", err=True)


def main():
    try:
        cli(prog_name="refgraph")
    except RefgraphError as exc:
        click.echo(f"Error: {exc.message}", err=True)
        sys.exit(1)
