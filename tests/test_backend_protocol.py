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


@pytest.fixture
def probe_queries(graph_backend, tmp_path, monkeypatch):
    """The backend with a registry of two probe queries instead of refgraph's."""
    from graph.registry import Registry

    (tmp_path / "probe").mkdir()
    (tmp_path / "probe" / "probe_values.cypher").write_text(
        "// name: probe_values\n// Every kind of value a query may return.\n"
        "RETURN true AS yes, false AS no, 1.5 AS half, -7 AS minus, null AS nothing,\n"
        "  'text' AS text, [1, 'a', [true, null], {k: 2}] AS list,\n"
        "  {a: 1, b: [null, 'x'], c: {d: false}} AS map, [] AS empty\n")
    (tmp_path / "probe" / "probe_node.cypher").write_text(
        "// name: probe_node\n// A node, which no backend may return.\n"
        "MERGE (h:Heartbeat {id: $id}) RETURN h\n")
    monkeypatch.setattr(graph_backend, "queries", Registry(graph_backend.name, tmp_path))
    return graph_backend


def test_every_kind_of_value_comes_back_as_plain_python(probe_queries):
    assert probe_queries.read("probe_values") == [{
        "yes": True, "no": False, "half": 1.5, "minus": -7, "nothing": None, "text": "text",
        "list": [1, "a", [True, None], {"k": 2}],
        "map": {"a": 1, "b": [None, "x"], "c": {"d": False}}, "empty": []}]
    row = probe_queries.read_one("probe_values")
    assert type(row["yes"]) is bool and type(row["minus"]) is int and type(row["half"]) is float


def test_a_graph_object_in_an_answer_is_refused(probe_queries):
    with pytest.raises(BackendError, match="return scalars and maps"):
        probe_queries.write("probe_node", id="node")
