"""Shared pieces of the v1 resources: the blueprint factory (every v1 route
needs a key), the idempotency key, and the rules in force."""

import json
import unicodedata
from contextlib import contextmanager

import marshmallow
from flask import request
from flask_smorest import Blueprint as _SmorestBlueprint
from flask_smorest import abort
from marshmallow import ValidationError, fields, missing, validate
from webargs.flaskparser import FlaskParser, is_json_request

from graph import get_backend
from graph.errors import RulesInvalid
from graph.store import rules as rules_store
from graph.vocabulary import ID_PATTERN, ID_RULE, is_id

from . import auth, payload


def _authenticate():
    # a before_request hook must return None to go on; both run before the
    # view's arguments are parsed, so a key outside the view's roles gets 403
    # whatever its body holds
    auth.authenticate()
    auth.authorize()


class BodyParser(FlaskParser):
    """webargs' parser, answering a body that is not JSON with refgraph's own
    400: a message saying what is wrong and ``errors`` as a field map."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._schemas = {}

    def _get_schema(self, argmap, req):
        # webargs makes a new instance of a schema class for every request (a
        # deep copy of all its fields: 3 % of a POST /v1/sales in a profile);
        # a marshmallow 4 schema keeps no state between loads, so one
        # instance per class serves every request and thread
        if isinstance(argmap, type) and issubclass(argmap, marshmallow.Schema):
            schema = self._schemas.get(argmap)
            if schema is None:
                schema = self._schemas[argmap] = argmap()
            return schema
        return super()._get_schema(argmap, req)

    def _raw_load_json(self, req):
        if req.content_length and not is_json_request(req):
            abort(415, message=f"The body is sent as {req.mimetype or 'nothing'}; send JSON with "
                               "Content-Type: application/json.",
                  errors={"body": ["Content-Type must be application/json"]})
        if not is_json_request(req):
            return missing
        try:
            return payload.loads(req.get_data(cache=True))
        except payload.PayloadError as exc:
            abort(422, errors=exc.errors)
        except RecursionError:
            abort(400, code="invalid_json", message="The JSON body is nested too deeply to read; send the documented "
                               "object (a few levels deep).",
                  errors={"body": ["nested too deeply"]})
        except (ValueError, UnicodeDecodeError) as exc:   # JSONDecodeError is a ValueError
            self._handle_invalid_json_error(exc, req)

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        where = (f" at line {error.lineno}, column {error.colno}"
                 if isinstance(error, json.JSONDecodeError) else "")
        reason = getattr(error, "msg", None) or str(error)
        abort(400, code="invalid_json", message=f"The body is not valid JSON ({reason}{where}); send a JSON object "
                           "encoded as UTF-8 with Content-Type: application/json.",
              errors={"body": [f"invalid JSON: {reason}{where}"]})


class Blueprint(_SmorestBlueprint):
    """flask-smorest's blueprint with refgraph's body parser."""

    ARGUMENTS_PARSER = BodyParser()


def v1_blueprint(name, import_name, description):
    blp = Blueprint(name, import_name, url_prefix="/v1", description=description)
    blp.before_request(_authenticate)
    return blp


def client_id(body_id, field="id"):
    """The client-chosen id of an operation: the body's ``id`` or the
    ``Idempotency-Key`` header; both given and different is a 422."""
    header = request.headers.get("Idempotency-Key")
    if header and body_id and header != body_id:
        abort(422, message="The Idempotency-Key header and the body's id differ; send one, "
                           "or the same value in both.",
              errors={field: ["differs from the Idempotency-Key header"]})
    if header is None and not body_id:
        abort(422, message="Say which operation this is: give an id in the body or an "
                           "Idempotency-Key header, and reuse it when you retry.",
              errors={field: ["Missing data for required field."]})
    if header is not None and not is_id(header):
        abort(422, message="The Idempotency-Key header must be an id like the body's: 1 to 64 "
                           "letters, digits or . _ : - characters.",
              errors={field: ["Idempotency-Key: 1 to 64 letters, digits or . _ : -"]})
    return body_id or header


@contextmanager
def rules_errors_at(field="rules"):
    """Report an invalid rule set's field errors under the body field that
    holds the rules (``errors.rules.fee_bp``), where the client sent them."""
    try:
        yield
    except RulesInvalid as exc:
        raise RulesInvalid({field: exc.errors}, exc.message) from exc


def current_rules(at=None):
    return rules_store.rules_at(get_backend(), at)


#: the times a client may send (epoch ms): 2000-01-01 .. 9999-12-31, UTC
EARLIEST, LATEST = 946_684_800_000, 253_402_300_799_999

#: a client-chosen id, in a body or an Idempotency-Key header (graph.vocabulary)
ENTITY_ID = ID_PATTERN


class FullMatch(validate.Regexp):
    """marshmallow's ``Regexp``, matching the whole string: ``Regexp`` uses
    ``re.match``, whose ``$`` lets a trailing newline through.  The pattern
    is the one the OpenAPI document shows."""

    def __call__(self, value):
        if self.regex.fullmatch(value) is None:
            raise ValidationError(self._format_error(value))
        return value


def entity_id(**kwargs):
    """A client-chosen id field: 1 to 64 letters, digits and ._:- characters."""
    return fields.String(validate=FullMatch(ENTITY_ID, error=ID_RULE), **kwargs)


#: control characters, lone surrogates, line and paragraph separators
_UNPRINTABLE = frozenset(("Cc", "Cs", "Zl", "Zp"))


def _unprintable(value, allowed=""):
    """The first character of ``value`` in :data:`_UNPRINTABLE` and not in
    ``allowed``, or None.  ``str.isprintable`` answers most text at C speed:
    what it calls printable has none of those categories."""
    if value.isprintable():
        return None
    return next((c for c in value if c not in allowed
                 and unicodedata.category(c) in _UNPRINTABLE), None)


def _printable(value):
    if value != value.strip():
        raise ValidationError("no spaces, tabs or line breaks at the start or end")
    bad = _unprintable(value)
    if bad is not None:
        raise ValidationError(f"U+{ord(bad):04X} is a control or invisible separator "
                              "character; send printable text on one line")


def _document_characters(value):
    bad = _unprintable(value, allowed="\n\r\t")
    if bad is not None:
        raise ValidationError(f"U+{ord(bad):04X} is a control character; send the file's "
                              "text (lines, tabs) without control characters")


def document(min_length=1, max_length=1_000_000, **kwargs):
    """A text file sent in a field (a statement): lines and tabs, nothing else
    below U+0020."""
    return fields.String(validate=[validate.Length(min_length, max_length),
                                   _document_characters], **kwargs)


def text(min_length=0, max_length=200, **kwargs):
    """Free text a person wrote (a name, a note, a reason): printable, on one
    line, without surrounding spaces, ``min_length`` to ``max_length`` characters."""
    return fields.String(validate=[validate.Length(min_length, max_length), _printable],
                         **kwargs)


def currency_field(**kwargs):
    """A currency: an ISO 4217 code, which must be the platform's (the
    CURRENCY setting; another one is refused with 422 currency_mismatch)."""
    kwargs.setdefault("metadata", {"description": "ISO 4217 code; must be the platform's "
                                                  "currency (another is 422 currency_mismatch)"})
    return fields.String(validate=FullMatch(r"^[A-Z]{3}$", error="an ISO 4217 code such as CNY"),
                         **kwargs)


def replay_headers(created):
    """Headers telling a client its request was a replay of an earlier one."""
    return {} if created else {"Idempotent-Replayed": "true"}
