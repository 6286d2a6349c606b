"""refgraph's own errors.

Everything a backend driver raises is turned into one of these inside
``graph/``; ``api/`` and ``jobs/`` never see a driver exception.  Each error
carries a ``code`` (stable, for clients) and a message that says what to do
next.
"""

from __future__ import annotations

from typing import Any


class RefgraphError(Exception):
    """Base class of every error refgraph raises on purpose."""

    code = "refgraph_error"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class ConfigurationError(RefgraphError):
    """The configuration cannot work (bad URL, missing password...)."""

    code = "configuration_error"


class QueryRegistryError(RefgraphError):
    """A query file is malformed, missing or defined twice."""

    code = "query_registry_error"


class UnknownQuery(QueryRegistryError):
    """Code asked for a query name that no ``.cypher`` file defines."""

    code = "unknown_query"


class BackendError(RefgraphError):
    """The database refused or failed a statement."""

    code = "backend_error"


class BackendUnavailable(BackendError):
    """The database cannot be reached; retrying later may succeed."""

    code = "backend_unavailable"

    @classmethod
    def unreachable(cls, what: str, cause: object, retry_after: int = 5) -> BackendUnavailable:
        """The error for a remote database that does not answer."""
        return cls(f"{what} is unreachable ({cause}). refgraph reconnects by itself once it "
                   "answers: retry after the Retry-After seconds, and check that the database "
                   "server is running.", retry_after=retry_after)

    @classmethod
    def no_answer(cls, what: str, seconds: float, retry_after: int = 5,
                  **details: Any) -> BackendUnavailable:
        """The error for a database that did not answer in time (overloaded,
        or stopped): the request is not retried, so it fails fast."""
        return cls(f"{what} did not answer within {seconds:g} s (overloaded or stopped). Retry "
                   "after the Retry-After seconds with the same id: a write that timed out may "
                   "still be applied when the database resumes, and a retry then answers as a "
                   "replay.", retry_after=retry_after, **details)


class ConstraintViolation(BackendError):
    """A uniqueness constraint refused a write (a concurrent duplicate)."""

    code = "constraint_violation"


class EmbeddedServerError(BackendError):
    """The embedded FalkorDB server could not be started or stopped."""

    code = "embedded_server_error"


class Unsupported(RefgraphError):
    """The configured backend cannot do this; the message names what can."""

    code = "unsupported"


class DomainError(RefgraphError):
    """A business rule refused an operation; nothing was written."""

    code = "domain_error"
    status = 422


class NotFound(DomainError):
    code = "not_found"
    status = 404


class Conflict(DomainError):
    code = "conflict"
    status = 409


class UnknownUser(NotFound):
    code = "unknown_user"


class NoSnapshot(NotFound):
    """Whole-network analytics were asked for before they were computed."""

    code = "no_snapshot"


class Refused(DomainError):
    """A business rule refused the request; ``code`` says which rule."""

    def __init__(self, code: str, message: str, field: str | None = None,
                 status: int = 422) -> None:
        errors = {field: [message]} if field else {}
        super().__init__(message, errors=errors)
        self.code = code
        self.status = status


class RulesInvalid(DomainError):
    """A proposed rule set is invalid; ``errors`` is ``{field: [messages]}``."""

    code = "invalid_rules"

    def __init__(self, errors: dict[str, list[str]],
                 message: str = "the rule set is invalid; see errors for each field") -> None:
        super().__init__(message, errors=errors)
        self.errors = errors


class IdempotencyConflict(Conflict):
    """The id (or Idempotency-Key) was used before with a different request."""

    code = "idempotency_conflict"


class RulesChanged(Conflict):
    """A statement was given rules from a cached timeline that a newer rule
    set has replaced; nothing was written (the caller reads them again)."""

    code = "rules_changed"


class InvalidValue(DomainError):
    """A parameter holds a value the database cannot take safely (an id with
    leading or trailing whitespace or a control character, which crashes
    FalkorDB 4.16's unique constraints: cypher/DIALECTS.md); refused before
    anything is sent.  ``param`` names it as the statement knows it."""

    code = "invalid_id"

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message, errors={param: [message]})
        self.param = param
