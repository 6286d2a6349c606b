"""Webhook endpoints and their deliveries (operators).

Signing secrets are sealed under the master key (graph/webhooks/sealing.py,
the key :func:`api.signed.master` gives); secrets an older refgraph stored
in plain text are sealed when an app is made (:func:`seal_at_start`), so at
the start of ``refgraph serve``, ``worker`` and every command.
"""

import logging
import uuid

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import abort

from api import auth, signed
from api.audit import trail
from api.common import client_id, replay_headers, v1_blueprint
from api.pagination import PageArgs, decode, page, page_of
from graph import get_backend
from graph.backend import Backend
from graph.errors import ConfigurationError
from graph.store import webhooks
from graph.webhooks.sealing import master_of

from .schemas import (
    DeliveryListArgs,
    DeliverySchema,
    WebhookInSchema,
    WebhookSchema,
    WebhookTestInSchema,
    WebhookUpdateSchema,
)

blp = v1_blueprint("webhooks", __name__,
                   "Webhook endpoints: events pushed to storefronts and partners (operators)")
log = logging.getLogger("refgraph.webhooks")


@blp.record_once
def seal_at_start(state):
    """Seal the plain-text secrets an older refgraph left (one idempotent
    statement), then have the embedded database rewrite its append-only
    file, which still holds them as they were written.  Without a master
    key (a remote database and no REFGRAPH_INSTITUTION_KEY) it says so in
    the log and leaves them: they still sign."""
    app = state.app
    backend = get_backend(app)
    if not isinstance(backend, Backend):     # a stand-in serving the OpenAPI document
        return
    try:
        sealed = webhooks.seal_plaintext_secrets(
            backend, lambda: master_of(backend, app.config.get("INSTITUTION_KEY")))
    except ConfigurationError as exc:
        log.warning("webhook signing secrets stored in plain text by an older refgraph "
                    "were not sealed: %s", exc.message)
        return
    if sealed:
        log.info("sealed the signing secrets of %d webhook endpoints", sealed)
        server = getattr(backend, "server", None)
        if server is not None:
            server.compact()


def _allow_private():
    return bool(current_app.config.get("WEBHOOK_ALLOW_PRIVATE"))


@blp.route("/webhooks")
class Webhooks(MethodView):
    @blp.arguments(WebhookInSchema)
    @blp.response(201, WebhookSchema)
    @auth.roles("operator")
    def post(self, body):
        """Subscribe a URL to events; the answer holds the signing secret, once"""
        has_id = body["id"] or "Idempotency-Key" in request.headers
        endpoint_id = client_id(body["id"]) if has_id else "wh_" + uuid.uuid4().hex[:16]
        endpoint, secret, created = trail.create_webhook(
            get_backend(), id=endpoint_id, url=body["url"], events=body["events"],
            description=body["description"], allow_private=_allow_private(),
            master=signed.master())
        if secret is not None:
            endpoint = {**endpoint, "secret": secret}
        return endpoint, 201, replay_headers(created)

    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_of(WebhookSchema))
    @auth.roles("operator")
    def get(self, args):
        """List webhook endpoints"""
        items = webhooks.list_endpoints(get_backend(), after=decode(args["cursor"]),
                                        limit=args["limit"])
        return page(items, args["limit"], lambda e: e["id"])


@blp.route("/webhooks/<endpoint_id>")
class Webhook(MethodView):
    @blp.response(200, WebhookSchema)
    @auth.roles("operator")
    def get(self, endpoint_id):
        """Read a webhook endpoint, with its deliveries counted by status"""
        return webhooks.get_endpoint(get_backend(), endpoint_id)

    @blp.arguments(WebhookUpdateSchema)
    @blp.response(200, WebhookSchema)
    @auth.roles("operator")
    def patch(self, body, endpoint_id):
        """Change a webhook endpoint; enabled=true enables a disabled one again"""
        return trail.update_webhook(get_backend(), endpoint_id, allow_private=_allow_private(),
                                    **body)

    @blp.response(200, WebhookSchema)
    @auth.roles("operator")
    def delete(self, endpoint_id):
        """Delete a webhook endpoint and its deliveries; answers it as it was"""
        return trail.delete_webhook(get_backend(), endpoint_id)


@blp.route("/webhooks/<endpoint_id>/rotate-secret")
class RotateSecret(MethodView):
    @blp.response(200, WebhookSchema)
    @auth.roles("operator")
    def post(self, endpoint_id):
        """A new signing secret, shown once; the old one also signs for 24 hours"""
        grace = float(current_app.config.get("WEBHOOK_SECRET_GRACE_HOURS") or 24)
        endpoint, secret = trail.rotate_webhook_secret(get_backend(), endpoint_id, grace,
                                                       master=signed.master())
        return {**endpoint, "secret": secret}


@blp.route("/webhooks/<endpoint_id>/test")
class Test(MethodView):
    @blp.arguments(WebhookTestInSchema)
    @blp.response(202, DeliverySchema)
    @auth.roles("operator")
    def post(self, body, endpoint_id):
        """Send a webhook.test event to this endpoint (the worker delivers it)"""
        test_id = body["id"] or request.headers.get("Idempotency-Key")
        if test_id is not None:
            test_id = client_id(body["id"])
        delivery, created = trail.test_webhook(get_backend(), endpoint_id, test_id)
        return delivery, 202, replay_headers(created)


def _after(cursor):
    key = decode(cursor)
    if key is None:
        return None
    if not (isinstance(key, list) and len(key) == 2 and type(key[0]) is int
            and isinstance(key[1], str)):
        abort(422, message="The cursor is damaged; start again without one.",
              errors={"cursor": ["not a cursor this API gave out"]})
    return key[0], key[1]


@blp.route("/webhooks/<endpoint_id>/deliveries")
class Deliveries(MethodView):
    @blp.arguments(DeliveryListArgs, location="query")
    @blp.response(200, page_of(DeliverySchema))
    @auth.roles("operator")
    def get(self, args, endpoint_id):
        """An endpoint's deliveries, newest first: status, attempts, last answer"""
        items = webhooks.list_deliveries(get_backend(), endpoint_id, status=args["status"],
                                         after=_after(args["cursor"]), limit=args["limit"])
        return page(items, args["limit"], lambda d: [d["created_at"], d["id"]])


@blp.route("/webhooks/<endpoint_id>/deliveries/<ref:delivery_id>/retry")
class Retry(MethodView):
    @blp.response(200, DeliverySchema)
    @auth.roles("operator")
    def post(self, endpoint_id, delivery_id):
        """Send a delivery again now (with three more days of retries)"""
        return trail.retry_webhook_delivery(get_backend(), endpoint_id, delivery_id)
