"""Cursor pagination: ``?limit=N&cursor=C``; responses carry ``next_cursor``.

A cursor is opaque to clients (unpadded base64url of the list's name and the
last row's sort key); it stays valid while rows are added, unlike an offset.
"""

import base64
import binascii
import json

from flask import request
from flask_smorest import abort
from marshmallow import Schema, fields, validate

from api.common import FullMatch

MAX_LIMIT = 500
#: what :func:`encode` hands out: unpadded base64url
CURSOR_PATTERN = r"^[A-Za-z0-9_-]{2,1024}$"


class PageArgs(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(1, MAX_LIMIT),
                           metadata={"description": f"rows per page, 1 to {MAX_LIMIT}",
                                     "example": 50})
    cursor = fields.String(load_default=None, validate=FullMatch(CURSOR_PATTERN),
                           metadata={"description": "next_cursor of the previous page, as given "
                                                    "(base64url); one this API did not hand out "
                                                    "answers 422"})


_PAGES = {}


def page_of(item_schema):
    """The response schema of one page of ``item_schema`` items."""
    if item_schema not in _PAGES:
        name = item_schema.__name__.replace("Schema", "") + "PageSchema"
        _PAGES[item_schema] = Schema.from_dict({
            "items": fields.List(fields.Nested(item_schema)),
            "next_cursor": fields.String(allow_none=True, validate=FullMatch(CURSOR_PATTERN),
                                         metadata={"description": "null on the last page"}),
        }, name=name)
    return _PAGES[item_schema]


def encode(key):
    """The cursor of sort key ``key`` in the list being answered: it names the
    list (the endpoint), so a cursor of another list is refused, not misread."""
    payload = {"list": request.endpoint, "after": key}
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def decode(cursor):
    """The sort key a cursor carries, or ``None``; 422 for a cursor this list
    did not hand out."""
    if not cursor:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        payload = None
    if not isinstance(payload, dict) or payload.get("list") != request.endpoint \
            or "after" not in payload:
        abort(422, message="The cursor is damaged or belongs to another list; start again "
                           "without one.",
              errors={"cursor": ["not a cursor this API gave out for this list"]})
    return payload["after"]


def page(items, limit, key):
    """The response body for one page; ``key(item)`` is the item's sort key."""
    return {"items": items, "next_cursor": encode(key(items[-1])) if len(items) == limit else None}
