"""Group commit (issue 28): concurrent single sales share one statement and
each still gets exactly what the single statement gives it.

First the coalescer alone (graph/coalesce.py, no database), then sales
through it on every backend, and the property that matters: a random mix of
requests sent one by one without group commit and from many threads with it
leaves identical answers and identical graphs.
"""

import json
import random
import threading
import time
from collections import defaultdict

import pytest

from api import create_app
from graph import coalesce, copy
from graph.coalesce import Coalescer
from graph.errors import BackendError, BackendUnavailable, ConfigurationError, IdempotencyConflict
from graph.maintenance import counts, wipe
from graph.rules import DEFAULT_RULES
from graph.store import keys, ledger, sales
from graph.store import rules as rules_store

# -- the coalescer alone ----------------------------------------------------------------


class Gate:
    """A ``run`` for a coalescer that records each statement's items and
    holds the first statement until :meth:`release` (so that others queue)."""

    def __init__(self, answer=lambda item: ("done", item)):
        self.answer = answer
        self.statements = []
        self.entered = threading.Event()
        self.opened = threading.Event()
        self.lock = threading.Lock()

    def __call__(self, items):
        with self.lock:
            self.statements.append(list(items))
            first = len(self.statements) == 1
        if first:
            self.entered.set()
            assert self.opened.wait(60), "the test never released the first statement"
        return [self.answer(item) for item in items]

    def release(self):
        self.opened.set()


def queued(coalescer):
    with coalescer._lock:
        return len(coalescer._queue)


def wait_until(condition, what):
    """Spin until ``condition()`` (no timing is asserted: the bound only
    stops a broken test from hanging)."""
    for _ in range(6000):
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError(f"never happened: {what}")


def submit_all(coalescer, items, timeout=30.0):
    """Submit each item from a thread of its own, in order (each queued
    before the next starts); returns the threads and a dict item -> answer
    (a result, or the exception raised)."""
    answers, threads = {}, []

    def one(item):
        try:
            answers[item] = coalescer.submit(item, timeout)
        except Exception as exc:   # noqa: BLE001 - the answer under test
            answers[item] = exc

    for n, item in enumerate(items):
        thread = threading.Thread(target=one, args=(item,))
        thread.start()
        threads.append(thread)
        wait_until(lambda n=n, item=item: queued(coalescer) == n + 1 or item in answers,
                   f"{item} queued")
    return threads, answers


def hold_first(coalescer, gate, item="first"):
    """A leader whose statement holds until the gate opens."""
    answers = {}
    thread = threading.Thread(target=lambda: answers.setdefault(
        item, coalescer.submit(item, 30.0)))
    thread.start()
    assert gate.entered.wait(30)
    return thread, answers


def test_a_lone_request_goes_at_once_alone():
    gate = Gate()
    gate.release()
    group = Coalescer(gate, limit=10)
    assert group.submit("a", 1.0) == ("done", "a")
    assert group.submit("b", 1.0) == ("done", "b")
    assert gate.statements == [["a"], ["b"]]


def test_requests_that_arrive_during_a_statement_go_together_in_the_next():
    gate = Gate()
    group = Coalescer(gate, limit=4)
    first, first_answer = hold_first(group, gate)
    threads, answers = submit_all(group, [f"r{i}" for i in range(6)])
    gate.release()
    for thread in [first, *threads]:
        thread.join()
    # the queue went in order, at most ``limit`` per statement
    assert gate.statements == [["first"], ["r0", "r1", "r2", "r3"], ["r4", "r5"]]
    assert first_answer == {"first": ("done", "first")}
    assert answers == {f"r{i}": ("done", f"r{i}") for i in range(6)}
    assert (group.statements, group.items) == (3, 7)


def test_the_same_key_never_goes_twice_in_one_statement():
    gate = Gate()
    # an item claims the keys before its dash: "k1.k4-a" claims k1 and k4
    group = Coalescer(gate, limit=10, keys=lambda item: tuple(item.split("-")[0].split(".")))
    first, _ = hold_first(group, gate, "k0-first")
    items = ["k1-a", "k1-b", "k2-a", "k1-c", "k3-a", "k2-b", "k4.k5-a", "k5-b", "k3.k6-b"]
    threads, answers = submit_all(group, items)
    gate.release()
    for thread in [first, *threads]:
        thread.join()
    assert gate.statements[1:] == [["k1-a", "k2-a", "k3-a", "k4.k5-a"],
                                   ["k1-b", "k2-b", "k5-b", "k3.k6-b"], ["k1-c"]]
    assert answers == {item: ("done", item) for item in items}


def test_a_failed_statement_fails_its_callers_only_each_with_its_own_error():
    def answer(item):
        if item == "bad-row":
            return BackendError("this row only")
        return ("done", item)

    gate = Gate(answer)
    calls = []

    def run(items):
        calls.append(items)
        if "poison" in items:
            raise BackendError("the statement failed")
        return gate(items)

    group = Coalescer(run, limit=3)
    first, _ = hold_first(group, gate)
    threads, answers = submit_all(group, ["a", "poison", "b", "c", "bad-row"])
    gate.release()
    for thread in [first, *threads]:
        thread.join()
    assert calls[1:] == [["a", "poison", "b"], ["c", "bad-row"]]
    failed = [answers[item] for item in ("a", "poison", "b")]
    assert all(isinstance(e, BackendError) and e.message == "the statement failed"
               for e in failed)
    assert len({id(e) for e in failed}) == 3, "each caller raises an exception of its own"
    assert answers["c"] == ("done", "c")
    assert isinstance(answers["bad-row"], BackendError)
    assert answers["bad-row"].message == "this row only"


def test_a_caller_waits_no_longer_than_its_timeout_and_is_then_never_sent():
    gate = Gate()
    group = Coalescer(gate, limit=10, unavailable=lambda seconds: BackendUnavailable.no_answer(
        "The test database", seconds))
    first, _ = hold_first(group, gate)
    with pytest.raises(BackendUnavailable, match="did not answer within 0.05 s"):
        group.submit("late", 0.05)
    assert queued(group) == 0
    gate.release()
    first.join()
    assert group.submit("next", 1.0) == ("done", "next")
    assert gate.statements == [["first"], ["next"]]


def test_queued_requests_go_on_the_flusher_thread_inside_its_context():
    """A queued caller never runs a statement on its own thread (so it can
    give up at its deadline, whatever the statement does): the flusher runs
    it, inside ``context()`` (a backend's: the request timeout)."""
    entered = []

    class Context:
        def __enter__(self):
            entered.append(threading.current_thread().name)

        def __exit__(self, *exc):
            return False

    gate = Gate(lambda item: threading.current_thread().name)
    group = Coalescer(gate, limit=10, context=Context, name="tests")
    first, first_answer = hold_first(group, gate)
    threads, answers = submit_all(group, ["a", "b"])
    gate.release()
    for thread in [first, *threads]:
        thread.join()
    assert first_answer["first"] == first.name
    assert answers == {"a": "refgraph-group-commit-tests", "b": "refgraph-group-commit-tests"}
    assert entered == ["refgraph-group-commit-tests"]


def test_a_flusher_statement_has_the_request_timeout(graph_backend):
    assert graph_backend.timeout() == graph_backend.job_timeout     # not a request
    with graph_backend.request_statements():
        assert graph_backend.timeout() == graph_backend.request_timeout
        with graph_backend.long_statements():
            assert graph_backend.timeout() == graph_backend.job_timeout
    assert graph_backend.timeout() == graph_backend.job_timeout


def test_a_statement_whose_answer_is_short_fails_its_callers():
    group = Coalescer(lambda items: [], limit=10)
    with pytest.raises(RuntimeError, match="0 results for 1 items"):
        group.submit("a", 1.0)
    # and the next request leads again
    group.run = lambda items: list(items)
    assert group.submit("b", 1.0) == "b"


# -- sales through it ---------------------------------------------------------------------

T0 = 1_780_000_000_000           # 2026-05-28, a past time (sales cannot be in the future)
DAY = 86_400_000
MARCH, APRIL, MAY = 1_773_100_000_000, 1_777_000_000_000, 1_779_000_000_000  # 2026
JOINED = T0 - 120 * DAY


def register(backend, id, roles=("buyer",), referrer_id=None):
    """A user registered at a fixed time with a fixed code (the two graphs
    compared must not differ by their set-up)."""
    backend.write_one(
        "user_register", id=id, name=id.title(), roles=list(roles), root=referrer_id is None,
        referrer_id=referrer_id, referral_code=None, code=f"CODE-{id}",
        referrers=["cardholder", "merchant"], at=JOINED, request_hash=f"h-{id}",
        phone_hash=None, device_id=None, payment_hash=None)


MERCHANTS = ["m1", "m2", "m3"]
BUYERS = ["b1", "b2", "b3", "b4"]


def set_up(backend, late_sales):
    """Users (one merchant suspended, one buyer closed), a closed period, and
    the backend's cached rules made stale, so that the first sales meet
    ``rules_changed`` and are retried (graph/store/sales.py record_sale)."""
    register(backend, "root", ())
    for merchant in [*MERCHANTS, "m-off"]:
        register(backend, merchant, ["merchant"], "root")
    for buyer in [*BUYERS, "b-off"]:
        register(backend, buyer, ["buyer"], "root")
    backend.write_one("user_set_status", id="m-off", status="suspended", reason="test",
                      at=JOINED + 1)
    backend.write_one("user_set_status", id="b-off", status="closed", reason="test",
                      at=JOINED + 1)
    backend.write_one("reward_run_start", period="2026-04", rules_version=0, at=T0)
    rules_store.change(backend, {"late_sales": late_sales}, created_by="test")
    rules_store.cached_timeline(backend)
    body = json.dumps(DEFAULT_RULES.changed({"late_sales": late_sales}).to_dict(),
                      sort_keys=True)
    backend.write("rules_create", change_id="behind-the-cache", body=body,
                  effective_from=T0 + 400 * DAY, at=T0, created_by="test", note=None)


def random_requests(seed, n=120):
    """Sale requests: valid ones (with and without buyer, some late), refused
    ones, and repeats of earlier ids (the same body: a replay; another body:
    a 409)."""
    rng = random.Random(seed)
    requests = []
    refused = 0
    for i in range(n):
        roll = rng.random()
        if requests and roll < 0.2:
            earlier = dict(rng.choice(requests))
            if rng.random() < 0.5:
                earlier["amount"] += 1
            requests.append(earlier)
            continue
        sale = {"id": f"s{seed}-{i}", "merchant_id": rng.choice(MERCHANTS),
                "buyer_id": rng.choice([*BUYERS, None]), "amount": rng.randrange(1, 500_000),
                "currency": "CNY", "at": T0 - rng.randrange(1, 50) * DAY,
                "items": rng.choice([None, "tea", "two coffees"])}
        if roll < 0.3:
            kinds = ["unknown_merchant", "inactive_merchant", "not_a_merchant", "currency",
                     "unknown_buyer", "inactive_buyer"]
            kind = kinds[refused % len(kinds)]      # each kind, in a random mix
            refused += 1
            changes = {"unknown_merchant": {"merchant_id": "ghost"},
                       "inactive_merchant": {"merchant_id": "m-off"},
                       "not_a_merchant": {"merchant_id": "b1"},
                       "currency": {"currency": "USD"},
                       "unknown_buyer": {"buyer_id": "nobody"},
                       "inactive_buyer": {"buyer_id": "b-off"}}[kind]
            sale.update(changes)
        requests.append(sale)
    return requests


def answer(response):
    return (response.status_code, response.get_json(),
            response.headers.get("Idempotent-Replayed"))


def send_one_by_one(app, token, requests):
    """``requests`` are ``(url, body, lane)``: each POSTed in turn."""
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    return [answer(client.post(url, json=body, headers=headers)) for url, body, _ in requests]


def send_from_threads(app, token, requests, threads=16):
    """Each request from one of ``threads`` threads; the requests of one
    lane (a sale id; a refund's sale) from one thread, in their order (two
    requests racing on one id have no order to compare; tests below race
    them)."""
    answers = [None] * len(requests)
    lanes = defaultdict(list)
    for n, (_, _, lane) in enumerate(requests):
        lanes[hash(lane) % threads].append(n)
    start = threading.Barrier(len(lanes))
    errors = []

    def lane(numbers):
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        try:
            start.wait()
            for n in numbers:
                url, body, _ = requests[n]
                answers[n] = answer(client.post(url, json=body, headers=headers))
        except Exception as exc:   # noqa: BLE001 - reported below
            errors.append(exc)

    workers = [threading.Thread(target=lane, args=(numbers,)) for numbers in lanes.values()]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    return answers


#: labels whose nodes hold the set-up's own times or secrets, not the sales'
#: (their counts are still compared)
NOT_DUMPED = {"ApiKey", "RuleSet", "AuditEvent"}


def snapshot(backend):
    """Everything the graph holds that sales write, in a comparable form:
    counts per label and type, every node's and relationship's properties
    (but the set-up's own), every user's balances, and the ledger check."""
    nodes, relationships = counts(backend)
    nodes.pop("Heartbeat", None)
    dump = {}
    for step in copy.STEPS:
        if step.name in NOT_DUMPED:
            continue
        rows = backend.read(f"{step.stem}_read", after=None, limit=100_000)
        dump[step.name] = sorted(json.dumps({k: v for k, v in row.items() if k != "cursor"},
                                            sort_keys=True) for row in rows)
    users = ["root", *MERCHANTS, "m-off", *BUYERS, "b-off"]
    return {"nodes": nodes, "relationships": relationships, "dump": dump,
            "balances": {user: sales.balances(backend, user, at=T0) for user in users},
            "ledger": ledger.check(backend)}


def run(backend, group_commit, late_sales, requests, threads, coalescer=sales.sale_coalescer,
        before_requests=lambda backend: None):
    """Into a fresh graph: the set-up, ``before_requests(backend)``, then the
    requests one by one (``threads`` 0) or from ``threads`` threads.  Returns
    the answers, the graph's :func:`snapshot`, and how many statements and
    rows went through the coalescer meanwhile."""
    wipe(backend)
    rules_store.forget_timeline(backend)
    set_up(backend, late_sales)
    before_requests(backend)
    app = create_app({"TESTING": True, "GRAPH_BACKEND": backend,
                      "GROUP_COMMIT": group_commit})
    token, _ = keys.create(backend, "operator", None)
    group = coalescer(backend)
    before = (group.statements, group.items)
    if threads:
        answers = send_from_threads(app, token, requests, threads)
    else:
        answers = send_one_by_one(app, token, requests)
    grouped = (group.statements - before[0], group.items - before[1])
    return answers, snapshot(backend), grouped


@pytest.mark.parametrize("seed, late_sales", [(1, "refuse"), (2, "carry"), (3, "refuse")])
def test_single_and_coalesced_sales_answer_and_write_the_same(graph_backend, seed, late_sales):
    mix = random_requests(seed)
    # some sales dated in the closed period 2026-04 (refused, or carried)
    for sale in mix[::7]:
        sale["at"] = APRIL
    requests = [("/v1/sales", sale, sale["id"]) for sale in mix]
    alone, alone_graph, alone_grouped = run(graph_backend, False, late_sales, requests, 0)
    together, together_graph, grouped = run(graph_backend, True, late_sales, requests, 16)
    assert alone_grouped == (0, 0), "group commit off: no sale went through the coalescer"
    assert grouped[1] > 0, "group commit on: the plain sales went through the coalescer"
    for n, (one, other) in enumerate(zip(alone, together, strict=True)):
        assert one == other, (n, mix[n])
    codes = {body.get("code") for status, body, _ in alone if status >= 400}
    late = {"refuse": "period_closed", "carry": None}[late_sales]
    assert {"unknown_merchant", "merchant_inactive", "not_a_merchant", "unknown_buyer",
            "buyer_inactive", "currency_mismatch", "idempotency_conflict", late} - {None} <= codes, codes
    assert any(replayed for _, _, replayed in alone), "the mix holds replays"
    assert together_graph["ledger"] == []
    assert alone_graph == together_graph


def base_sales(backend):
    """Sales to refund, dated in March 2026 (an open period)."""
    for n in range(12):
        sales.record_sale(backend, id=f"base-{n}", merchant_id=MERCHANTS[n % 3],
                          buyer_id=[*BUYERS, None][n % 5], amount=1_000 * (n + 1),
                          currency="CNY", at=MARCH + n * DAY)


def random_refunds(seed, n=100):
    """Refund requests of the base sales: partial and whole ones, more than
    is left, of an unknown sale, before the sale, in the closed period
    2026-04, in another currency, and repeats (a replay, or a 409)."""
    rng = random.Random(seed)
    requests = []
    for i in range(n):
        roll = rng.random()
        if requests and roll < 0.25:
            url, body, lane = rng.choice(requests)
            body = dict(body)
            if rng.random() < 0.5:
                body["amount"] += 1
            requests.append((url, body, lane))
            continue
        sale = rng.randrange(12)
        sale_id = "ghost" if roll < 0.3 else f"base-{sale}"
        body = {"id": f"r{seed}-{i}",
                "amount": rng.choice([1, 300, 500, 1_000 * (sale + 1), 99_999]),
                "at": rng.choice([MARCH, APRIL, MAY, MAY + DAY, MAY + 2 * DAY]),
                "reason": rng.choice([None, "damaged"])}
        if roll > 0.95:
            body["currency"] = "USD"
        requests.append((f"/v1/sales/{sale_id}/refunds", body, sale_id))
    return requests


@pytest.mark.parametrize("seed, late_sales", [(4, "refuse"), (5, "carry")])
def test_single_and_coalesced_refunds_answer_and_write_the_same(graph_backend, seed,
                                                                late_sales):
    requests = random_refunds(seed)
    alone, alone_graph, alone_grouped = run(
        graph_backend, False, late_sales, requests, 0, sales.refund_coalescer, base_sales)
    together, together_graph, grouped = run(
        graph_backend, True, late_sales, requests, 16, sales.refund_coalescer, base_sales)
    assert alone_grouped == (0, 0) and grouped[1] > 0
    for n, (one, other) in enumerate(zip(alone, together, strict=True)):
        assert one == other, (n, requests[n])
    codes = {body.get("code") for status, body, _ in alone if status >= 400}
    late = {"refuse": "period_closed", "carry": None}[late_sales]
    assert {"not_found", "before_sale", "over_refund", "idempotency_conflict",
            "currency_mismatch", late} - {None} <= codes, codes
    assert any(replayed for _, _, replayed in alone), "the mix holds replays"
    assert together_graph["ledger"] == []
    assert alone_graph == together_graph


def test_concurrent_requests_of_one_id_answer_as_racing_single_sales(graph_backend):
    """Many threads send one sale id at once, most with the same body and
    some with another: one is created, the same body replays, another body
    is a 409, whichever statement each lands in."""
    set_up(graph_backend, "refuse")
    coalesce.set_enabled(graph_backend, True)
    sale = {"id": "one", "merchant_id": "m1", "buyer_id": "b1", "amount": 1_000,
            "currency": "CNY", "at": T0 - DAY}
    other = {**sale, "amount": 2_000}
    bodies = [sale] * 12 + [other] * 4
    answers = [None] * len(bodies)
    start = threading.Barrier(len(bodies))

    def send(n):
        start.wait()
        try:
            answers[n] = sales.record_sale(graph_backend, **bodies[n])[1]
        except IdempotencyConflict as exc:
            answers[n] = exc

    threads = [threading.Thread(target=send, args=(n,)) for n in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    created = [n for n, a in enumerate(answers) if a is True]
    assert len(created) == 1
    winner = bodies[created[0]]
    for n, a in enumerate(answers):
        if n != created[0]:
            expected = False if bodies[n] == winner else IdempotencyConflict
            assert a is expected or isinstance(a, IdempotencyConflict) and expected is \
                IdempotencyConflict, (n, a)
    assert graph_backend.read_one("sale_get", id="one")["sale"]["amount"] == winner["amount"]
    assert counts(graph_backend)[0]["Sale"] == 1


def test_sales_queued_behind_a_statement_go_in_one_and_get_their_own_answers(graph_backend):
    """The first sale's statement is held; the sales that arrive meanwhile
    (a repeated id among them) go together in the next statement, the
    repeated id in the one after, and each caller gets what the single
    statement gives it."""
    set_up(graph_backend, "refuse")
    rules_store.forget_timeline(graph_backend)     # no rules_changed retry here
    coalesce.set_enabled(graph_backend, True)
    group = sales.sale_coalescer(graph_backend)
    gate = Gate()
    real = group.run

    def held(items):
        gate(items)             # holds the first statement until released
        return real(items)

    group.run = held
    try:
        def sale(id, **changes):
            return {"id": id, "merchant_id": "m1", "buyer_id": "b1", "amount": 1_000,
                    "currency": "CNY", "at": T0 - DAY, **changes}

        answers = {}

        def send(name, body):
            try:
                answers[name] = sales.record_sale(graph_backend, **body)
            except Exception as exc:   # noqa: BLE001 - the answer under test
                answers[name] = exc

        first = threading.Thread(target=send, args=("first", sale("s0")))
        first.start()
        assert gate.entered.wait(30)
        bodies = {"a": sale("s1"), "b": sale("s2", buyer_id=None), "ghost": sale(
            "s3", merchant_id="ghost"), "again": sale("s1"), "other": sale("s1", amount=5),
            "c": sale("s4", merchant_id="m2")}
        threads = []
        for n, (name, body) in enumerate(bodies.items()):
            thread = threading.Thread(target=send, args=(name, body))
            thread.start()
            threads.append(thread)
            wait_until(lambda n=n: queued(group) == n + 1, f"{name} queued")
        gate.release()
        for thread in [first, *threads]:
            thread.join()
    finally:
        group.run = real
    assert [[item["id"] for item in items] for items in gate.statements] == [
        ["s0"], ["s1", "s2", "s3", "s4"], ["s1"], ["s1"]]
    assert answers["first"][1] is True and answers["a"][1] is True
    assert answers["again"] == (answers["a"][0], False)
    assert isinstance(answers["other"], IdempotencyConflict)
    assert answers["ghost"].code == "unknown_merchant"
    assert answers["b"][0]["buyer_id"] is None and answers["c"][0]["merchant_id"] == "m2"
    stored = sales.get_sale(graph_backend, "s1")
    assert answers["a"][0] == {k: v for k, v in stored.items() if k in answers["a"][0]}


def test_group_commit_off_sends_each_sale_alone(graph_backend, monkeypatch):
    set_up(graph_backend, "refuse")
    monkeypatch.setenv("REFGRAPH_GROUP_COMMIT", "false")
    create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend})
    group = sales.sale_coalescer(graph_backend)
    before = group.items
    sales.record_sale(graph_backend, id="alone", merchant_id="m1", amount=100, currency="CNY",
                      at=T0 - DAY)
    assert group.items == before
    monkeypatch.delenv("REFGRAPH_GROUP_COMMIT")
    create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend})
    sales.record_sale(graph_backend, id="grouped", merchant_id="m1", amount=100,
                      currency="CNY", at=T0 - DAY)
    assert group.items == before + 1
    with pytest.raises(ConfigurationError, match="REFGRAPH_GROUP_COMMIT='maybe'"):
        create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend, "GROUP_COMMIT": "maybe"})
