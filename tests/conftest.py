"""Fixtures: a real embedded FalkorDB for the whole run, wiped before each
test, and the same tests on Neo4j when NEO4J_URI is set.

Neo4j settings: NEO4J_URI, NEO4J_USER (default neo4j), NEO4J_PASSWORD,
NEO4J_DATABASE (default neo4j).  The suite refuses to run on a Neo4j database
that holds data unless REFGRAPH_TEST_WIPE_NEO4J=1 says it may wipe it.
"""

import os
import uuid

import pytest

import graph
from api import create_app
from graph.maintenance import counts, wipe

BACKENDS = ["falkordb", "neo4j"]
NO_NEO4J = "Neo4j leg skipped"


NEO4J_GROUP = "neo4j"


def backend_of(item):
    """The backend a test runs on: the ``graph_backend`` parameter (or any
    parameter naming a backend), or the backend fixture it asks for by name;
    None for a test that needs no graph."""
    callspec = getattr(item, "callspec", None)
    params = callspec.params if callspec else {}
    backend = params.get("graph_backend")
    if backend is None:
        backend = next((b for b in BACKENDS if b in params.values()), None)
    if backend is None:
        backend = next((b for b in BACKENDS if f"{b}_backend" in item.fixturenames), None)
    if backend is None and (item.get_closest_marker("neo4j") or "neo4j_env" in item.fixturenames):
        backend = "neo4j"
    return backend


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Note on each test the backend it runs on, for the summary below (a
    user property, so that it reaches the controller under pytest-xdist).

    Every Neo4j test goes into one xdist group: there is one Neo4j database,
    and each test wipes it, so under ``-n 2 --dist loadgroup`` they all run
    on one worker while the other takes the FalkorDB and backend-free tests.
    (Runs first, so that xdist's own hook sees the group mark.)"""
    for item in items:
        backend = backend_of(item)
        if backend:
            item.user_properties.append(("backend", backend))
        if backend == "neo4j":
            item.add_marker(pytest.mark.xdist_group(NEO4J_GROUP))


@pytest.hookimpl(optionalhook=True)   # a hook of pytest-xdist: plain pytest runs without it
def pytest_xdist_node_collection_finished(node, ids):
    """Under ``--dist loadgroup``, refuse to run if xdist did not put the
    Neo4j tests in their group (it marks a grouped test's id with ``@``):
    two workers wiping one Neo4j database fail in ways that look like bugs.
    (Runs in the controller, on each worker's collected ids.)"""
    if node.config.getvalue("dist") != "loadgroup":
        return
    grouped = [i for i in ids if i.endswith("@" + NEO4J_GROUP)]
    if not grouped and any("neo4j" in i for i in ids):
        raise pytest.UsageError(
            "pytest-xdist did not group the Neo4j tests (no test id ends with "
            f"'@{NEO4J_GROUP}'); install the versions setup.cfg's test extra names "
            "(pip install -e '.[test]'; pytest below 9.2), or run without -n")


def pytest_terminal_summary(terminalreporter):
    """Say how many tests ran on each backend, and how many Neo4j tests were
    skipped for lack of a server (CI must show 0)."""
    tally = {backend: {} for backend in BACKENDS}
    no_server = 0
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            if outcome == "passed" and getattr(report, "when", "call") != "call":
                continue
            backend = dict(getattr(report, "user_properties", ())).get("backend")
            if backend:
                tally[backend][outcome] = tally[backend].get(outcome, 0) + 1
            if outcome == "skipped" and NO_NEO4J in str(getattr(report, "longrepr", "")):
                no_server += 1
    terminalreporter.section("tests per backend")
    for backend, by_outcome in tally.items():
        shown = ", ".join(f"{n} {o}" for o, n in sorted(by_outcome.items())) or "none"
        terminalreporter.write_line(f"{backend}: {shown}")
    terminalreporter.write_line(f"skipped for lack of Neo4j: {no_server}")


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
        if os.environ.get("CI"):
            pytest.fail(
                "CI must run the Neo4j leg: run the suite through tools/neo4j/with-neo4j "
                "(the README's test command does)", pytrace=False,
            )
        pytest.skip(f"{NO_NEO4J}: run it with tools/neo4j/with-neo4j pytest, or set NEO4J_URI")
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


#: the master key of institution secrets in the tests' apps (REFGRAPH_INSTITUTION_KEY)
INSTITUTION_KEY = "dGVzdC1tYXN0ZXIta2V5LW9mLXJlZmdyYXBoLTMyLWJ5dGVz"


@pytest.fixture
def app(graph_backend):
    app = create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend,
                      "INSTITUTION_KEY": INSTITUTION_KEY})
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


# -- the README's worked example, for the reward, withdrawal, job and race tests

@pytest.fixture
def example(graph_backend):
    """The README's worked example (``test_rewards.build_example``)."""
    from test_rewards import build_example

    return build_example(graph_backend)


@pytest.fixture
def rich(example):
    """carol has 212 withdrawable, m1 25 (the worked example, released)."""
    from graph.store import rewards

    from test_rewards import AFTER_NOV, DAY

    rewards.run(example, "2026-10", now=AFTER_NOV)
    rewards.release(example, now=AFTER_NOV + 8 * DAY)
    return example


def fee_totals(g, period):
    """The merchants' fee totals of ``period`` as one row per merchant
    (referrer_id, merchant_id, fees, refunded_fees, carried_fees,
    carried_refunded_fees), read through ``reward_bases_level1``, which
    answers one row per referrer with a list of its merchants."""
    keys = ("merchant_id", "fees", "refunded_fees", "carried_fees", "carried_refunded_fees")
    return [{"referrer_id": row["referrer_id"], **dict(zip(keys, merchant, strict=True))}
            for row in g.read("reward_bases_level1", period=period)
            for merchant in sorted(row["merchants"])]


# -- a voucher holder's consent (graph/store/redemptions.py) ------------------

def consent(backend, user_id, voucher_ids, max_amount, **kw):
    """A redemption token of ``user_id`` for ``voucher_ids``, minted through
    the store (under the tests' master key): what a sale paying with those
    vouchers sends as each one's ``redemption_token``."""
    from graph.settlement import master_key
    from graph.store import redemptions

    kw.setdefault("id", "consent-" + uuid.uuid4().hex[:16])
    redemption, _ = redemptions.mint(backend, master_key(INSTITUTION_KEY, None),
                                     user_id=user_id, voucher_ids=list(voucher_ids),
                                     max_amount=max_amount, **kw)
    return redemption["token"]


def api_consent(caller, user_id, voucher_ids, max_amount, **body):
    """The same through the API, with ``caller``'s key (the holder's, or an
    operator's acting for them)."""
    body = {"id": "consent-" + uuid.uuid4().hex[:16], "voucher_ids": list(voucher_ids),
            "max_amount": max_amount, **body}
    r = caller.post(f"/v1/users/{user_id}/vouchers/redemptions", json=body)
    assert r.status_code == 201, r.get_json()
    return r.get_json()["token"]
