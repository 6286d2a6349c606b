"""What the OpenAPI document promises beyond what each route's decorators say.

Every operation gets, in one place rather than per route: the error statuses it
can answer (all with the one ``Error`` body), the ``Idempotency-Key`` header
where its body's ``id`` is optional, and an optional body where no field of
the body is required (webargs then loads ``{}``).  ``Api.register_blueprint``
adds :func:`doc_callback`'s to every blueprint's doc callbacks; the
:class:`Links` plugin adds the OpenAPI links a client (and schemathesis'
stateful phase) follows from what one operation returns to the next.
"""

import re

from apispec import BasePlugin
from apispec.ext.marshmallow.common import resolve_schema_instance
from werkzeug.routing import BaseConverter, ValidationError

from graph.vocabulary import is_id

from .common import ENTITY_ID
from .errors import ErrorSchema

IDEMPOTENCY_KEY = "Idempotency-Key"
#: the blueprints whose routes an institution's signature opens, not a key
SIGNED_BLUEPRINTS = ("payout_callbacks", "financing_callbacks")

_ERRORS = {
    400: "The body is not valid JSON (code invalid_json); errors.body says where.",
    401: "No valid API key (or, for the institution's callback, no valid signature).",
    403: "The key's role or user may not do this.",
    404: "A user, sale, voucher, withdrawal, run, line, institution, financing application or "
         "reconciliation named in the request does not exist (or, for an institution's "
         "callback, is not that institution's).",
    409: "A conflict: an id reused with a different request (idempotency_conflict), a second "
         "card, an overdraft, a concurrent write; the code says which.",
    413: "The body is over the size limit.",
    415: "The body is not sent as application/json.",
    422: "Invalid input (validation_error, with errors per field: a cursor this API did not "
         "hand out, neither id nor Idempotency-Key, a period that is not a date) or a business "
         "rule's refusal, whose code names the rule (e.g. over_refund, period_open, "
         "invalid_rules).",
    429: "The key sent more requests a second than REFGRAPH_RATE_LIMIT; retry after Retry-After.",
    503: "The database is unavailable; retry after Retry-After.",
}

#: a period key: a month YYYY-MM, an ISO week YYYY-Www or a day YYYY-MM-DD
PERIOD_PATTERN = (r"^[1-9][0-9]{3}-(W(0[1-9]|[1-4][0-9]|5[0-3])"
                  r"|(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)$")


class PeriodConverter(BaseConverter):
    """``<period:name>`` in a route: matches any segment (a wrong one gets the
    view's 422, not a 404) and is documented with :data:`PERIOD_PATTERN`."""


class IdConverter(BaseConverter):
    """Every ``<name>`` in a route without a converter of its own: an id
    (graph.vocabulary.is_id), else the route does not match (404), so no
    whitespace or control character in a path reaches a statement."""

    def to_python(self, value):
        if not is_id(value):
            raise ValidationError()
        return value


#: a key refgraph makes by joining ids with ``|`` (reward lines, webhook deliveries)
REF_PATTERN = r"^[A-Za-z0-9._:|-]{1,300}$"
_REF = re.compile(REF_PATTERN)


class RefConverter(BaseConverter):
    """``<ref:name>`` in a route: a key refgraph made (:data:`REF_PATTERN`),
    else the route does not match (404)."""

    def to_python(self, value):
        if _REF.fullmatch(value) is None:
            raise ValidationError()
        return value


_NAMES = {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound",
          409: "Conflict", 413: "PayloadTooLarge", 415: "UnsupportedMediaType",
          422: "Unprocessable", 429: "TooManyRequests", 503: "Unavailable"}


def _body_schema(doc):
    content = doc.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    return resolve_schema_instance(schema) if schema is not None else None


def doc_callback(blueprint):
    """The doc callback for ``blueprint``: which statuses its operations may
    answer depends on whether it checks an API key."""
    keyed = any(getattr(f, "__name__", "") == "_authenticate"
                for f in blueprint.before_request_funcs.get(None, []))
    signed = blueprint.name in SIGNED_BLUEPRINTS
    public = not keyed and not signed

    def prepare_doc(doc, doc_info, *, method, **kwargs):
        responses = doc.setdefault("responses", {})
        statuses = {503}
        if not public:
            statuses |= {404, 422}
        if keyed:
            statuses |= {401, 403, 429}
        if signed:
            statuses |= {401}
        if method in ("post", "put") and not public:
            statuses |= {409}
        body = _body_schema(doc)
        if body is not None:
            statuses |= {400, 413, 415, 422}
            optional = not any(field.required for field in body.fields.values())
            id_field = body.fields.get("id")
            idempotent = id_field is not None and not id_field.required
            if idempotent:
                doc.setdefault("parameters", []).append({
                    "in": "header", "name": IDEMPOTENCY_KEY, "required": False,
                    "schema": {"type": "string", "pattern": ENTITY_ID},
                    "example": "order-2026-0001",
                    "description": "the operation's id when the body has none; retry with "
                                   "the same key to get the stored answer"})
            if optional:
                doc["requestBody"]["required"] = False
                doc["requestBody"]["description"] = "Optional: every field has a default" + (
                    "; with neither an id nor an Idempotency-Key refgraph picks the id."
                    if idempotent else ".")
            elif idempotent:
                doc["requestBody"]["description"] = (
                    "Give the body's id or an Idempotency-Key header (the same value if "
                    "both); with neither the answer is 422 with errors.id.")
        for status in sorted(statuses):
            responses.pop(str(status), None)
            # replaces flask-smorest's per-status references, named after
            # Python's HTTPStatus (which renames some between versions)
            responses[status] = _NAMES[status]
        return doc

    return prepare_doc


def init_api(app, api):
    """Register the error responses and the ``period`` route converter; call
    before the blueprints."""
    for status, name in _NAMES.items():
        api.spec.components.response(name, {
            "description": _ERRORS[status],
            "content": {"application/json": {"schema": ErrorSchema}}})
    app.url_map.converters["period"] = PeriodConverter
    app.url_map.converters["default"] = IdConverter
    app.url_map.converters["ref"] = RefConverter
    api.register_converter(RefConverter, lambda converter: {"type": "string",
                                                           "pattern": REF_PATTERN})
    api.register_converter(IdConverter, lambda converter: {"type": "string",
                                                          "pattern": ENTITY_ID})
    api.register_converter(PeriodConverter,
                           lambda converter: {"type": "string", "pattern": PERIOD_PATTERN,
                                              "example": "2026-10"})


def _ref(path, method):
    return "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method


#: (path, method, status) -> {link name: (target path, method, {parameter: expression})}
LINKS = {
    ("/v1/users", "post", 201): {
        "GetUser": ("/v1/users/{user_id}", "get", {"user_id": "$response.body#/id"}),
        "GetBalances": ("/v1/users/{user_id}/balances", "get",
                        {"user_id": "$response.body#/id"}),
    },
    ("/v1/cards", "post", 201): {
        "GetHolderVouchers": ("/v1/users/{user_id}/vouchers", "get",
                              {"user_id": "$response.body#/holder_id"}),
        "GetHolderCards": ("/v1/users/{user_id}/cards", "get",
                           {"user_id": "$response.body#/holder_id"}),
    },
    ("/v1/sales", "post", 201): {
        "GetSale": ("/v1/sales/{sale_id}", "get", {"sale_id": "$response.body#/id"}),
        "RefundSale": ("/v1/sales/{sale_id}/refunds", "post", {"sale_id": "$response.body#/id"}),
        "GetRefunds": ("/v1/sales/{sale_id}/refunds", "get", {"sale_id": "$response.body#/id"}),
    },
    ("/v1/withdrawals", "post", 201): {
        "GetWithdrawal": ("/v1/withdrawals/{withdrawal_id}", "get",
                          {"withdrawal_id": "$response.body#/id"}),
        "ApproveWithdrawal": ("/v1/withdrawals/{withdrawal_id}/approve", "post",
                              {"withdrawal_id": "$response.body#/id"}),
        "RejectWithdrawal": ("/v1/withdrawals/{withdrawal_id}/reject", "post",
                             {"withdrawal_id": "$response.body#/id"}),
    },
    ("/v1/vouchers", "post", 201): {
        "GetVoucher": ("/v1/vouchers/{voucher_id}", "get", {"voucher_id": "$response.body#/id"}),
    },
    ("/v1/rewards/runs/{period}", "post", 200): {
        "GetRun": ("/v1/rewards/runs/{period}", "get", {"period": "$response.body#/period"}),
    },
    ("/v1/users/{user_id}/rewards", "get", 200): {
        "ExplainLine": ("/v1/rewards/lines/{line_id}", "get",
                        {"line_id": "$response.body#/items/0/id"}),
    },
}


class Links(BasePlugin):
    """apispec plugin adding :data:`LINKS` to the operations they start from."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        for (source, method, status), links in LINKS.items():
            if source != path or method not in (operations or {}):
                continue
            response = operations[method].setdefault("responses", {}).setdefault(status, {})
            response.setdefault("links", {}).update({
                name: {"operationRef": _ref(target, target_method), "parameters": parameters}
                for name, (target, target_method, parameters) in links.items()})
