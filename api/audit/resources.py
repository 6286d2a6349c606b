"""The audit trail of operator actions (operators only)."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import abort

from api import auth
from api.common import v1_blueprint
from api.pagination import decode, page, page_of
from graph import get_backend
from graph.store import audit

from .schemas import AuditEventSchema, AuditListArgs

blp = v1_blueprint("audit", __name__, "The audit trail of operator actions (operators)")


def _before(cursor: str | None) -> tuple[int, str] | None:
    key = decode(cursor)
    if key is None:
        return None
    if not (isinstance(key, list) and len(key) == 2 and type(key[0]) is int
            and isinstance(key[1], str)):
        abort(422, message="The cursor is damaged; start again without one.",
              errors={"cursor": ["not a cursor this API gave out"]})
    return key[0], key[1]


@blp.route("/audit")
class AuditTrail(MethodView):
    @blp.arguments(AuditListArgs, location="query")
    @blp.response(200, page_of(AuditEventSchema))
    @auth.roles("operator")
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Operator actions, newest first, filtered by action, subject or actor"""
        items = audit.list_events(get_backend(), before=_before(args["cursor"]),
                                  limit=args["limit"], action=args["action"],
                                  subject_id=args["subject_id"], actor_id=args["actor"])
        return page(items, args["limit"], audit.cursor)
