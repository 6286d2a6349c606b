"""``refgraph keys``: create, list and revoke API keys."""

import click
from flask.cli import with_appcontext

from graph import get_backend
from graph.store import keys
from graph.vocabulary import KEY_ROLES

from ..audit import trail
from .types import ID


@click.group("keys")
def keys_group():
    """Create, list and revoke API keys."""


@keys_group.command("create")
@click.option("--role", type=click.Choice(KEY_ROLES), required=True)
@click.option("--user", "user_id", type=ID, help="The user a merchant or member key is bound to.")
@click.option("--name", help="A label, e.g. the terminal or person holding the key.")
@with_appcontext
def keys_create(role, user_id, name):
    """Create a key and print it alone on stdout (it is shown only once)."""
    plaintext, record = trail.create_key(get_backend(), role, user_id, name,
                                         actor=trail.cli_actor())
    click.echo(f"created {role} key {record['id']}"
               + (f" for user {user_id}" if user_id else "") + "; store it now", err=True)
    click.echo(plaintext)


@keys_group.command("list")
@with_appcontext
def keys_list():
    """List keys (id, role, user, created, revoked); never the secrets."""
    for key in keys.list_keys(get_backend()):
        click.echo(f"{key['id']}  {key['role']:8}  {key['user_id'] or '-':20}  "
                   f"{key['name'] or '-':20}  revoked={key['revoked_at'] or 'no'}")


@keys_group.command("revoke")
@click.argument("key_id", type=ID)
@with_appcontext
def keys_revoke(key_id):
    """Revoke a key by its id (or the whole key)."""
    record = trail.revoke_key(get_backend(), key_id, actor=trail.cli_actor())
    click.echo(f"revoked key {record['id']}", err=True)
