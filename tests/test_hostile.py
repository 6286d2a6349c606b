"""What a hostile client sends to every field of every operation is refused
with a 4xx naming the field, changes nothing, and never crashes the database.

The operations and their fields are read from the OpenAPI document, so a new
operation or field is covered without a line here.  Each string field gets
surrounding spaces, a newline, a tab, NUL, an escape sequence, a lone
surrogate and a string longer than its documented maximum; each integer field
a number of 5,000 digits (past Python's own parsing limit) and one of 25
(past int64); each path parameter and the Idempotency-Key header the same
strings.  On FalkorDB the database server's process id must be the same
after every case: FalkorDB 4.16 crashes on a new unique value with trailing
whitespace (cypher/DIALECTS.md), and refgraph once let ``"c1\\n"`` through.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from conftest import BACKENDS, INSTITUTION_KEY

from api import create_app
from graph.maintenance import counts
from graph.store import keys

HOSTILE_TEXT = {
    "leading space": " v1",
    "trailing space": "v1 ",
    "trailing newline": "v1\n",
    "tab": "v1\tv2",
    "NUL": "v1\x00",
    "escape sequence": "\x1b[31mv1",
    "lone surrogate": "\ud800",
}
HOSTILE_NUMBERS = {"5,000 digits": "9" * 5000, "-5,000 digits": "-" + "9" * 5000,
                   "25 digits": "9" * 25}
#: operations signed by an institution: refused (401) before the body is read
SIGNED = {"/v1/payouts/confirmations", "/v1/financing/callbacks"}
#: multi-line documents, where a line break is content and not an attack
DOCUMENTS = {("statement",)}


def _document():
    app = create_app({"TESTING": True, "GRAPH_BACKEND": _NoBackend()})
    return app.test_client().get("/openapi.json").get_json()


class _NoBackend:
    """Stands in for a backend while the document is read at collection."""

    name = "none"


DOC = _document()


def _resolve(schema):
    while "$ref" in schema:
        schema = DOC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    for key in ("allOf", "anyOf", "oneOf"):
        if key in schema:
            return _resolve(schema[key][0])
    return schema


def _leaves(schema, path=()):
    """(path, schema) of every string and integer a body may hold."""
    schema = _resolve(schema)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        for name, sub in schema.get("properties", {}).items():
            if not _resolve(sub).get("readOnly"):
                yield from _leaves(sub, (*path, name))
    elif kind == "array":
        yield from _leaves(schema.get("items", {}), (*path, 0))
    elif kind in ("string", "integer"):
        yield path, schema


def _operations():
    for path, item in DOC["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield f"{method.upper()} {path}", (method, path, op)


OPERATIONS = dict(_operations())


def _raw(value):
    return value if isinstance(value, str) and value.lstrip("-").isdigit() else json.dumps(value)


def _body(path, raw):
    """A JSON body holding ``raw`` (JSON text) at ``path`` and nothing else."""
    marker = "__hostile__"
    body = marker
    for step in reversed(path):
        body = [body] if step == 0 else {step: body}
    return json.dumps(body).replace(json.dumps(marker), raw)


def _named(errors, path):
    """True when the error map holds a message at ``path``."""
    node = errors
    for step in path:
        if isinstance(node, list):   # a list field refused as a whole names it
            return bool(node)
        if not isinstance(node, dict):
            return False
        node = node.get(str(step), node.get(step))
        if node is None:
            return False
    return bool(node)


def _body_cases(schema, url):
    for field, leaf in _leaves(schema):
        if leaf.get("type") == "integer":
            values = dict(HOSTILE_NUMBERS)
        else:
            values = {what: _raw(v) for what, v in HOSTILE_TEXT.items()
                      if field not in DOCUMENTS or what in ("NUL", "lone surrogate",
                                                            "escape sequence")}
            values["over-long"] = json.dumps("v" * (leaf.get("maxLength", 4999) + 1))
        for what, raw in values.items():
            yield f"body {'.'.join(map(str, field))}: {what}", url, {}, _body(field, raw), field


def _cases(method, path, op):
    """(description, url, headers, body, where-the-error-must-be) of every case."""
    params = op.get("parameters", []) + DOC["paths"][path].get("parameters", [])
    path_params = [p for p in params if p["in"] == "path"]
    fill = {p["name"]: ("1" if p["schema"].get("type") == "integer" else
                        "2026-10" if p["name"] == "period" else "x1") for p in path_params}

    def url(**values):
        return path.format(**{**fill, **values})

    for param in path_params:
        if param["schema"].get("type") != "string" or param["name"] == "period":
            continue
        for what, value in HOSTILE_TEXT.items():
            encoded = quote(value.encode("utf-8", "surrogatepass"), safe="")
            yield f"path {param['name']}: {what}", url(**{param["name"]: encoded}), {}, None, None
    for param in (p for p in params if p["in"] == "query"):
        values = (HOSTILE_NUMBERS if param["schema"].get("type") == "integer"
                  else HOSTILE_TEXT)
        for what, value in values.items():
            if what != "lone surrogate":   # a URL carries bytes: broken UTF-8 decodes to U+FFFD
                yield (f"query {param['name']}: {what}", url() + "?" + param["name"] + "="
                       + quote(value, safe=""), {}, None, (param["name"],))
    if any(p["in"] == "header" and p["name"] == "Idempotency-Key" for p in params):
        for what, value in HOSTILE_TEXT.items():
            # HTTP strips a header value's surrounding spaces: " v1" is "v1"
            if value.isascii() and value.isprintable() and value == value.strip():
                yield (f"Idempotency-Key: {what}", url(), {"Idempotency-Key": value}, "{}",
                       ("id",))
    body = op.get("requestBody", {}).get("content", {}).get("application/json")
    if body is not None:
        yield from _body_cases(body["schema"], url())


def _server_pid(backend):
    server = getattr(backend, "server", None)
    return server.pid() if server is not None else None


def test_every_input_string_has_a_bound():
    """An over-long string is only refusable where the document bounds it."""
    unbounded = []
    for label, (_method, _path, op) in OPERATIONS.items():
        body = op.get("requestBody", {}).get("content", {}).get("application/json")
        for field, schema in _leaves(body["schema"]) if body else ():
            if (schema.get("type") == "string" and "maxLength" not in schema
                    and "enum" not in schema and "pattern" not in schema):
                unbounded.append(f"{label} {'.'.join(map(str, field))}")
    assert unbounded == []


@pytest.mark.parametrize("graph_backend", BACKENDS, indirect=True)
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_hostile_input_is_refused_naming_the_field(graph_backend, label):
    method, path, op = OPERATIONS[label]
    app = create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend,
                      "INSTITUTION_KEY": INSTITUTION_KEY, "RATE_LIMIT": 0})
    client = app.test_client()
    key = keys.create(graph_backend, "operator")[0]
    before, pid = counts(graph_backend), _server_pid(graph_backend)
    wrong = []
    for what, url, headers, body, field in _cases(method, path, op):
        response = client.open(url, method=method.upper(), data=body, headers={
            "Authorization": f"Bearer {key}", "Content-Type": "application/json", **headers})
        answer = response.get_json(silent=True) or {}
        if not 400 <= response.status_code < 500:
            wrong.append(f"{what}: {response.status_code} {answer.get('message')}")
        elif path in SIGNED:
            if response.status_code != 401:
                wrong.append(f"{what}: {response.status_code}, not 401 before the body is read")
        elif field is not None and not _named(answer.get("errors") or {}, field):
            wrong.append(f"{what}: {response.status_code} without errors.{field}: {answer}")
        assert _server_pid(graph_backend) == pid, f"{what}: the database server restarted"
    assert not wrong, "\n".join(wrong)
    assert counts(graph_backend) == before, "a refused request changed the graph"


# -- the reproductions of issue 27, one by one --------------------------------------


@pytest.fixture
def member_b1(client, graph_backend, operator):
    """A registered buyer b1 and a member key bound to it."""
    assert operator.post("/v1/users", json={"id": "root", "name": "R", "root": True,
                                            "roles": []}).status_code == 201
    assert operator.post("/v1/users", json={"id": "b1", "name": "B",
                                            "referrer_id": "root"}).status_code == 201
    from conftest import Caller
    return Caller(client, keys.create(graph_backend, "member", "b1")[0])


@pytest.mark.parametrize("card_id", ["c1\n", "c1\t", "c1 ", " c1", "c1\r\n", "c1\x00"])
def test_a_member_cannot_crash_the_database_with_an_id(member_b1, graph_backend, card_id):
    pid, before = _server_pid(graph_backend), counts(graph_backend)
    r = member_b1.post("/v1/cards", json={"id": card_id, "user_id": "b1"})
    assert r.status_code == 422 and "id" in r.get_json()["errors"], r.get_json()
    assert _server_pid(graph_backend) == pid and counts(graph_backend) == before
    if "\n" not in card_id:   # no HTTP client sends a line break in a header
        r = member_b1.post("/v1/cards", json={"user_id": "b1"},
                           headers={"Idempotency-Key": card_id})
        assert r.status_code in (400, 422), r.get_json()
        assert _server_pid(graph_backend) == pid and counts(graph_backend) == before


def test_numbers_past_pythons_digit_limit_are_422_naming_the_field(operator, graph_backend):
    body = '{"id": "s1", "merchant_id": "m1", "currency": "CNY", "amount": %s}' % ("9" * 4301)
    r = operator.post("/v1/sales", data=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "amount" in r.get_json()["errors"], r.get_json()
    r = operator.post("/v1/sales", data=body.replace('"amount": 9', '"amount": NaN, "x": 9'),
                      headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.get_json()["code"] == "invalid_json"


@pytest.mark.parametrize("url, field", [("/v1/sales", "items"), ("/v1/users", "name")])
def test_a_lone_surrogate_is_422_naming_the_field(operator, url, field):
    body = '{"id": "x1", "%s": "a\\ud800b"}' % field
    r = operator.post(url, data=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and field in r.get_json()["errors"], r.get_json()


def test_a_non_ascii_legacy_signature_is_401(client, app):
    app.config["PAYOUT_SECRET"] = "shared-secret"
    r = client.post("/v1/payouts/confirmations", data=b'{"withdrawal_id": "w1"}', headers={
        "Content-Type": "application/json", "X-Refgraph-Signature": "sha256=\u00e9\u00e9"})
    assert r.status_code == 401, r.get_json()


def test_401_names_the_scheme_and_guessing_keys_is_rate_limited(client, app):
    r = client.get("/v1/users", headers={"Authorization": "Bearer made-up"})
    assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
    statuses = [client.get("/v1/users", headers={"Authorization": f"Bearer guess{i}"}).status_code
                for i in range(app.config["AUTH_FAILURE_BURST"] + 5)]
    assert statuses.count(429) >= 5 and set(statuses) == {401, 429}
    refused = client.get("/v1/users", headers={"Authorization": "Bearer guess"})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    other = client.get("/v1/users", headers={"Authorization": "Bearer guess"},
                       environ_base={"REMOTE_ADDR": "127.0.0.2"})
    assert other.status_code == 401   # counted per client address
