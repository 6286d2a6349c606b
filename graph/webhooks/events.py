"""Outbox events: from the stored node to the body a receiver gets.

An ``OutboxEvent`` node holds the event's own fields under names beginning
with ``event_`` and the resource's fields as the statement wrote them (see
:mod:`graph.webhooks`).  :func:`resource_of` gives the resource back, shaped
as the store functions shape it for the API (a user's labels become roles, a
reward line's detail its merchants); the caller renders it through the API's
schema and :func:`body` wraps it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..vocabulary import roles_of

Row = dict[str, Any]

#: the prefix of the event's own properties on an OutboxEvent node
PREFIX = "event_"
#: the event type of ``POST /v1/webhooks/{id}/test``
TEST = "webhook.test"


def meta_of(node: Mapping[str, Any]) -> Row:
    """The event's own fields of an OutboxEvent node's properties.

    >>> meta_of({"event_id": "sale.recorded:s1:1", "event_type": "sale.recorded",
    ...          "event_resource": "sale", "event_resource_id": "s1", "event_seq": 1,
    ...          "event_at": 5, "event_status": "new", "id": "s1", "amount": 100})
    {'id': 'sale.recorded:s1:1', 'type': 'sale.recorded', 'resource': 'sale', 'resource_id': 's1', 'seq': 1, 'at': 5}
    """
    return {"id": node["event_id"], "type": node["event_type"],
            "resource": node["event_resource"], "resource_id": node["event_resource_id"],
            "seq": node["event_seq"], "at": node["event_at"]}


def resource_of(node: Mapping[str, Any]) -> Row:
    """The resource of an OutboxEvent node's properties, shaped as the API's.

    The copied fields, then those of ``event_data`` (JSON text) over them.

    >>> resource_of({"event_id": "e", "event_resource": "user", "id": "u1",
    ...              "labels": ["User", "Merchant"], "referrer_id": "r"})
    {'id': 'u1', 'referrer_id': 'r', 'roles': ['merchant']}
    >>> resource_of({"event_resource": "sale", "id": "s1", "event_voucher_ids": ["v"],
    ...              "event_voucher_amounts": [5]})
    {'id': 's1', 'vouchers': [{'id': 'v', 'amount': 5}]}
    >>> resource_of({"event_resource": "signal", "event_data": '{"id": "x", "kind": "k"}'})
    {'id': 'x', 'kind': 'k'}
    """
    data: Row = {key: value for key, value in node.items()
                 if not key.startswith(PREFIX) and key != "dispatched_at"}
    if node.get("event_data"):
        data.update(json.loads(node["event_data"]))
    kind = node.get("event_resource")
    if kind == "user":
        data["roles"] = roles_of(data.pop("labels", []))
    elif kind == "reward_line" and "detail" in data:
        data["merchants"] = merchants_of(data.pop("detail"))
    elif kind == "sale":  # voucher payments: two lists (a map is no property)
        data["vouchers"] = [{"id": v, "amount": a} for v, a in zip(
            node.get("event_voucher_ids") or [], node.get("event_voucher_amounts") or [],
            strict=True)]
    return data


def merchants_of(detail: str) -> list[Row]:
    """A reward line's ``detail`` (JSON text) as the merchants the API lists;
    lines credited before late sales could be carried have no carried parts.

    >>> merchants_of('[["m1", 500, 0, ["c", "m1"]]]')
    [{'merchant_id': 'm1', 'fees': 500, 'refunded_fees': 0, 'base': 500, 'path': ['c', 'm1'], 'carried_fees': 0, 'carried_refunded_fees': 0}]
    """
    return [{"merchant_id": m, "fees": fees, "refunded_fees": refunded, "base": fees - refunded,
             "path": path, "carried_fees": carried[0] if carried else 0,
             "carried_refunded_fees": carried[1] if carried else 0}
            for m, fees, refunded, path, *carried in json.loads(detail)]


def body(meta: Mapping[str, Any], data: Mapping[str, Any]) -> bytes:
    """The request body of an event: compact JSON, keys in a fixed order.

    >>> body({"id": "e1", "type": "sale.recorded", "resource": "sale", "resource_id": "s1",
    ...       "seq": 1, "at": 5}, {"id": "s1"})
    b'{"id":"e1","type":"sale.recorded","created_at":5,"resource":{"type":"sale","id":"s1","seq":1},"data":{"id":"s1"}}'
    """
    return json.dumps({
        "id": meta["id"], "type": meta["type"], "created_at": meta["at"],
        "resource": {"type": meta["resource"], "id": meta["resource_id"], "seq": meta["seq"]},
        "data": data,
    }, separators=(",", ":"), ensure_ascii=False).encode()
