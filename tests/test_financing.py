"""Consumer finance end to end (issue 17): a simulated institution, a real
HTTP server of its own that signs its callbacks with its own secret, decides
on financed sales made through a real refgraph server: it approves and
disburses one, declines another and lets a third lapse.  Balances, points,
fees, rewards and the ledger are checked exactly; bad signatures, replays,
stale callbacks and callbacks for another institution's application are
refused or idempotent.

The institution signs as the README tells it to, with its own code here
(hmac over ``<t>.<institution id>.<raw body>``), not refgraph's."""

import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import fee_totals

from api import create_app
from graph.rules import DEFAULT_RULES, period_bounds
from graph.store import financing, ledger, rewards, sales
from graph.store import rules as rules_store

from browser_harness import serve
from test_rewards import AFTER_NOV, DAY, NOV, OCT, at, build_example

KEY = "dGVzdC1tYXN0ZXIta2V5LW9mLXJlZmdyYXBoLTMyLWJ5dGVz"  # 32 bytes, base64url
HOUR = 3_600_000


def post(url, body, headers=None):
    """POST JSON over real HTTP: (status, body, headers)."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="POST", headers={
        "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read() or b"null"), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null"), dict(error.headers)


class Institution:
    """A lender with its own server: the storefront's checkout hands it an
    application (POST /applications); it approves and disburses up to
    ``approve_up_to``, declines from ``decline_from``, and leaves what lies
    between for a human review that never comes (the application lapses)."""

    approve_up_to, decline_from = 20_000, 50_000

    def __init__(self, institution_id, secret, refgraph):
        self.id, self.secret, self.refgraph = institution_id, secret, refgraph
        self.sent = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                answers = owner.decide(body["application_id"], body["amount"])
                payload = json.dumps(answers).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_port}"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)

    def signed(self, body, at=None, secret=None):
        raw = json.dumps(body).encode()
        at = at or int(time.time() * 1000)
        mac = hmac.new((secret or self.secret).encode(), f"{at}.{self.id}.".encode() + raw,
                       hashlib.sha256).hexdigest()
        return raw, {"X-Refgraph-Institution": self.id,
                     "X-Refgraph-Signature": f"t={at},v1={mac}"}

    def callback(self, body, **kwargs):
        raw, headers = self.signed(body, **kwargs)
        self.sent.append((raw, headers))
        return post(f"{self.refgraph}/v1/financing/callbacks", raw, headers)

    def decide(self, application_id, amount):
        if amount <= self.approve_up_to:
            steps = [("approved", "LOAN-7-OK"), ("disbursed", "LOAN-7-PAID")]
        elif amount >= self.decline_from:
            steps = [("declined", "LOAN-8-NO")]
        else:
            return []                          # in review: no answer
        return [self.callback({"application_id": application_id, "status": status,
                               "reference": ref, "reason": "credit policy"})[:2]
                for status, ref in steps]


@pytest.fixture
def world(graph_backend):
    """The README's worked example (October 2026), an operator key and a
    refgraph server over HTTP with the institutions' master key."""
    from graph.store import keys

    build_example(graph_backend)
    app = create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend,
                      "INSTITUTION_KEY": KEY})
    operator = keys.create(graph_backend, "operator")[0]
    with serve(app) as base:
        yield {"g": graph_backend, "base": base, "app": app,
               "auth": {"Authorization": f"Bearer {operator}"}}


def register(world, institution_id="bank-a", **fields):
    status, body, _ = post(f"{world['base']}/v1/institutions", {
        "id": institution_id, "name": "Bank A", "services": ["consumer_credit", "payouts"],
        "buyer_limit": 200_000, "fee_bp": 150, **fields}, world["auth"])
    assert status == 201, body
    assert body["secret"].startswith("rgs_") and "salt" not in body
    return body["secret"]


def financed_sale(world, id, merchant, amount, financed, day, institution="bank-a"):
    status, body, _ = post(f"{world['base']}/v1/sales", {
        "id": id, "merchant_id": merchant, "buyer_id": "ben", "amount": amount,
        "currency": "CNY", "at": at(OCT, day),
        "financing": {"institution_id": institution, "amount": financed, "installments": 6}},
        world["auth"])
    assert status == 201, body
    return body


def test_an_institution_approves_one_declines_one_and_lets_one_lapse(world, monkeypatch):
    g = world["g"]
    secret = register(world)
    bought = [financed_sale(world, "fa", "m1", 12_000, 10_000, 12),   # fee 600
              financed_sale(world, "fd", "m2", 60_000, 60_000, 13),   # fee 3 000
              financed_sale(world, "fl", "m3", 30_000, 30_000, 14)]   # fee 1 500
    assert [(s["fee"], s["points"], s["financing_status"]) for s in bought] == [
        (600, 0, "applied"), (3_000, 0, "applied"), (1_500, 0, "applied")]
    with Institution("bank-a", secret, world["base"]) as lender:
        for sale in bought:
            status, answers, _ = post(f"{lender}/applications", {
                "application_id": sale["financing_id"], "amount": sale["financed_amount"]})
            assert status == 200
            assert all(code == 200 for code, _ in answers), answers
    assert {a["id"]: a["status"] for a in financing.list_applications(g)} == {
        "fa": "disbursed", "fd": "declined", "fl": "applied"}

    # the third lapses when the worker runs after financing_lapse_hours (72)
    from jobs import financing as jobs

    lapse_at = financing.get(g, "fl")["lapse_at"]
    monkeypatch.setattr("graph.store.financing.now_ms", lambda: lapse_at - 1)
    jobs.lapse_applications(world["app"])
    assert financing.get(g, "fl")["status"] == "applied"           # not yet
    monkeypatch.setattr("graph.store.financing.now_ms", lambda: lapse_at)
    jobs.lapse_applications(world["app"])
    jobs.lapse_applications(world["app"])                         # idempotent
    lapsed = financing.get(g, "fl")
    assert (lapsed["status"], lapsed["cancelled_by"]) == ("cancelled", "lapse")

    # points: only the disbursed sale's, 1 % of 12 000
    assert sales.balances(g, "ben")["points"] == 120
    got = {s: sales.get_sale(g, s) for s in ("fa", "fd", "fl")}
    assert [(got[s]["points"], got[s]["voided_at"] is not None) for s in got] == [
        (120, False), (0, True), (0, True)]
    # fees: the void sales left their merchants' fee totals
    totals = {row["merchant_id"]: row for row in fee_totals(g, "2026-10")}
    assert (totals["m1"]["fees"], totals["m2"]["fees"], totals["m3"]["fees"]) == \
        (500 + 600, 1_000, 167)
    # rewards: Carol's base 1 100 + 750 + 167 + 0 = 2 017, tier 2 (15 %) -> 302
    run = rewards.run(g, "2026-10", now=AFTER_NOV)
    assert (run["rewards"], sales.balances(g, "carol")["cash_pending"]) == (302 + 25, 302)
    # the ledger: the institution owes 10 000 less its 1.5 % fee, the platform owes m1 as much
    balances = ledger.balances(g)
    assert balances["institution:bank-a:receivable"] == -9_850
    assert balances["merchant:m1:financing_payable"] == 9_850
    assert balances["platform:fees"] == 500 + 1_000 + 167 + 50 + 250 - 250 - 50 + 600
    assert ledger.check(g) == []


def test_callbacks_are_verified_per_institution_and_idempotent(world):
    g = world["g"]
    secret_a = register(world, "bank-a")
    register(world, "bank-b", name="Bank B")
    financed_sale(world, "fa", "m1", 12_000, 10_000, 12)
    financed_sale(world, "fb", "m1", 5_000, 5_000, 13, institution="bank-b")
    url = f"{world['base']}/v1/financing/callbacks"
    a = Institution("bank-a", secret_a, world["base"])
    approve = {"application_id": "fa", "status": "approved", "reference": "R1"}

    raw, headers = a.signed(approve, secret="rgs_not-the-secret")
    assert post(url, raw, headers)[0] == 401                        # a wrong secret
    raw, headers = a.signed(approve)
    assert post(url, raw, {**headers, "X-Refgraph-Institution": "bank-b"})[0] == 401
    assert post(url, raw + b" ", headers)[0] == 401                 # a changed body
    assert post(url, raw, {"X-Refgraph-Signature": headers["X-Refgraph-Signature"]})[0] == 401
    stale = a.signed(approve, at=int(time.time() * 1000) - 301_000)
    status, body, _ = post(url, *stale)
    assert status == 401 and "300 s" in body["message"]
    assert financing.get(g, "fa")["status"] == "applied"            # none of them did anything

    status, first, replay = post(url, raw, headers)
    assert status == 200 and first["status"] == "approved" and "Idempotent-Replayed" not in replay
    status, again, replay = post(url, raw, headers)                 # the same callback again
    assert status == 200 and again == first and replay["Idempotent-Replayed"] == "true"
    status, body, _ = a.callback({"application_id": "fa", "status": "disbursed",
                                  "reference": "R1"})
    assert (status, body["code"]) == (409, "reference_reused")
    # bank-a's valid signature on bank-b's application: unknown to bank-a
    status, body, _ = a.callback({"application_id": "fb", "status": "approved",
                                  "reference": "R2"})
    assert status == 404 and financing.get(g, "fb")["status"] == "applied"
    status, body, _ = a.callback({"application_id": "fa", "status": "declined",
                                  "reference": "R3"})
    assert (status, body["code"]) == (409, "invalid_transition")   # approved: cannot decline
    assert a.callback({"application_id": "fa", "status": "disbursed",
                       "reference": "R4"})[0] == 200
    assert a.callback({"application_id": "fa", "status": "disbursed",
                       "reference": "R5"})[2]["Idempotent-Replayed"] == "true"
    assert sales.balances(g, "ben")["points"] == 120               # earned once
    status, body, _ = post(url, b'{"application_id": "fa", "status": "lost"}',
                           a.signed({})[1])
    assert status == 401                                            # signed another body
    raw = b'{"application_id": "fa", "status": "lost", "reference": "x"}'
    _, headers = a.signed({})
    mac = hmac.new(secret_a.encode(), headers["X-Refgraph-Signature"][2:15].encode()
                   + b".bank-a." + raw, hashlib.sha256).hexdigest()
    headers["X-Refgraph-Signature"] = headers["X-Refgraph-Signature"].split(",")[0] + ",v1=" + mac
    status, body, _ = post(url, raw, headers)
    assert status == 422 and "status" in body["errors"]


def test_a_rotated_secret_keeps_the_old_one_for_the_overlap(world):
    old = register(world)
    financed_sale(world, "fa", "m1", 12_000, 10_000, 12)
    url = f"{world['base']}/v1/institutions/bank-a/secret"
    assert post(url, {"reason": "scheduled"}, world["auth"])[0] == 422   # no id: no rotation
    status, rotated, _ = post(url, {"id": "rot-1", "reason": "scheduled"}, world["auth"])
    assert status == 201 and rotated["secret"] != old and rotated["secret_version"] == 2
    again = post(url, {"id": "rot-1", "reason": "scheduled"}, world["auth"])
    assert again[1]["secret"] == rotated["secret"] and again[2]["Idempotent-Replayed"] == "true"
    lender = Institution("bank-a", old, world["base"])
    assert lender.callback({"application_id": "fa", "status": "approved",
                            "reference": "R1"})[0] == 200           # the old one, in the overlap
    lender.secret = rotated["secret"]
    assert lender.callback({"application_id": "fa", "status": "disbursed",
                            "reference": "R2"})[0] == 200
    # a second rotation ends the first one's overlap: the first secret is refused
    post(url, {"id": "rot-2", "reason": "scheduled"}, world["auth"])
    lender.secret = old
    assert lender.callback({"application_id": "fa", "status": "disbursed",
                            "reference": "R2"})[0] == 401
    status, body, _ = post(url, {"id": "rot-1", "reason": "scheduled"}, world["auth"])
    assert (status, body["code"]) == (409, "superseded")
    status, body, _ = post(f"{world['base']}/v1/institutions/bank-a", {}, world["auth"])
    assert status == 405                                            # read with GET, never shown


def test_financing_refusals(world):
    g = world["g"]
    register(world)
    register(world, "payer", name="Payer", services=["payouts"])
    url, auth = f"{world['base']}/v1/sales", world["auth"]

    def refused(body, code, field="financing"):
        status, answer, _ = post(url, {"id": "x", "merchant_id": "m1", "buyer_id": "ben",
                                       "amount": 10_000, "currency": "CNY", "at": at(OCT, 20),
                                       **body}, auth)
        assert (status, answer["code"]) == (422, code), answer
        assert field in answer["errors"]

    plan = {"institution_id": "bank-a", "amount": 10_000, "installments": 3}
    refused({"financing": {**plan, "institution_id": "payer"}}, "no_consumer_credit")
    refused({"financing": {**plan, "institution_id": "ghost"}}, "unknown_institution")
    refused({"financing": {**plan, "amount": 10_001}}, "financing_exceeds_sale")
    refused({"financing": plan, "buyer_id": None}, "financing_needs_buyer", "buyer_id")
    status, _, _ = post(f"{world['base']}/v1/vouchers", {
        "id": "gift", "owner_id": "ben", "amount": 1_000, "expires_at": 4_102_444_800_000}, auth)
    refused({"financing": {**plan, "amount": 9_000}, "vouchers": [{"id": "gift", "amount": 500}]},
            "financing_with_vouchers", "vouchers")
    # the per-buyer limit: undecided applications at the institution, this one included
    post(f"{world['base']}/v1/institutions/bank-a", {}, auth)
    patch = urllib.request.Request(f"{world['base']}/v1/institutions/bank-a", method="PATCH",
                                   data=json.dumps({"buyer_limit": 15_000}).encode(),
                                   headers={"Content-Type": "application/json", **auth})
    with urllib.request.urlopen(patch) as answer:
        assert json.loads(answer.read())["buyer_limit"] == 15_000
    financed_sale(world, "f1", "m1", 10_000, 10_000, 12)
    refused({"financing": {**plan, "amount": 5_001}}, "financing_limit")
    financed_sale(world, "f2", "m1", 10_000, 5_000, 13)             # exactly the limit
    financing.transition(g, "f1", "declined", by="institution", reference="no")
    financed_sale(world, "f3", "m1", 10_000, 10_000, 14)            # f1 decided: room again
    patch = urllib.request.Request(f"{world['base']}/v1/institutions/bank-a", method="PATCH",
                                   data=json.dumps({"status": "inactive"}).encode(),
                                   headers={"Content-Type": "application/json", **auth})
    urllib.request.urlopen(patch).close()
    refused({"financing": plan}, "institution_inactive")
    status, answer, _ = post(f"{world['base']}/v1/cards", {
        "id": "card-x", "user_id": "ben", "financing": plan}, auth)
    assert (status, answer["code"]) == (422, "card_not_financeable")
    status, answer, _ = post(f"{world['base']}/v1/sales:batch", {"sales": [{
        "id": "b1", "merchant_id": "m1", "amount": 100, "currency": "CNY",
        "financing": plan}]}, auth)
    assert status == 422 and "financing" in json.dumps(answer["errors"])
    # an undecided financed sale cannot be refunded; a void one neither
    for sale_id, code in (("f2", "financing_undecided"), ("f1", "sale_void")):
        status, answer, _ = post(f"{world['base']}/v1/sales/{sale_id}/refunds",
                                 {"id": f"r-{sale_id}", "amount": 100}, auth)
        assert (status, answer["code"]) == (409, code)


def test_a_decline_after_the_period_was_run_is_taken_back_in_the_next(world):
    """October's run pays Carol on m1's financed sale; the institution declines
    in November: the fee comes back out of November's base (carried, as a
    late refund is under late_sales = carry, though late_sales is refuse):
    Carol's November line is a clawback of exactly what October paid on it."""
    g = world["g"]
    register(world)
    financed_sale(world, "fa", "m1", 20_000, 20_000, 12)            # fee 1 000
    october = rewards.run(g, "2026-10", now=AFTER_NOV)
    # Carol: (500 + 1 000) + 750 + 167 + 0 = 2 417 at 15 % -> 362 (212 without the sale)
    assert october["rewards"] == 362 + 25
    assert rules_store.rules_at(g).late_sales == "refuse"
    application, changed = financing.transition(g, "fa", "declined", by="institution",
                                                institution_id="bank-a", reference="no",
                                                at=NOV[0] + 2 * DAY)
    assert changed and application["carried_into"] == "2026-11"
    assert sales.get_sale(g, "fa")["period"] == "2026-10"           # the sale keeps its period
    november = {row["merchant_id"]: row for row in
                fee_totals(g, "2026-11")}
    assert (november["m1"]["refunded_fees"], november["m1"]["carried_refunded_fees"]) == \
        (1_000, 1_000)
    lines = {line.referrer_id: line for line in rewards.compute(g, "2026-11")}
    assert (lines["carol"].base, lines["carol"].amount) == (-1_000, -150)
    # October's figures stay as they were run
    assert rewards.get_run(g, "2026-10")["rewards"] == 362 + 25
    assert ledger.check(g) == []


def test_lapse_uses_the_rule_of_the_sale(world):
    g = world["g"]
    register(world)
    old = financed_sale(world, "f0", "m1", 1_000, 1_000, 12)       # October: 72 hours
    rules_store.change(g, {"financing_lapse_hours": 1})
    before = int(time.time() * 1000)
    status, sale, _ = post(f"{world['base']}/v1/sales", {
        "id": "fa", "merchant_id": "m1", "buyer_id": "ben", "amount": 1_000, "currency": "CNY",
        "financing": {"institution_id": "bank-a", "amount": 1_000, "installments": 1}},
        world["auth"])
    assert status == 201
    assert financing.get(g, old["id"])["lapse_at"] >= before - 60_000 + 72 * HOUR
    application = financing.get(g, sale["financing_id"])
    assert before + HOUR <= application["lapse_at"] <= int(time.time() * 1000) + HOUR
    assert financing.lapse_due(g, now=application["lapse_at"] - 1) == {"lapsed": [],
                                                                        "skipped": []}
    assert financing.lapse_due(g, now=application["lapse_at"]) == {"lapsed": ["fa"],
                                                                    "skipped": []}
    assert financing.get(g, "f0")["status"] == "applied"
    assert financing.lapse_due(g, now=application["lapse_at"] + 1) == {"lapsed": [],
                                                                        "skipped": []}
    assert period_bounds("2026-10") == OCT and DEFAULT_RULES.financing_lapse_hours == 72


# -- payouts through an institution, statements and reconciliation ---------------------

def test_payout_batches_name_their_institution_and_only_it_confirms(world, tmp_path):
    g = world["g"]
    world["app"].config.update(PAYOUT_DIR=str(tmp_path), PAYOUT_SECRET="global-secret")
    secret = register(world)
    register(world, "lender", name="Lender", services=["consumer_credit"])
    rewards.run(g, "2026-10", now=AFTER_NOV)
    rewards.release(g, now=AFTER_NOV + 8 * DAY)
    rules_store.change(g, {"min_withdrawal": 10})
    base, auth = world["base"], world["auth"]
    for w in ("w1", "w2"):
        assert post(f"{base}/v1/withdrawals", {"id": w, "user_id": "carol", "amount": 100},
                    auth)[0] == 201
        assert post(f"{base}/v1/withdrawals/{w}/approve", {}, auth)[0] == 200
    status, body, _ = post(f"{base}/v1/payouts/batches", {"id": "b-x", "limit": 1,
                                                          "institution_id": "lender"}, auth)
    assert (status, body["code"]) == (422, "institution_cannot_pay")
    status, batch, _ = post(f"{base}/v1/payouts/batches", {"id": "b1", "limit": 1,
                                                           "institution_id": "bank-a"}, auth)
    assert status == 201 and batch["institution_id"] == "bank-a"
    assert open(batch["file"]).read().splitlines()[1] == "#institution,bank-a"
    status, body, _ = post(f"{base}/v1/payouts/batches", {"id": "b1",
                                                          "institution_id": None}, auth)
    assert status == 409                                            # b1 is bank-a's
    assert post(f"{base}/v1/payouts/batches", {"id": "b2"}, auth)[0] == 201   # no institution
    url = f"{base}/v1/payouts/confirmations"
    bank = Institution("bank-a", secret, base)
    paid = {"withdrawal_id": "w1", "status": "paid", "reference": "bank-1"}
    # the global secret is not bank-a's: its batch is refused to it (404 to the sender)
    from graph.settlement import sign

    legacy = json.dumps(paid).encode()
    assert post(url, legacy, {"X-Refgraph-Signature": sign("global-secret", legacy)})[0] == 404
    status, body, _ = post(url, *bank.signed(paid))
    assert status == 200 and (body["status"], body["institution_id"]) == ("paid", "bank-a")
    # bank-a cannot confirm the batch made without an institution; the global secret can
    other = {"withdrawal_id": "w2", "status": "paid", "reference": "bank-2"}
    assert post(url, *bank.signed(other))[0] == 404
    legacy = json.dumps(other).encode()
    assert post(url, legacy, {"X-Refgraph-Signature": sign("global-secret", legacy)})[0] == 200
    from graph.rules import period_of
    from graph.store import institutions

    rows, _ = institutions.statement(g, "bank-a", period_of(int(time.time() * 1000), "month"))
    assert [(r["kind"], r["reference"], r["status"], r["amount"]) for r in rows] == [
        ("payout", "w1", "paid", 70)]                               # w2 is not bank-a's


def test_a_reconciliation_with_planted_mismatches_reports_exactly_those(world):
    from graph.statements import statement_csv
    from graph.store import institutions

    g = world["g"]
    secret = register(world)
    for n, (amount, financed) in enumerate([(12_000, 10_000), (8_000, 8_000),
                                            (6_000, 3_000), (9_000, 9_000)]):
        financed_sale(world, f"f{n}", "m1", amount, financed, 12 + n)
    lender = Institution("bank-a", secret, world["base"])
    for application, steps in (("f0", ["approved", "disbursed"]), ("f1", ["declined"]),
                               ("f2", ["approved"])):
        for step in steps:
            assert lender.callback({"application_id": application, "status": step,
                                    "reference": f"{application}-{step}"})[0] == 200
    ours, text = institutions.statement(g, "bank-a", "2026-10")
    assert [(r["kind"], r["reference"], r["status"], r["amount"]) for r in ours] == [
        ("fee", "f0", "charged", 150), ("financing", "f0", "disbursed", 10_000),
        ("financing", "f1", "declined", 8_000), ("financing", "f2", "approved", 3_000),
        ("financing", "f3", "applied", 9_000)]
    status, served, _ = post(f"{world['base']}/v1/institutions/bank-a/statements/2026-10",
                             b"", world["auth"])
    assert status == 405
    with urllib.request.urlopen(urllib.request.Request(
            f"{world['base']}/v1/institutions/bank-a/statements/2026-10",
            headers=world["auth"])) as answer:
        assert json.loads(answer.read())["csv"] == text
    # the institution's own statement: f3 unknown to it, f2 disbursed already, f1 at another
    # amount, and a payout refgraph never batched
    theirs = [r for r in ours if r["reference"] != "f3"]
    theirs = [{**r, "status": "disbursed"} if r["reference"] == "f2" else
              {**r, "amount": 7_999} if r["reference"] == "f1" else r for r in theirs]
    theirs.append({"kind": "payout", "reference": "w-99", "status": "paid", "amount": 500,
                   "at": 0})
    their_file = statement_csv("bank-a", "2026-10", theirs)
    before = ledger.balances(g), {a["id"]: a for a in financing.list_applications(g)}
    status, report, _ = post(f"{world['base']}/v1/institutions/bank-a/reconciliations",
                             {"id": "rec-1", "period": "2026-10", "statement": their_file},
                             world["auth"])
    assert status == 201, report
    assert [(m["n"], m["kind"], m["reference"], m["problem"]) for m in report["items"]] == [
        (1, "financing", "f1", "amount"), (2, "financing", "f2", "status"),
        (3, "financing", "f3", "missing_theirs"), (4, "payout", "w-99", "missing_ours")]
    assert report["items"][0] | {} == {**report["items"][0], "ours_amount": 8_000,
                                       "theirs_amount": 7_999}
    assert (report["ours"], report["theirs"], report["mismatches"], report["open"]) == \
        (5, 5, 4, 4)
    # it changed nothing
    assert (ledger.balances(g), {a["id"]: a for a in financing.list_applications(g)}) == before
    again = post(f"{world['base']}/v1/institutions/bank-a/reconciliations",
                 {"id": "rec-1", "period": "2026-10", "statement": their_file}, world["auth"])
    assert again[2]["Idempotent-Replayed"] == "true" and again[1]["items"] == report["items"]
    # a file cut short, or of another period, is refused whole
    for bad in (their_file.rsplit("\n", 3)[0] + "\n", their_file.replace("2026-10", "2026-11")):
        status, body, _ = post(f"{world['base']}/v1/institutions/bank-a/reconciliations",
                               {"id": "rec-2", "period": "2026-10", "statement": bad},
                               world["auth"])
        assert (status, body["code"]) == (422, "statement_invalid"), body
    # resolutions: one at a time, with a reason, audited
    url = f"{world['base']}/v1/institutions/bank-a/reconciliations/rec-1/mismatches/2/resolution"
    status, mismatch, _ = post(url, {"reason": "their system lags a day; disbursed on 10-16"},
                               world["auth"])
    assert status == 200 and mismatch["resolution"].startswith("their system")
    assert post(url, {"reason": "their system lags a day; disbursed on 10-16"},
                world["auth"])[2]["Idempotent-Replayed"] == "true"
    assert post(url, {"reason": "something else"}, world["auth"])[0] == 409
    assert post(url.replace("/2/", "/9/"), {"reason": "x"}, world["auth"])[0] == 404
    assert post(url, {"reason": ""}, world["auth"])[0] == 422
    got = institutions.get_reconciliation(g, "rec-1")
    assert got[0]["open"] == 3
    from graph.store import audit

    events = audit.list_events(g, action="mismatch.resolved")
    assert [e["subject"]["id"] for e in events] == ["rec-1|2"]
    assert events[0]["after"]["resolution"].startswith("their system")


def test_the_institution_and_statement_commands(tmp_path):
    from graph.statements import parse_statement, statement_csv

    from test_cli import refgraph

    added = refgraph(tmp_path, "institutions", "add", "bank-a", "--name", "Bank A",
                     "--services", "consumer_credit,payouts", "--buyer-limit", "50000",
                     "--fee-bp", "150")
    secret = added.stdout.strip()
    assert secret.startswith("rgs_") and "not shown again" in added.stderr
    assert (tmp_path / "var" / "institution.key").stat().st_mode & 0o777 == 0o600
    assert "bank-a" in refgraph(tmp_path, "institutions", "list").stdout
    shown = json.loads(refgraph(tmp_path, "institutions", "update", "bank-a", "--buyer-limit",
                                "none", "--status", "inactive", "--reason", "audit").stdout)
    assert (shown["buyer_limit"], shown["status"], shown["status_reason"]) == \
        (None, "inactive", "audit")
    assert secret not in refgraph(tmp_path, "institutions", "show", "bank-a").stdout
    rotated = refgraph(tmp_path, "institutions", "rotate-secret", "bank-a", "--id", "r1",
                       "--reason", "scheduled")
    assert rotated.stdout.strip() not in ("", secret) and "version 2" in rotated.stderr
    out = tmp_path / "ours.csv"
    refgraph(tmp_path, "statements", "write", "bank-a", "2026-10", "--out", str(out))
    assert parse_statement(out.read_text(), "bank-a", "2026-10") == []
    theirs = tmp_path / "theirs.csv"
    theirs.write_text(statement_csv("bank-a", "2026-10", [
        {"kind": "payout", "reference": "w-9", "status": "paid", "amount": 700, "at": 1}]))
    found = refgraph(tmp_path, "statements", "reconcile", "bank-a", "2026-10", str(theirs),
                     "--id", "rec-1", check=False)
    assert found.returncode == 1 and "w-9" in found.stdout and "missing_ours" in found.stdout
    resolved = refgraph(tmp_path, "statements", "resolve", "rec-1", "1", "--reason",
                        "a payout of the old platform")
    assert json.loads(resolved.stdout)["resolution"] == "a payout of the old platform"
    report = json.loads(refgraph(tmp_path, "statements", "show", "rec-1").stdout)
    assert (report["open"], report["items"][0]["resolved_by"].split(":")[0]) == (0, "cli")


# -- races (cypher/DIALECTS.md, "Concurrency"), on both backends ----------------------

MASTER = b"r" * 32


def test_financed_sales_at_once_never_pass_the_buyer_limit(example):
    from graph.errors import Refused
    from graph.store import institutions

    from test_races import race, unexpected

    institutions.register(example, MASTER, id="bank-a", name="A", services=["consumer_credit"],
                          buyer_limit=15_000)

    def buy(i):
        return sales.record_sale(example, id=f"f{i}", merchant_id=f"m{1 + i % 5}",
                                 buyer_id="ben", amount=3_000, currency="CNY",
                                 rules=DEFAULT_RULES, at=at(OCT, 20),
                                 financing={"institution_id": "bank-a", "amount": 3_000,
                                            "installments": 2})
    results = race(buy, 12)
    assert unexpected(results, Refused) == []
    refused = [r for r in results if isinstance(r, Refused)]
    assert len(refused) == 7 and {r.code for r in refused} == {"financing_limit"}
    assert sum(a["amount"] for a in financing.list_applications(example)) == 15_000


def test_duplicate_and_conflicting_callbacks_at_once_move_money_once(example):
    from graph.errors import Refused
    from graph.store import institutions

    from test_races import race, unexpected

    institutions.register(example, MASTER, id="bank-a", name="A", services=["consumer_credit"])
    sales.record_sale(example, id="f1", merchant_id="m1", buyer_id="ben", amount=10_000,
                      currency="CNY", rules=DEFAULT_RULES, at=at(OCT, 20),
                      financing={"institution_id": "bank-a", "amount": 10_000,
                                 "installments": 2})
    financing.transition(example, "f1", "approved", by="institution", reference="ok")
    # eight disbursement callbacks (a retrying institution) and four operator
    # cancellations (refused: approved) and four institution cancellations at once
    def decide(i):
        if i < 8:
            return financing.transition(example, "f1", "disbursed", by="institution",
                                        reference=f"d{i}")
        if i < 12:
            return financing.transition(example, "f1", "cancelled", by="operator")
        return financing.transition(example, "f1", "cancelled", by="institution",
                                    reference=f"c{i}")
    results = race(decide, 16)
    assert unexpected(results, Refused) == []
    final = financing.get(example, "f1")["status"]
    changed = [r for r in results if not isinstance(r, Exception) and r[1]]
    assert len(changed) == 1                      # exactly one decision took effect
    points = sales.balances(example, "ben")["points"]
    fees = {row["merchant_id"]: row["fees"]
            for row in fee_totals(example, "2026-10")}
    if final == "disbursed":
        assert (points, fees["m1"]) == (100, 500 + 500)
    else:
        assert (final, points, fees["m1"]) == ("cancelled", 0, 500)
    assert ledger.check(example) == []
