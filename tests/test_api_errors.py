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
