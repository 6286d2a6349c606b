"""Business operations on the graph: one function per operation, each one
Cypher statement, turning the statement's outcome into a value or a domain
error.  Functions take the backend as their first argument."""

from __future__ import annotations

from typing import Any, Callable, overload

from ..backend import Backend
from ..errors import BackendError, IdempotencyConflict, NotFound, RefgraphError, Refused
from ..vocabulary import roles_of

#: How a refusing outcome becomes an error: ``(outcome, row, context)``.
Refusal = Callable[[str, dict[str, Any], dict[str, Any]], RefgraphError]


@overload
def with_roles(entity: dict[str, Any]) -> dict[str, Any]: ...
@overload
def with_roles(entity: None) -> None: ...
def with_roles(entity: dict[str, Any] | None) -> dict[str, Any] | None:
    """A user map with ``labels`` replaced by ``roles``."""
    if entity is None:
        return None
    entity = dict(entity)
    entity["roles"] = roles_of(entity.pop("labels", []))
    return entity


def conflict(kind: str, ident: str) -> IdempotencyConflict:
    return IdempotencyConflict(
        f"{kind} {ident!r} was already recorded with a different request; "
        f"use a new id for a new {kind}, or resend exactly the original request"
    )


def taken(kind: str) -> Refusal:
    """``id_taken``: the id was used before with a different request (409)."""
    return lambda outcome, row, context: conflict(kind, context["id"])


def missing(message: str, error: type[NotFound] = NotFound) -> Refusal:
    """A 404; ``message`` is formatted with the row and the call's context."""
    return lambda outcome, row, context: error(message.format(**{**context, **row}))


def refuse(field: str, message: str, status: int = 422) -> Refusal:
    """A refused business rule on ``field``; ``message`` is formatted as above."""
    return lambda outcome, row, context: Refused(
        outcome, message.format(**{**context, **row}), field, status=status)


class Outcomes:
    """What a write statement's ``outcome`` means: the successful ones, and
    the error each refusing one becomes.  Together they must be exactly the
    outcomes the query file declares (``tests/test_outcomes.py``), and an
    outcome the file does not declare is an error, never a success."""

    #: every table, for the test that compares them with the query headers
    tables: list[Outcomes] = []

    def __init__(self, query: str, success: tuple[str, ...],
                 refusals: dict[str, Refusal]) -> None:
        self.query = query
        self.success = success
        self.refusals = refusals
        Outcomes.tables.append(self)

    def check(self, backend: Backend, outcome: str) -> str:
        """``outcome`` if the query declares it; else a BackendError."""
        declared = backend.queries[self.query].outcomes
        if outcome not in declared or outcome not in (*self.success, *self.refusals):
            raise BackendError(
                f"query {self.query!r} answered outcome {outcome!r}, which is not among "
                f"those it declares ({', '.join(declared)}); the query file and refgraph "
                "disagree: report this as a bug (nothing was assumed to have succeeded)")
        return outcome

    def settle(self, backend: Backend, row: dict[str, Any] | None,
               **context: Any) -> tuple[str, dict[str, Any]]:
        """``(outcome, row)`` when the outcome is a success; raise its error
        otherwise (and a BackendError when the statement answered no row)."""
        if row is None:
            raise BackendError(f"query {self.query!r} answered no row; it always answers one: "
                               "report this as a bug")
        outcome = self.check(backend, row["outcome"])
        refusal = self.refusals.get(outcome)
        if refusal is not None:
            raise refusal(outcome, row, context)
        return outcome, row
