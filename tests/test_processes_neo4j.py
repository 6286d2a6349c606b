"""`refgraph serve` and `refgraph worker` on Neo4j, as a user runs them: both
processes pointed at the server of the `neo4j_backend` fixture, the patent's
story through HTTP, the worker's catch-up of a closed period, balances, a
withdrawal, a clean ledger, and a clean stop on SIGTERM."""

import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from conftest import INSTITUTION_KEY

from graph.maintenance import wipe
from graph.rules import DEFAULT_RULES
from graph.store import ledger, rewards
from graph.store import rules as rules_store

from test_processes import CLI, free_port, get, refgraph
from test_rewards import DAY, OCT, build_example

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo4j_env(neo4j_backend, monkeypatch, tmp_path):
    """The fixture's server, empty, named to refgraph the way a user names it;
    set in os.environ so the `refgraph` helper's processes see it too."""
    wipe(neo4j_backend)
    monkeypatch.setenv("REFGRAPH_GRAPH_URL", os.environ["NEO4J_URI"])
    monkeypatch.setenv("REFGRAPH_NEO4J_USER", os.environ.get("NEO4J_USER", "neo4j"))
    monkeypatch.setenv("REFGRAPH_NEO4J_PASSWORD", os.environ.get("NEO4J_PASSWORD", ""))
    monkeypatch.setenv("REFGRAPH_NEO4J_DATABASE", os.environ.get("NEO4J_DATABASE", "neo4j"))
    # the master key (institution secrets, voucher redemption tokens): a remote
    # database has no folder of refgraph's to keep one in
    monkeypatch.setenv("REFGRAPH_INSTITUTION_KEY", INSTITUTION_KEY)
    yield neo4j_backend
    problems = ledger.check(neo4j_backend)
    assert problems == [], "ledger check after the test:\n" + "\n".join(problems)


def start(tmp_path, *args):
    """`refgraph ARGS` in the background on the Neo4j of the environment
    (tests/test_processes.py's `start` insists on the embedded database)."""
    env = {**os.environ, "REFGRAPH_DATA_DIR": str(tmp_path / "var")}
    return subprocess.Popen([*CLI, *args], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def stop(process):
    """SIGTERM, then its exit status and everything it printed."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(60)
    finally:
        if process.poll() is None:
            process.kill()
    return process.returncode, process.stdout.read()


class Http:
    """JSON over HTTP with one API key: `(status, body)` for every answer."""

    def __init__(self, port, key):
        self.base = f"http://127.0.0.1:{port}"
        self.key = key

    def __call__(self, method, path, body=None, headers=None):
        request = urllib.request.Request(
            self.base + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {self.key}", "Content-Type": "application/json",
                     **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())


def closed_period_with_rewards(backend, monkeypatch):
    """The README's worked example in October 2026 (closed), written through
    the store the way test_processes does: HTTP registers users *now*, and a
    closed period only counts referrals made before it ended.  Its rules
    (from late September) hold rewards for 0 days and allow withdrawals from
    0.10, so the worker's run is withdrawable at once."""
    quick = DEFAULT_RULES.changed({"hold_days": 0, "min_withdrawal": 10})
    with monkeypatch.context() as clock:
        clock.setattr(rules_store, "now_ms", lambda: OCT[0] - 2 * DAY)
        rules_store.create(backend, quick, effective_from=OCT[0] - 2 * DAY, note="test: no hold")
    build_example(backend)


def test_serve_and_worker_on_neo4j(neo4j_env, tmp_path, monkeypatch):
    backend = neo4j_env
    closed_period_with_rewards(backend, monkeypatch)
    made = refgraph(tmp_path, "keys", "create", "--role", "operator")
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    port = free_port()
    server = start(tmp_path, "serve", "--port", str(port))
    worker = None
    try:
        health = get(f"http://127.0.0.1:{port}/health", timeout=60)
        assert (health["status"], health["backend"]) == ("ok", "neo4j")
        assert health["version"].startswith("Neo4j ")
        call = Http(port, key)

        # a card holder root, and a merchant and a buyer on her referral code
        status, root = call("POST", "/v1/users", {"id": "ada", "name": "Ada", "root": True,
                                                  "roles": []})
        assert status == 201, root
        status, card = call("POST", "/v1/cards", {"user_id": "ada"},
                            headers={"Idempotency-Key": "card-ada"})
        assert status == 201, card
        assert card["price"] == 9_900 and len(card["voucher_ids"]) == 10
        code = root["referral_code"]
        for user in ({"id": "shop", "name": "Shop", "roles": ["merchant"]},
                     {"id": "bo", "name": "Bo", "roles": ["buyer"]}):
            status, body = call("POST", "/v1/users", {**user, "referral_code": code})
            assert status == 201 and body["referrer_id"] == "ada", body
        status, ada = call("GET", "/v1/users/ada")
        assert "cardholder" in ada["roles"] and ada["referrals"] == 2

        # Ada buys at the shop, paying 10.00 with one of her card's vouchers: she
        # consents with a redemption token (minted here by the operator for her,
        # under the master key REFGRAPH_INSTITUTION_KEY a remote database needs)
        status, consent = call("POST", "/v1/users/ada/vouchers/redemptions", {
            "id": "consent-1", "voucher_ids": [card["voucher_ids"][0]], "max_amount": 1_000})
        assert status == 201, consent
        sale = {"id": "sale-1", "merchant_id": "shop", "buyer_id": "ada", "amount": 12_345,
                "currency": "CNY", "items": "1 teapot",
                "vouchers": [{"id": card["voucher_ids"][0], "amount": 1_000,
                              "redemption_token": consent["token"]}]}
        status, body = call("POST", "/v1/sales", sale)
        assert status == 201, body
        # fee 5 % of 123.45 -> 617 (half up); points 1 % of cash 113.45 -> 113
        assert (body["fee"], body["points"], body["voucher_paid"]) == (617, 113, 1_000)
        assert call("POST", "/v1/sales", sale) == (201, body)              # a retry
        status, body = call("POST", "/v1/sales", {"id": "sale-2", "merchant_id": "shop",
                                                  "buyer_id": "bo", "amount": 2_000,
                                                  "currency": "CNY"})
        assert (status, body["fee"]) == (201, 100), body
        status, body = call("POST", "/v1/sales/sale-1/refunds", {"id": "refund-1",
                                                                 "amount": 4_115})
        # a third back: fee round(617 / 3) = 206, points round(113 / 3) = 38
        assert (status, body["fee"], body["points"]) == (201, 206, 38), body
        status, balances = call("GET", "/v1/users/ada/balances")
        assert (balances["points"], balances["voucher_balance"]) == (75, 9_000), balances

        # the worker catches up October, which has fees and no run
        worker = start(tmp_path, "worker")
        deadline = time.monotonic() + 120
        while rewards.pending_periods(backend) and time.monotonic() < deadline:
            time.sleep(0.2)
        status, run = call("GET", "/v1/rewards/runs/2026-10")
        assert status == 200, run
        assert (run["status"], run["lines"], run["rewards"]) == ("completed", 2, 237)
        released = refgraph(tmp_path, "rewards", "release")     # the hold is 0 days
        assert released.returncode == 0, released.stderr
        status, balances = call("GET", "/v1/users/carol/balances")
        assert (balances["cash_pending"], balances["cash_available"]) == (0, 212), balances

        status, withdrawal = call("POST", "/v1/withdrawals", {"id": "w-1", "user_id": "carol",
                                                              "amount": 101})
        assert status == 201, withdrawal
        assert (withdrawal["cash_amount"], withdrawal["voucher_amount"]) == (70, 31)
        status, body = call("POST", "/v1/withdrawals/w-1/approve", {})
        assert (status, body["status"]) == (200, "approved"), body
        status, batch = call("POST", "/v1/payouts/batches", {"id": "batch-1"})
        assert status in (200, 201) and batch["count"] == 1 and batch["total"] == 70, batch
        status, balances = call("GET", "/v1/users/carol/balances")
        assert balances["cash_available"] == 111, balances

        assert call("GET", "/v1/ledger/check") == (200, {"clean": True, "problems": []})
    finally:
        stopped = {name: stop(process) for name, process in
                   (("serve", server), ("worker", worker)) if process is not None}
    for name, (code, log) in stopped.items():
        assert code == 0, f"refgraph {name} exited with {code}:\n{log}"
    log = stopped["worker"][1]
    from jobs.worker import JOBS

    assert f"worker started with {len(JOBS)} job(s)" in log
    for job in (func.__name__ for func, _, _, _ in JOBS):
        assert re.search(rf'Job "{job} \(trigger[^"]*" executed successfully', log), log
    assert "with Neo4j" in stopped["serve"][1] and "refgraph: stopping" in stopped["serve"][1]
