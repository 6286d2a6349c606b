"""``refgraph rewards``: preview, run and inspect reward runs."""

import click
from flask.cli import with_appcontext

from graph import get_backend
from graph.store import rewards

from ..audit import trail
from .changes import rule_changes
from .output import echo_json
from .progress import Progress


def _period_option(f):
    return click.option("--period", required=True,
                        help="YYYY-MM, YYYY-Www or YYYY-MM-DD (UTC).")(f)


@click.group("rewards")
def rewards_group():
    """Preview, run and inspect reward runs."""


@rewards_group.command("preview")
@_period_option
@click.option("--set", "changes", multiple=True, metavar="FIELD=JSON", callback=rule_changes,
              help="A proposed rule change, as for 'refgraph rules set'; repeatable.")
@with_appcontext
def rewards_preview(period, changes):
    """What the period's rewards are (and would be under --set changes); writes nothing."""
    backend = get_backend()
    proposed = rewards.proposed_rules(backend, period, changes) if changes else None
    result = rewards.preview(backend, period, proposed)
    lines = result.pop("lines")
    echo_json(result)
    click.echo(f"{len(lines)} lines", err=True)


@rewards_group.command("run")
@_period_option
@click.option("--batch", default=2_000, show_default=True, help="Lines per statement.")
@with_appcontext
def rewards_run(period, batch):
    """Run a closed period's rewards; running it again pays nothing more."""
    with Progress(f"crediting {period}") as progress:
        run = trail.run_rewards(get_backend(), period, batch=batch, progress=progress.update,
                                actor=trail.cli_actor())
    echo_json(run)


@rewards_group.command("show")
@_period_option
@with_appcontext
def rewards_show(period):
    """The record of a period's run."""
    echo_json(rewards.get_run(get_backend(), period))


@rewards_group.command("release")
@with_appcontext
def rewards_release():
    """Make rewards whose hold has passed withdrawable now."""
    echo_json(rewards.release(get_backend()))


@rewards_group.command("explain")
@click.argument("line_id")
@with_appcontext
def rewards_explain(line_id):
    """Why a reward line (PERIOD|REFERRER|LEVEL) is what it is."""
    echo_json(rewards.explain(get_backend(), line_id))
