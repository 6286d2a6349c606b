"""Fixtures: a real embedded FalkorDB for the whole run, wiped before each
test, and the same tests on Neo4j when NEO4J_URI is set.

Neo4j settings: NEO4J_URI, NEO4J_USER (default neo4j), NEO4J_PASSWORD,
NEO4J_DATABASE (default neo4j).  The suite refuses to run on a Neo4j database
that holds data unless REFGRAPH_TEST_WIPE_NEO4J=1 says it may wipe it.
"""

import os

import pytest

import graph
from api import create_app
from graph.maintenance import counts, wipe

BACKENDS = ["falkordb", "neo4j"]


@pytest.fixture(scope="session")
def falkordb_backend(tmp_path_factory):
    backend = graph.open_backend(
        {"GRAPH_URL": "embedded", "DATA_DIR": str(tmp_path_factory.mktemp("var"))}
    )
    yield backend
    backend.close()


@pytest.fixture(scope="session")
def neo4j_backend():
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("Neo4j leg skipped: set NEO4J_URI (and NEO4J_PASSWORD) to run it")
    backend = graph.open_backend({
        "GRAPH_URL": uri,
        "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
        "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", ""),
        "NEO4J_DATABASE": os.environ.get("NEO4J_DATABASE", "neo4j"),
    })
    nodes, _ = counts(backend)
    nodes.pop("Heartbeat", None)
    if nodes and os.environ.get("REFGRAPH_TEST_WIPE_NEO4J") != "1":
        backend.close()
        pytest.exit(
            f"the Neo4j database at {uri} holds data ({nodes}); the tests wipe it. "
            "Use an empty database, or set REFGRAPH_TEST_WIPE_NEO4J=1 to allow it.",
            returncode=2,
        )
    yield backend
    backend.close()


@pytest.fixture(params=BACKENDS)
def graph_backend(request):
    """A backend on an empty graph; parametrised over every backend.

    After the test, the ledger must be clean: every entry a valid movement,
    every cached balance equal to its entries (what `refgraph ledger check`
    verifies)."""
    from graph.store import ledger

    backend = request.getfixturevalue(f"{request.param}_backend")
    wipe(backend)
    yield backend
    problems = ledger.check(backend)
    assert problems == [], "ledger check after the test:\n" + "\n".join(problems)


@pytest.fixture
def app(graph_backend):
    app = create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend})
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


class Caller:
    """A test client that sends one API key with every request."""

    def __init__(self, client, key):
        self.client = client
        self.headers = {"Authorization": f"Bearer {key}"} if key else {}

    def __getattr__(self, method):
        def call(url, **kwargs):
            headers = {**self.headers, **kwargs.pop("headers", {})}
            return getattr(self.client, method)(url, headers=headers, **kwargs)
        return call


@pytest.fixture
def make_caller(client, graph_backend):
    from graph.store import keys

    def make(role="operator", user_id=None):
        plaintext, _ = keys.create(graph_backend, role, user_id)
        return Caller(client, plaintext)
    return make


@pytest.fixture
def operator(make_caller):
    return make_caller("operator")
