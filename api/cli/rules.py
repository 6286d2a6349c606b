"""``refgraph rules``: show and change the promotion's rules."""

import click
from flask.cli import with_appcontext

from graph import get_backend
from graph.store import rules as rules_store

from ..audit import trail
from .changes import EXAMPLE, rule_changes
from .output import echo_json


def _version_view(version):
    return {**{k: v for k, v in version.items() if k != "rules"},
            "rules": version["rules"].to_dict()}


@click.group("rules")
def rules_group():
    """Show and change the promotion's rules (versioned, effective-dated)."""


@rules_group.command("show")
@with_appcontext
def rules_show():
    """The rule set in force now, as JSON."""
    echo_json(_version_view(rules_store.in_force(get_backend())))


@rules_group.command("history")
@with_appcontext
def rules_history():
    """Every version, newest first."""
    for version in rules_store.history(get_backend()):
        click.echo(f"v{version['version']:<4} from {version['effective_from']}  "
                   f"by {version['created_by']}  {version['note'] or ''}")


@rules_group.command("set", epilog=f"Example: refgraph rules set {EXAMPLE}")
@click.argument("changes", nargs=-1, required=True, metavar="FIELD=JSON...",
                callback=rule_changes)
@click.option("--from", "effective_from", type=int, help="Epoch ms it takes effect (default now).")
@click.option("--note", help="Why the rules change.")
@with_appcontext
def rules_set(changes, effective_from, note):
    """Add a version changing the FIELD=JSON pairs of the rules in force.

    A value is JSON (300, true, '[500, 250]'); a bare word is taken as text
    only for a text field such as period or count_basis.
    """
    version = trail.change_rules(get_backend(), changes, effective_from=effective_from,
                                 note=note, created_by="cli", actor=trail.cli_actor())
    click.echo(f"rules v{version['version']} in force from {version['effective_from']}", err=True)
