"""One error body for every error: ``{code, status, message, errors}``.

``code`` is a stable machine-readable string, ``status`` the HTTP status,
``message`` a sentence for a person saying what to do next, ``errors`` the
field-level details (for 422) or an empty object.
"""

from flask import jsonify, request
from marshmallow import Schema, fields
from werkzeug.exceptions import HTTPException

from graph.errors import (
    BackendUnavailable,
    ConfigurationError,
    ConstraintViolation,
    DomainError,
    RefgraphError,
)


class ErrorSchema(Schema):
    """The body of every error response."""

    code = fields.String(metadata={"description": "stable machine-readable code",
                                   "example": "validation_error"})
    status = fields.Integer(metadata={"description": "the HTTP status", "example": 422})
    message = fields.String(metadata={"description": "what went wrong and what to do next"})
    errors = fields.Dict(metadata={"description": "field-level messages (422), else empty"})


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
}


def error_response(status, code, message, errors=None):
    response = jsonify(
        {"code": code, "status": status, "message": message, "errors": errors or {}}
    )
    response.status_code = status
    return response


def _http_error(exc):
    errors = {}
    data = getattr(exc, "data", None) or {}
    # webargs' validation errors (or abort(..., errors=...) in a view)
    errors = data.get("errors") or data.get("messages") or {}
    # webargs nests them by location, {"json": {...}}; one location is flattened
    if len(errors) == 1 and next(iter(errors)) in ("json", "query", "path", "headers", "form"):
        errors = next(iter(errors.values()))
    message = data.get("message") or exc.description or exc.name
    if exc.code == 422 and errors:
        message = "The request has invalid fields; see errors for each field."
    elif exc.code == 413:
        message = "The request body is too large; send at most the documented size."
    elif exc.code == 405 and getattr(exc, "valid_methods", None):
        message = (f"{request.method} is not allowed here; this URL takes "
                   f"{', '.join(sorted(exc.valid_methods))}.")
    code = data.get("code") or _CODES.get(exc.code, "http_error")
    response = error_response(exc.code, code, message, errors)
    # Keep the headers the exception carries: Allow on a 405 (RFC 9110 requires
    # it), Retry-After, WWW-Authenticate.
    for name, value in [*exc.get_headers(), *(data.get("headers") or {}).items()]:
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _domain_error(exc):
    return error_response(exc.status, exc.code, exc.message, exc.details.get("errors"))


def _unavailable(exc):
    response = error_response(exc.details.get("status", 503),
                              exc.details.get("code", "database_unavailable"), exc.message)
    response.headers["Retry-After"] = str(exc.details.get("retry_after", 2))
    return response


def _constraint(exc):
    return error_response(409, "conflict", "A concurrent request created the same id; "
                          "retry the request to get its stored answer.")


def _configuration(exc):
    # the service's settings, not the request, are wrong: an operator must act
    return error_response(503, exc.code, exc.message)


def _refgraph_error(exc):
    return error_response(500, exc.code, exc.message)


def init_app(app):
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(DomainError, _domain_error)
    app.register_error_handler(BackendUnavailable, _unavailable)
    app.register_error_handler(ConstraintViolation, _constraint)
    app.register_error_handler(ConfigurationError, _configuration)
    app.register_error_handler(RefgraphError, _refgraph_error)
