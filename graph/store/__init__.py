"""Business operations on the graph: one function per operation, each one
Cypher statement, turning the statement's outcome into a value or a domain
error.  Functions take the backend as their first argument."""

from ..errors import IdempotencyConflict
from ..vocabulary import roles_of


def with_roles(entity):
    """A user map with ``labels`` replaced by ``roles``."""
    if entity is None:
        return None
    entity = dict(entity)
    entity["roles"] = roles_of(entity.pop("labels", []))
    return entity


def conflict(kind, ident):
    return IdempotencyConflict(
        f"{kind} {ident!r} was already recorded with a different request; "
        f"use a new id for a new {kind}, or resend exactly the original request"
    )
