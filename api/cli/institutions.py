"""``refgraph institutions``: register and look after partner institutions."""

import uuid

import click
from flask.cli import with_appcontext

from graph import get_backend
from graph.store import institutions
from graph.vocabulary import INSTITUTION_SERVICES, INSTITUTION_STATUSES

from ..audit import trail
from ..signed import master
from .output import echo_json, fail
from .types import ID


@click.group("institutions")
def institutions_group():
    """Register and look after the partner financial institutions."""


def _services(text):
    services = [s.strip() for s in text.split(",") if s.strip()]
    wrong = [s for s in services if s not in INSTITUTION_SERVICES]
    if wrong or not services:
        raise click.BadParameter(f"a comma-separated list of {', '.join(INSTITUTION_SERVICES)}")
    return services


def _limit(text):
    if text in ("none", "null"):
        return None
    try:
        return int(text)
    except ValueError:
        raise click.BadParameter("minor units, or 'none' for no limit") from None


@institutions_group.command("add")
@click.argument("institution_id", type=ID)
@click.option("--name", required=True, help="The institution's name.")
@click.option("--services", required=True, type=_services,
              help="payouts, consumer_credit, or both separated by a comma.")
@click.option("--buyer-limit", type=_limit, default=None,
              help="Most one buyer may have in undecided applications there (minor units).")
@click.option("--fee-bp", type=int, default=0, show_default=True,
              help="Its fee on each disbursement, in bp of the financed amount.")
@with_appcontext
def institutions_add(institution_id, name, services, buyer_limit, fee_bp):
    """Register an institution and print its signing secret alone on stdout (once)."""
    record, secret, created = trail.register_institution(
        get_backend(), master(), id=institution_id, name=name, services=services,
        buyer_limit=buyer_limit, fee_bp=fee_bp, actor=trail.cli_actor())
    if not created:
        click.echo(f"institution {institution_id} was registered already with these details",
                   err=True)
    if secret is None:
        fail(f"institution {institution_id}'s first secret was rotated since; "
             "'refgraph institutions rotate-secret' hands out a new one")
    click.echo(f"registered institution {record['id']} ({', '.join(record['services'])}); "
               "give it this secret now, it is not shown again", err=True)
    click.echo(secret)


@institutions_group.command("list")
@with_appcontext
def institutions_list():
    """List the institutions (never their secrets)."""
    for record in institutions.list_institutions(get_backend(), limit=10_000):
        limit = record["buyer_limit"] if record["buyer_limit"] is not None else "-"
        click.echo(f"{record['id']:20}  {record['status']:8}  {','.join(record['services']):24}"
                   f"  limit={limit}  fee_bp={record['fee_bp']}  {record['name']}")


@institutions_group.command("show")
@click.argument("institution_id", type=ID)
@with_appcontext
def institutions_show(institution_id):
    """One institution, as JSON."""
    echo_json(institutions.get(get_backend(), institution_id))


@institutions_group.command("update")
@click.argument("institution_id", type=ID)
@click.option("--name")
@click.option("--services", type=_services)
@click.option("--status", type=click.Choice(INSTITUTION_STATUSES))
@click.option("--reason", help="Why the status changes.")
@click.option("--buyer-limit", type=_limit, help="Minor units, or 'none'.")
@click.option("--fee-bp", type=int)
@with_appcontext
def institutions_update(institution_id, name, services, status, reason, buyer_limit, fee_bp):
    """Change an institution; applications already made keep their fee."""
    limit = {} if buyer_limit is None and not _given("--buyer-limit") else {
        "buyer_limit": buyer_limit, "set_buyer_limit": True}
    record = trail.update_institution(get_backend(), institution_id, name=name,
                                      services=services, status=status, status_reason=reason,
                                      fee_bp=fee_bp, actor=trail.cli_actor(), **limit)
    echo_json(record)


def _given(option):
    context = click.get_current_context()
    name = option.lstrip("-").replace("-", "_")
    return context.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE


@institutions_group.command("rotate-secret")
@click.argument("institution_id", type=ID)
@click.option("--id", "change_id", type=ID, help="The rotation's id (default: generated); reusing it "
                                        "gets the same secret while it is current.")
@click.option("--reason", required=True, help="Why (scheduled, suspected leak…); audited.")
@with_appcontext
def institutions_rotate(institution_id, change_id, reason):
    """Give the institution a new secret (printed alone on stdout); the old
    one keeps verifying for 24 hours."""
    record, secret, rotated = trail.rotate_secret(
        get_backend(), master(), institution_id, change_id or "rot-" + uuid.uuid4().hex[:12],
        reason=reason, actor=trail.cli_actor())
    click.echo(f"institution {institution_id}: secret version {record['secret_version']}; the "
               f"previous one verifies until {record['previous_until']} (epoch ms)", err=True)
    click.echo(secret)
