"""``refgraph analytics``: whole-network analytics and fraud signals."""

import click
from flask.cli import with_appcontext

from graph import get_backend
from graph.store import analytics

from .output import echo_json
from .progress import Progress


@click.group("analytics")
def analytics_group():
    """Whole-network analytics and fraud signals."""


@analytics_group.command("refresh")
@with_appcontext
def analytics_refresh():
    """Recompute the network analytics now (the worker does it every hour)."""
    with Progress("analysing") as progress:
        summary = analytics.refresh(get_backend(), progress=progress.stage)
    click.echo(f"{summary['users']} users, {summary['edges']} referrals, "
               f"{summary['signals']['total']} fraud signals "
               f"in {progress.seconds:.1f}s", err=True)
    echo_json({key: summary[key] for key in ("users", "by_role", "roots", "max_depth",
                                             "signals")})
