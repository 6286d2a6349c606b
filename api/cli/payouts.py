"""``refgraph payouts``: hand approved withdrawals to the financial institution."""

import uuid

import click
from flask import current_app
from flask.cli import with_appcontext

from graph import get_backend
from graph.settlement import institution

from ..audit import trail
from .types import ID


@click.group("payouts")
def payouts_group():
    """Hand approved withdrawals to the financial institution."""


@payouts_group.command("batch")
@click.option("--id", "batch_id", type=ID, help="Batch id (default: generated); reusing one is safe.")
@click.option("--institution", "institution_id", type=ID,
              help="The institution paying it out (default: REFGRAPH_PAYOUT_INSTITUTION).")
@with_appcontext
def payouts_batch(batch_id, institution_id):
    """Gather approved withdrawals into a payout file for the institution."""
    batch_id = batch_id or "batch-" + uuid.uuid4().hex[:12]
    batch, items = trail.create_batch(
        get_backend(), batch_id, actor=trail.cli_actor(),
        institution_id=institution_id or current_app.config.get("PAYOUT_INSTITUTION"))
    where = institution(current_app.config).submit(batch["id"], items,
                                                   batch["institution_id"])
    click.echo(f"batch {batch['id']}: {len(items)} payouts, "
               f"{sum(w['cash_amount'] for w in items)} in total -> {where}", err=True)
    click.echo(where)
