from marshmallow import Schema, fields, validate

from api.common import FullMatch, entity_id, text
from api.pagination import PageArgs
from graph.store.webhooks import ALL
from graph.vocabulary import DELIVERY_STATUSES, ENDPOINT_STATUSES, EVENT_TYPES

_EVENTS = fields.List(
    fields.String(validate=validate.OneOf((ALL, *EVENT_TYPES))), validate=validate.Length(1, 20),
    metadata={"description": "event types to receive, or ['*'] for all: "
                             + ", ".join(EVENT_TYPES)})
_URL = {"validate": FullMatch(r"^[!-~]{1,2000}$", error="a URL of 1 to 2000 printable ASCII "
                              "characters, no spaces (international names in punycode)"),
        "metadata": {"description": "https:// (or http://) URL on a public address; "
                                    "redirects are not followed"}}


class WebhookInSchema(Schema):
    id = entity_id(load_default=None, metadata={"description": "your id for the endpoint "
                                                               "(or an Idempotency-Key)"})
    url = fields.String(required=True, **_URL)
    events = fields.List(_EVENTS.inner, required=True, validate=_EVENTS.validate,
                         metadata=_EVENTS.metadata)
    description = text(0, 500, load_default=None)


class WebhookUpdateSchema(Schema):
    url = fields.String(load_default=None, **_URL)
    events = fields.List(_EVENTS.inner, load_default=None, validate=_EVENTS.validate,
                         metadata=_EVENTS.metadata)
    description = text(0, 500, load_default=None)
    enabled = fields.Boolean(load_default=None, metadata={
        "description": "true enables a disabled endpoint again; false disables it"})
    reason = text(0, 500, load_default=None,
                  metadata={"description": "why it is disabled by hand"})


class DeliveryCountsSchema(Schema):
    pending = fields.Integer()
    delivered = fields.Integer()
    failed = fields.Integer()


class WebhookSchema(Schema):
    id = fields.String()
    url = fields.String()
    events = fields.List(fields.String())
    description = fields.String(allow_none=True)
    status = fields.String(metadata={"description": ", ".join(ENDPOINT_STATUSES)})
    disabled_reason = fields.String(allow_none=True)
    disabled_at = fields.Integer(allow_none=True)
    created_at = fields.Integer()
    updated_at = fields.Integer()
    last_success_at = fields.Integer(allow_none=True)
    last_failure_at = fields.Integer(allow_none=True)
    consecutive_failures = fields.Integer()
    secret_rotated_at = fields.Integer(allow_none=True)
    deliveries = fields.Nested(DeliveryCountsSchema, metadata={
        "description": "deliveries by status (reading one endpoint)"})
    secret = fields.String(metadata={
        "description": "the signing secret: only in the answer that created the endpoint "
                       "or rotated its secret, never again; keep it"})


class DeliverySchema(Schema):
    id = fields.String()
    endpoint_id = fields.String()
    event_id = fields.String()
    event_type = fields.String()
    status = fields.String(metadata={"description": ", ".join(DELIVERY_STATUSES)})
    attempts = fields.Integer()
    created_at = fields.Integer()
    next_at = fields.Integer(allow_none=True, metadata={"description": "when it is tried "
                                                                       "next (pending)"})
    last_at = fields.Integer(allow_none=True)
    last_code = fields.Integer(allow_none=True, metadata={
        "description": "the receiver's last HTTP status; null when it did not answer"})
    last_error = fields.String(allow_none=True)
    delivered_at = fields.Integer(allow_none=True)


class DeliveryListArgs(PageArgs):
    status = fields.String(load_default=None, validate=validate.OneOf(DELIVERY_STATUSES))


class WebhookTestInSchema(Schema):
    id = entity_id(load_default=None, metadata={"description": "makes the test idempotent"})
