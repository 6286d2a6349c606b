"""What operators see and what protects the service: request ids, the access
log, /metrics, security headers, and the per-key rate limit."""

import json
import logging
import os

import pytest

from api import create_app
from graph.rules import DEFAULT_RULES
from graph.store import keys, users


def test_request_id_is_echoed_or_made(operator):
    r = operator.get("/v1/users", headers={"X-Request-Id": "shop-42.a"})
    assert r.headers["X-Request-Id"] == "shop-42.a"
    made = operator.get("/v1/users", headers={"X-Request-Id": "bad id with spaces"})
    assert made.headers["X-Request-Id"] != "bad id with spaces"
    assert len(made.headers["X-Request-Id"]) == 32


def test_one_json_access_log_line_per_request_without_the_key(operator, caplog):
    with caplog.at_level(logging.INFO, logger="refgraph.access"):
        operator.get("/v1/users/nobody", headers={"X-Request-Id": "rid-1"})
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "refgraph.access"]
    assert len(lines) == 1
    line = lines[0]
    assert (line["request_id"], line["method"], line["route"], line["status"], line["role"]) == \
        ("rid-1", "GET", "/v1/users/<user_id>", 404, "operator")
    assert line["key_id"] and line["duration_ms"] >= 0
    assert "rgk_" not in caplog.text and "nobody" not in caplog.text


def test_metrics_for_operators_only(operator, make_caller, client):
    operator.get("/v1/users")
    assert client.get("/metrics").status_code == 401
    operator.post("/v1/users", json={"id": "m1", "name": "M", "root": True, "roles": ["merchant"]})
    merchant = make_caller("merchant", "m1")
    assert merchant.get("/metrics").status_code == 403
    text = operator.get("/metrics").get_data(as_text=True)
    assert 'refgraph_http_requests_total{method="GET",route="/v1/users",status="200"} 1.0' in text
    assert 'refgraph_query_duration_seconds_count{kind="write",query="user_register"} 1.0' in text
    assert "refgraph_database_up 1.0" in text
    assert "refgraph_withdrawals_pending 0.0" in text
    assert "refgraph_reward_run_last_lines 0.0" in text


def test_api_answers_are_not_cached_or_sniffed(operator):
    r = operator.get("/v1/users")
    assert r.headers["Cache-Control"] == "no-store"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert operator.get("/health").headers["X-Content-Type-Options"] == "nosniff"


def merchant_key(backend):
    """A key of merchant m1, registered for the rate tests."""
    users.register(backend, id="m1", name="M", roles=["merchant"], root=True, rules=DEFAULT_RULES)
    key, _ = keys.create(backend, "merchant", "m1")
    return key


@pytest.fixture
def limited(graph_backend):
    app = create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend, "RATE_LIMIT": 2,
                      "RATE_LIMIT_BURST": 3})
    return app.test_client()


def test_a_key_over_its_rate_gets_429_and_operators_are_exempt(limited, graph_backend):
    merchant = merchant_key(graph_backend)
    operator, _ = keys.create(graph_backend, "operator")
    answers = [limited.get("/v1/sales?merchant_id=m1", headers={"Authorization": f"Bearer {merchant}"})
               for _ in range(6)]
    statuses = [a.status_code for a in answers]
    assert statuses[:3] == [200, 200, 200] and 429 in statuses[3:]
    refused = answers[statuses.index(429)]
    body = refused.get_json()
    assert body["code"] == "too_many_requests" and int(refused.headers["Retry-After"]) >= 1
    for _ in range(6):
        assert limited.get("/v1/users", headers={"Authorization": f"Bearer {operator}"}
                           ).status_code == 200


def test_each_of_n_workers_allows_a_key_its_share_of_the_rate(graph_backend):
    """With WORKERS=2 (what `serve --workers 2` tells its processes) one process
    allows half the burst and half the rate, and its refusal names the
    service's rate; the rate (one request per 100 s) refills nothing here."""
    app = create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend, "RATE_LIMIT": 0.01,
                      "RATE_LIMIT_BURST": 4, "WORKERS": 2})
    buckets = app.extensions["refgraph.rate"]
    assert (buckets.rate, buckets.burst, buckets.limit) == (0.005, 2.0, 0.01)
    merchant = merchant_key(graph_backend)
    client = app.test_client()
    answers = [client.get("/v1/sales?merchant_id=m1", headers={"Authorization": f"Bearer {merchant}"})
               for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 429, 429]
    assert "more than 0.01 requests a second" in answers[2].get_json()["message"]
    assert answers[0].headers["X-Refgraph-Worker"] == str(os.getpid())
