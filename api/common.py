"""Shared pieces of the v1 resources: the blueprint factory (every v1 route
needs a key), the idempotency key, and the rules in force."""

from flask import request
from flask_smorest import Blueprint, abort
from marshmallow import fields, validate

from graph import get_backend
from graph.store import rules as rules_store

from . import auth

def _authenticate():
    auth.authenticate()  # a before_request hook must return None to go on


def v1_blueprint(name, import_name, description):
    blp = Blueprint(name, import_name, url_prefix="/v1", description=description)
    blp.before_request(_authenticate)
    return blp


def client_id(body_id, field="id"):
    """The client-chosen id of an operation: the body's ``id`` or the
    ``Idempotency-Key`` header; both given and different is a 422."""
    header = request.headers.get("Idempotency-Key")
    if header and body_id and header != body_id:
        abort(422, message="The Idempotency-Key header and the body's id differ; send one, "
                           "or the same value in both.",
              errors={field: ["differs from the Idempotency-Key header"]})
    if not (header or body_id):
        abort(422, message="Say which operation this is: give an id in the body or an "
                           "Idempotency-Key header, and reuse it when you retry.",
              errors={field: ["Missing data for required field."]})
    if header and not 1 <= len(header) <= 128:
        abort(422, message="The Idempotency-Key header must be 1 to 128 characters.",
              errors={field: ["Idempotency-Key too long"]})
    return body_id or header


def current_rules(at=None):
    return rules_store.rules_at(get_backend(), at)


def entity_id(**kwargs):
    """A client-chosen id field: 1 to 64 letters, digits and ._:- characters."""
    return fields.String(
        validate=validate.Regexp(r"^[A-Za-z0-9._:-]{1,64}$",
                                 error="1 to 64 letters, digits or . _ : -"),
        **kwargs)


def replay_headers(created):
    """Headers telling a client its request was a replay of an earlier one."""
    return {} if created else {"Idempotent-Replayed": "true"}
