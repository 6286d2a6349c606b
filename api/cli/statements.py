"""``refgraph statements``: per-institution statements and their reconciliation."""

import uuid

import click
from flask.cli import with_appcontext

from graph import get_backend
from graph.store import institutions

from ..audit import trail
from .output import echo_json
from .types import ID


@click.group("statements")
def statements_group():
    """Statements of what passed with an institution, and reconciliations."""


@statements_group.command("write")
@click.argument("institution_id", type=ID)
@click.argument("period")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the file here "
                                                             "(default: stdout).")
@with_appcontext
def statements_write(institution_id, period, out):
    """The institution's statement for PERIOD (YYYY-MM, YYYY-Www, YYYY-MM-DD) as a CSV file
    with its checksum: payouts, financing and fees."""
    rows, text = institutions.statement(get_backend(), institution_id, period)
    if out:
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(text)
        click.echo(f"{len(rows)} rows -> {out}", err=True)
    else:
        click.echo(text, nl=False)


@statements_group.command("reconcile")
@click.argument("institution_id", type=ID)
@click.argument("period")
@click.argument("statement", type=click.File("r", encoding="utf-8"))
@click.option("--id", "reconciliation_id", type=ID, help="The reconciliation's id (default: "
                                                "generated); reusing it is safe.")
@with_appcontext
def statements_reconcile(institution_id, period, statement, reconciliation_id):
    """Compare the institution's own STATEMENT file for PERIOD with refgraph's and
    record every mismatch; changes nothing else.  Exits 1 when there are mismatches."""
    who = trail.cli_actor()
    reconciliation, items, _ = institutions.record_reconciliation(
        get_backend(), id=reconciliation_id or "rec-" + uuid.uuid4().hex[:12],
        institution_id=institution_id, period=period, text=statement.read(),
        recorded_by=f"{who['type']}:{who['id']}")
    for item in items:
        click.echo(f"{item['n']:>4}  {item['kind']:9}  {item['reference']:24}  "
                   f"{item['problem']:14}  ours={item['ours_status']}/{item['ours_amount']}  "
                   f"theirs={item['theirs_status']}/{item['theirs_amount']}")
    click.echo(f"reconciliation {reconciliation['id']}: {reconciliation['ours']} rows here, "
               f"{reconciliation['theirs']} there, {reconciliation['mismatches']} mismatch(es)",
               err=True)
    if items:
        raise SystemExit(1)


@statements_group.command("show")
@click.argument("reconciliation_id", type=ID)
@with_appcontext
def statements_show(reconciliation_id):
    """A reconciliation with its mismatches and their resolutions, as JSON."""
    reconciliation, items = institutions.get_reconciliation(get_backend(), reconciliation_id)
    echo_json({**reconciliation, "items": items})


@statements_group.command("resolve")
@click.argument("reconciliation_id", type=ID)
@click.argument("n", type=int)
@click.option("--reason", required=True, help="What was found and done about it.")
@with_appcontext
def statements_resolve(reconciliation_id, n, reason):
    """Record how mismatch N of a reconciliation was resolved (audited)."""
    mismatch, resolved = trail.resolve_mismatch(get_backend(), reconciliation_id, n, reason,
                                                actor=trail.cli_actor())
    click.echo(f"mismatch {n} of {reconciliation_id}: "
               + ("resolved" if resolved else "already resolved so"), err=True)
    echo_json(mismatch)
