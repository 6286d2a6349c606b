"""The backend protocol, on every backend: plain values, parameters only."""

import pytest

from graph.errors import BackendError, UnknownQuery

TRICKY = [
    "'}) MATCH (n) DETACH DELETE n //",
    '"; DROP GRAPH refgraph; --',
    "back\\slash \\' \\\" and $param and {brace}",
    "line\nbreak\ttab",
    "emoji \U0001F600 中文 ünïcödé",
    "",
]


@pytest.mark.parametrize("value", TRICKY)
def test_a_value_with_cypher_syntax_is_stored_verbatim(graph_backend, value):
    graph_backend.write("heartbeat_write", id="tricky", at=7, by=value)
    assert graph_backend.read_one("heartbeat_get", id="tricky")["heartbeat"] == {
        "id": "tricky", "at": 7, "by": value}


def test_rows_are_plain_dicts(graph_backend):
    row = graph_backend.write_one("heartbeat_write", id="p", at=2**62, by="x")
    assert type(row) is dict and type(row["heartbeat"]) is dict
    assert row["heartbeat"]["at"] == 2**62


def test_missing_row_is_none(graph_backend):
    assert graph_backend.read_one("heartbeat_get", id="nobody") is None


def test_unknown_query_name(graph_backend):
    with pytest.raises(UnknownQuery):
        graph_backend.read("no_such_query")


def test_a_read_cannot_write(graph_backend):
    with pytest.raises(BackendError):
        graph_backend.read("heartbeat_write", id="ro", at=1, by="x")


def test_version_names_the_product(graph_backend):
    assert graph_backend.version().split()[0] in ("FalkorDB", "Neo4j")


def test_health_reports_backend_and_version(client, graph_backend):
    body = client.get("/health").get_json()
    assert body == {"status": "ok", "backend": graph_backend.name,
                    "version": graph_backend.version()}


def test_unknown_url_gets_the_one_error_body(client):
    response = client.get("/no/such/thing")
    assert response.status_code == 404
    assert set(response.get_json()) == {"code", "status", "message", "errors"}


@pytest.mark.parametrize("value", ["nul \x00 inside", "lone \ud800 surrogate"])
def test_text_no_backend_can_take_is_refused_before_sending(graph_backend, value):
    from graph.errors import Refused

    with pytest.raises(Refused) as info:
        graph_backend.write("heartbeat_write", id="x", at=1, by={"nested": [value]})
    assert info.value.status == 422 and "by.nested.0" in info.value.details["errors"]
    assert graph_backend.read_one("heartbeat_get", id="x") is None
