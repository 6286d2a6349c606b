"""The ``refgraph`` command line, built on Flask's CLI (``FlaskGroup``).

``refgraph serve`` runs the API on waitress; ``refgraph worker`` runs the
scheduler in its own process; ``refgraph db ...`` looks after the database.
Flask's own ``routes`` and ``shell`` commands are there too.

One module per command group; they share :mod:`.output` (failures, JSON),
:mod:`.progress` (the one progress display) and :mod:`.changes` (``FIELD=JSON``
rule changes).  Commands reach the database only through ``graph/``.
"""

import sys

import click
from flask.cli import FlaskGroup

from graph.errors import RefgraphError

from .. import create_app
from .analytics import analytics_group
from .db import db
from .demo import demo_group
from .graph_export import graph_group
from .importer import import_group
from .institutions import institutions_group
from .keys import keys_group
from .ledger import ledger_group
from .output import error_text
from .payouts import payouts_group
from .rewards import rewards_group
from .rules import rules_group
from .serve import serve, worker
from .statements import statements_group


@click.group(cls=FlaskGroup, create_app=create_app, add_version_option=False,
             help="refgraph: referral graph service. Run 'refgraph serve' to start the API.")
def cli():
    pass


for command in (serve, worker, db, keys_group, rules_group, rewards_group, ledger_group,
                payouts_group, demo_group, analytics_group, graph_group, import_group,
                institutions_group, statements_group):
    cli.add_command(command)


def main():
    """The console entry point: refgraph's own errors (refused rule changes,
    unreachable databases) end as ``Error: ...`` lines and exit code 1, never
    as a traceback."""
    try:
        cli(prog_name="refgraph")
    except RefgraphError as exc:
        click.echo(f"Error: {error_text(exc)}", err=True)
        sys.exit(1)
