"""``refgraph ledger``: verify the double-entry ledger."""

import click
from flask.cli import with_appcontext

from graph import get_backend
from graph.store import ledger

from .output import fail


@click.group("ledger")
def ledger_group():
    """Verify the double-entry ledger."""


@ledger_group.command("check")
@with_appcontext
def ledger_check():
    """Check every entry balances and every cached balance equals its entries."""
    problems = ledger.check(get_backend())
    for problem in problems:
        click.echo(problem)
    if problems:
        fail(f"{len(problems)} problem(s) in the ledger; see above")
    click.echo("ledger clean", err=True)
