"""``refgraph db``: status, backup, restore and copy of the graph database.

Everything goes through the backend protocol and ``graph/``: a backup is
``backend.backup``, a restore :func:`graph.backup.restore` (the database must
be stopped, so no backend is opened for it), a copy :mod:`graph.copy`.
"""

import logging
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from graph import backup as backups
from graph import copy as graph_copy
from graph import get_backend
from graph.errors import RefgraphError
from graph.maintenance import counts

from .. import load_config
from .output import echo_counts, fail
from .progress import Progress


@click.group("db")
def db():
    """Inspect, back up, restore and copy the graph database."""


@db.command("status")
@with_appcontext
def db_status():
    """Show the backend, where its data is, counts, memory and persistence."""
    backend = get_backend()
    for key, value in backend.status().items():
        click.echo(f"{key + ':':24} {value}")
    echo_counts(*counts(backend))


@db.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@with_appcontext
def db_backup(path, force):
    """Write a consistent snapshot of the embedded database to PATH."""
    if path.exists() and not force:
        fail(f"{path} exists; choose another path or pass --force")
    click.echo("taking a snapshot...", err=True)
    with Progress(f"writing {path}") as progress:
        size = get_backend().backup(path, progress=progress.update)
    click.echo(f"backup written: {path} ({size} bytes, {progress.seconds:.1f}s)", err=True)


@db.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def db_restore(path, yes):
    """Replace the embedded database with the backup at PATH.

    refgraph must be stopped.  The current data is kept beside it in the data
    directory as falkordb.before-restore-<time>.
    """
    config = load_config()
    data_dir = backups.restore_target(config)
    if not yes:
        click.confirm(f"Replace the data in {data_dir} with {path}?", abort=True)
    with Progress(f"restoring {path}") as progress:
        backups.restore(config, path, progress=progress.update)
    click.echo(f"restored {path} into {data_dir}", err=True)


@db.command("copy")
@click.option("--to", "url", required=True, metavar="URL",
              help="The new database: neo4j://, bolt:// or falkor:// as in REFGRAPH_GRAPH_URL "
                   "(Neo4j password from REFGRAPH_NEO4J_PASSWORD or the URL).")
@click.option("--batch", default=2_000, show_default=True, type=click.IntRange(1, 100_000),
              help="Nodes or relationships per statement.")
@click.option("--force", is_flag=True,
              help="Copy into a target that holds data (nodes with the same keys are overwritten).")
@with_appcontext
def db_copy(url, batch, force):
    """Copy every node and relationship to another database; run it again to resume."""
    # a new Neo4j warns about every label and property it has not seen yet
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    try:
        target = graph_copy.open_target(current_app.config, url)
        try:
            with Progress("copying") as progress:
                report = graph_copy.copy(get_backend(), target, batch=batch, force=force,
                                         progress=progress.stage)
        finally:
            target.close()
    except RefgraphError as exc:
        fail(exc.message)
    except KeyboardInterrupt:
        fail("interrupted; run the same command again to continue where it stopped")
    _report_copy(report)


def _report_copy(report):
    echo_counts(report["nodes"], report["relationships"])
    for label, count in report["left_out"].items():
        click.echo(f"not copied: {count} {label} ({graph_copy.LEFT_OUT[label]})", err=True)
    rate = report["copied"] / report["seconds"] if report["seconds"] else 0
    click.echo(f"copied {report['copied']} nodes and relationships "
               f"{'(resumed) ' if report['resumed'] else ''}from {report['source']} to "
               f"{report['target']} in {report['seconds']:.1f}s ({rate:.0f}/s)", err=True)
    for name, (source_count, target_count) in report["differences"].items():
        click.echo(f"differs: {name}: {source_count} on the source, {target_count} on the target")
    for problem in report["ledger"]:
        click.echo(f"ledger: {problem}")
    if report["differences"]:
        fail("the target's counts differ from the source's (see above): stop everything that "
             "writes to the source (refgraph serve, refgraph worker) and copy again with --force")
    if report["ledger"]:
        fail(f"{len(report['ledger'])} ledger problem(s) on the target (see above); run "
             "'refgraph ledger check' on the source: a copy keeps the problems it finds")
    click.echo("counts equal on both sides; ledger clean on the target", err=True)
