"""``refgraph graph export``: the referral network as files for analysts."""

import click
from flask.cli import with_appcontext

from graph import export, get_backend
from graph.store import analytics

from .progress import Progress
from .types import ID


@click.group("graph")
def graph_group():
    """The referral network as files for analysts."""


@graph_group.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(list(export.FORMATS)),
              help="graphml (yEd, networkx), gexf (Gephi) or neo4j-csv (neo4j-admin import).")
@click.option("--out", required=True, type=click.Path(),
              help="A file for graphml/gexf; a directory for neo4j-csv.")
@click.option("--user", "user_id", type=ID, default=None,
              help="Only this user's neighbourhood instead of the whole network.")
@click.option("--up", default=2, show_default=True, type=click.IntRange(0, 20))
@click.option("--depth", default=3, show_default=True, type=click.IntRange(1, 10))
@click.option("--limit", default=10_000, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Most users below --user.")
@with_appcontext
def graph_export(fmt, out, user_id, up, depth, limit):
    """Export the referral network (or one user's neighbourhood)."""
    backend = get_backend()
    if user_id:
        G = analytics.neighbourhood_graph(backend, user_id, up=up, depth=depth, limit=limit)
    else:
        with Progress("loading") as progress:
            G = analytics.load_network(backend, progress=progress.stage)
    with Progress(f"writing {out}", length=G.number_of_nodes() + G.number_of_edges()) as progress:
        export.export(G, fmt, out, progress=progress.update)
    click.echo(f"{G.number_of_nodes()} users, {G.number_of_edges()} referrals written to "
               f"{out}", err=True)
    if fmt == "neo4j-csv":
        click.echo("import into an empty Neo4j with: "
                   + " ".join(export.neo4j_import_command(out)), err=True)
