"""Bad input never gets a 5xx, and every error has the one body."""

import pytest

from api.errors import ErrorSchema

SALE = "/v1/sales"


def assert_error_body(response, status, code=None):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert ErrorSchema().validate(body) == {}
    assert set(body) == {"code", "status", "message", "errors"}
    assert body["status"] == status and isinstance(body["errors"], dict)
    if code:
        assert body["code"] == code
    return body


@pytest.mark.parametrize("body", [
    "[" * 100_000 + "]" * 100_000,        # nested far past the parser's recursion limit
    '{"id": ' + "[" * 50_000 + "]" * 50_000 + "}",
    "{bad",
    "\x00",
    b"\xff\xfe{}",
])
def test_a_body_that_is_not_json_gets_400_with_a_field_map(operator, body):
    response = operator.post(SALE, data=body, content_type="application/json")
    error = assert_error_body(response, 400, "invalid_json")
    assert list(error["errors"]) == ["body"]
    assert "JSON" in error["message"]
    assert operator.get("/v1/sales?merchant_id=m1").get_json()["items"] == []


@pytest.mark.parametrize("method, url", [
    ("TRACE", "/health"), ("DELETE", "/v1/sales"), ("PUT", "/v1/rules"), ("PATCH", "/openapi.json"),
])
def test_405_names_the_allowed_methods(operator, method, url):
    response = operator.open(url, method=method)
    assert_error_body(response, 405, "method_not_allowed")
    allowed = {m.strip() for m in response.headers["Allow"].split(",")}
    assert "GET" in allowed or "POST" in allowed
    assert method not in allowed
    assert ", ".join(sorted(allowed)) in response.get_json()["message"]


def test_every_error_path_has_the_one_body(operator, make_caller, client, graph_backend):
    """400, 401, 403, 404, 405, 409, 413, 415, 422 and 429 (503 is walked in
    tests/faults/test_remote_backends.py against a server that goes away)."""
    user = {"id": "m1", "name": "Shop", "root": True, "roles": ["merchant"]}
    assert operator.post("/v1/users", json=user).status_code == 201
    merchant = make_caller("merchant", "m1")
    sale = {"id": "s1", "merchant_id": "m1", "amount": 1_000, "currency": "CNY"}
    assert merchant.post("/v1/sales", json=sale).status_code == 201
    cases = [
        (400, "invalid_json", operator.post("/v1/sales", data="{", content_type="application/json")),
        (401, "unauthorized", client.get("/v1/users")),
        (403, "forbidden", merchant.get("/v1/users")),
        (404, "unknown_user", operator.get("/v1/users/nobody")),
        (405, "method_not_allowed", operator.delete("/v1/users")),
        (409, "idempotency_conflict", merchant.post("/v1/sales", json={**sale, "amount": 2_000})),
        (413, "payload_too_large", operator.post("/v1/sales", data="x" * (2 << 20),
                                                 content_type="application/json")),
        (415, "unsupported_media_type", operator.post("/v1/sales", data="id=s2",
                                                      content_type="text/plain")),
        (422, "validation_error", operator.post("/v1/sales", json={**sale, "amount": -1})),
    ]
    for status, code, response in cases:
        body = assert_error_body(response, status, code)
        assert body["message"].strip(), (status, body)
    assert cases[-1][2].get_json()["errors"] == {"amount": cases[-1][2].get_json()["errors"]["amount"]}


def test_429_has_the_one_body(graph_backend):
    from api import create_app
    from graph.store import keys

    app = create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend, "RATE_LIMIT": 1,
                      "RATE_LIMIT_BURST": 1})
    graph_backend.write_one("user_register", id="m1", name="M", roles=["merchant"], root=True,
                            referrer_id=None, referral_code=None, code="C-m1",
                            referrers=["cardholder", "merchant"], at=1, request_hash="h",
                            phone_hash=None, device_id=None, payment_hash=None)
    key, _ = keys.create(graph_backend, "merchant", "m1")
    client = app.test_client()
    answers = [client.get("/v1/sales?merchant_id=m1", headers={"Authorization": f"Bearer {key}"})
               for _ in range(3)]
    assert_error_body(answers[-1], 429, "too_many_requests")
