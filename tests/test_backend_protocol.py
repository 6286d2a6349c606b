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


# -- ids FalkorDB cannot take (issue 27; cypher/DIALECTS.md, "Ids that crash the server") ------

#: Each of these, as a new value of a property under a unique constraint,
#: crashed FalkorDB 4.16.3 (signal 11 in EnforceUniqueEntity).
CRASHING_IDS = ["b\n", "b\t", "b ", " b", "\rb", "b\x0b", "b\x0c", "b\x01c", "\x01"]


@pytest.fixture
def unique_writes(graph_backend, tmp_path, monkeypatch):
    """The backend with a probe statement that creates Mismatches (``id`` is
    unique) from a top-level id, a list of ids and rows of a batch."""
    from graph.registry import Registry

    (tmp_path / "probe").mkdir()
    (tmp_path / "probe" / "probe_users.cypher").write_text(
        "// name: probe_users\n// Creates a Mismatch for $id, each of $ids and each of $rows.\n"
        "MERGE (:Mismatch {id: $id})\n"
        "FOREACH (other IN $ids | MERGE (:Mismatch {id: other}))\n"
        "FOREACH (row IN $rows | MERGE (:Mismatch {id: row.props.id}))\n")
    (tmp_path / "probe" / "probe_user_count.cypher").write_text(
        "// name: probe_user_count\n// How many Mismatches there are.\n"
        "MATCH (u:Mismatch) RETURN count(u) AS n\n")
    (tmp_path / "probe" / "probe_user_note.cypher").write_text(
        "// name: probe_user_note\n// Sets the note of Mismatch $id.\n"
        "MATCH (u:Mismatch {id: $id}) SET u.note = $note RETURN u.note AS note\n")
    monkeypatch.setattr(graph_backend, "queries", Registry(graph_backend.name, tmp_path))
    return graph_backend


def _server_pid(backend):
    server = getattr(backend, "server", None)
    return server.pid() if server is not None else None


@pytest.mark.parametrize("value", CRASHING_IDS)
@pytest.mark.parametrize("where, params, field", [
    ("top level", lambda v: {"id": v, "ids": [], "rows": []}, "id"),
    ("list of ids", lambda v: {"id": "a", "ids": ["b1", v], "rows": []}, "ids.1"),
    ("batch row", lambda v: {"id": "a", "ids": [], "rows": [{"props": {"id": "r1"}},
                                                           {"props": {"id": v}}]},
     "rows.1.props.id"),
])
def test_an_id_the_database_cannot_take_is_refused_before_sending(unique_writes, value, where,
                                                                   params, field):
    from graph.errors import InvalidValue

    pid = _server_pid(unique_writes)
    with pytest.raises(InvalidValue) as info:
        unique_writes.write("probe_users", **params(value))
    assert info.value.status == 422 and info.value.code == "invalid_id"
    assert list(info.value.details["errors"]) == [field]
    assert "whitespace" in info.value.message
    # nothing was sent: nothing written, and the server never crashed
    assert unique_writes.read_one("probe_user_count")["n"] == 0
    assert _server_pid(unique_writes) == pid


@pytest.mark.parametrize("value", ["b c", "b\u00a0c", "ü-ß", "a.b:c_d-e"])
def test_inner_spaces_and_any_text_outside_ids_are_taken(unique_writes, value):
    unique_writes.write("probe_users", id=value, ids=[], rows=[])
    assert unique_writes.read_one("probe_user_count")["n"] == 1
    # a value that is not an id may hold anything
    note = " padded\n\x01"
    assert unique_writes.write_one("probe_user_note", id=value, note=note) == {"note": note}


def test_reads_take_any_id(graph_backend):
    # looking up "b\n" finds nothing and cannot crash anything
    assert graph_backend.read_one("heartbeat_get", id=" b\n") is None


#: Parameters that reach a unique property without an id-like name, each
#: with the reason it is safe.
NOT_CLIENT_IDS = {
    "to": "a withdrawal status chosen by refgraph's code (withdrawal_transition)",
    "token_hash": "the sha256 hex of a redemption token, computed by refgraph "
                  "(voucher_redemption_create)",
}


def test_every_unique_property_is_written_from_an_id_like_parameter():
    """Backend.write checks parameters by name (graph/backend.py _ID_NAMES):
    every value a write statement puts in a unique property must come from
    a parameter or a batch row's field with such a name, or the check would
    let a crashing value through."""
    import re
    from pathlib import Path

    from graph.backend import _ID_NAMES
    from graph.registry import default_root

    root = default_root()
    schema = (root / "schema" / "falkordb.cypher").read_text()
    unique = sorted({prop for _, prop in re.findall(r"UNIQUE NODE (\w+) PROPERTIES 1 (\w+)",
                                                    schema)})
    assert unique and "id" in unique
    clause = re.compile(r"^\s*(?:OPTIONAL MATCH|MATCH|MERGE|CREATE|SET|ON CREATE SET|"
                        r"ON MATCH SET|WITH|UNWIND|RETURN|WHERE|FOREACH|CALL|REMOVE|DELETE|"
                        r"DETACH DELETE|ORDER BY|LIMIT|UNION)\b", re.M)
    assignment = re.compile(r"(?:[{,]\s*|\.)(" + "|".join(unique) + r")\s*(?::|=(?!=))\s*")

    def value_at(text, start):
        depth, end = 0, start
        while end < len(text):
            char = text[end]
            if char in "([{":
                depth += 1
            elif char in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif char in ",\n" and depth == 0:
                break
            end += 1
        # text and numbers (toString) cannot carry a client's whitespace
        return re.sub(r"toString\([^)]*\)", "", re.sub(r"'[^']*'", "", text[start:end]))

    seen, bad = 0, []
    for path in sorted(root.rglob("*.cypher")):
        if path.parent.name == "schema":
            continue
        text = "\n".join("" if line.lstrip().startswith("//") else line
                         for line in path.read_text().splitlines())
        starts = [m.start() for m in clause.finditer(text)] + [len(text)]
        for begin, end in zip(starts, starts[1:], strict=False):
            part = text[begin:end]
            if not re.search(r"\b(MERGE|CREATE|SET)\b", part):
                continue   # a MATCH looks a value up; only a write can crash
            for match in assignment.finditer(part):
                value = value_at(part, match.end())
                for ref in re.findall(r"\$\w+(?:\.\w+)*|\b[a-z_]\w*(?:\[\w+\])?(?:\.\w+)+",
                                      value):
                    seen += 1
                    name = ref.lstrip("$").split(".")[-1]
                    if not _ID_NAMES.search(name) and name not in NOT_CLIENT_IDS:
                        bad.append(f"{Path(path).relative_to(root)}: {match.group(1)} <- {ref}")
    assert seen > 50
    assert bad == [], "name these parameters like ids, or list them in NOT_CLIENT_IDS"


def test_a_statement_slower_than_the_request_timeout_is_a_503_on_neo4j(neo4j_backend, tmp_path,
                                                                       monkeypatch):
    # the transaction gets the request's deadline as its server-side timeout;
    # the server ends it, and the request gets a 503 instead of waiting
    from graph.errors import BackendUnavailable
    from graph.registry import Registry

    (tmp_path / "probe").mkdir()
    (tmp_path / "probe" / "probe_slow.cypher").write_text(
        "// name: probe_slow\n// Counts to $n (seconds of work).\n"
        "UNWIND range(1, $n) AS i WITH i WHERE i % 7 = 3 RETURN count(i) AS c\n")
    monkeypatch.setattr(neo4j_backend, "queries", Registry("neo4j", tmp_path))
    monkeypatch.setattr(neo4j_backend, "request_timeout", 1.0)
    monkeypatch.setattr(neo4j_backend, "request_id", lambda: "a-request")
    with pytest.raises(BackendUnavailable) as info:
        neo4j_backend.read("probe_slow", n=2_000_000_000)
    assert "did not answer within 1 s" in info.value.message
    # outside a request (a job) the same statement may take its time
    monkeypatch.setattr(neo4j_backend, "request_id", lambda: None)
    assert neo4j_backend.read_one("probe_slow", n=1000) == {"c": 143}
