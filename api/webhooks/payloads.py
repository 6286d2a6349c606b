"""The ``data`` of a webhook event: its resource as the API answers it.

The worker (:mod:`jobs.webhooks`) renders each outbox event through the same
marshmallow schema the API's own answers use, so a receiver gets exactly
the fields and types ``GET``/``POST`` would give for that resource at that
moment (a field the statement wrote as null is null).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import Schema

from api.analytics.schemas import SignalSchema
from api.cards.schemas import CardSchema
from api.rewards.schemas import LineSchema, RunSchema
from api.sales.schemas import RefundSchema, SaleSchema
from api.users.schemas import UserSchema
from api.vouchers.schemas import VoucherSchema
from api.withdrawals.schemas import WithdrawalSchema
from graph.webhooks.events import body, meta_of, resource_of

#: the schema of each resource an event names (event_resource)
SCHEMAS: dict[str, type[Schema]] = {
    "user": UserSchema, "card": CardSchema, "sale": SaleSchema, "refund": RefundSchema,
    "reward_run": RunSchema, "reward_line": LineSchema, "withdrawal": WithdrawalSchema,
    "voucher": VoucherSchema, "signal": SignalSchema,
}
#: fields of a schema an event's resource does not carry (a user's referral count)
NOT_CARRIED = {"user": {"referrals"}}


def data_of(node: Mapping[str, Any]) -> dict[str, Any]:
    """The resource of an OutboxEvent node's properties, through its schema."""
    kind = node.get("event_resource")
    resource = resource_of(node)
    schema = SCHEMAS.get(str(kind))
    if schema is None:                      # webhook.test: its data as written
        return resource
    names = set(schema().fields) - NOT_CARRIED.get(str(kind), set())
    return schema().dump({name: resource.get(name) for name in names})


def render(node: Mapping[str, Any]) -> bytes:
    """The request body of an OutboxEvent node (the worker's ``render``)."""
    return body(meta_of(node), data_of(node))
