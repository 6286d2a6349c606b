"""The operator console in a real browser (headless Chromium): sign in,
find a user, walk the picture of their neighbourhood, read the dashboards,
decide withdrawals, sign out; on a laptop and on a phone.

Every test fails if the page raised a JavaScript error, logged a console
error it was not meant to, or asked anything of a server but refgraph's.
``REFGRAPH_SCREENSHOT=docs/console.png pytest tests/test_console_browser.py``
also saves a screenshot of the console on the seeded data there.
"""

import contextlib
import os
import re

import pytest

from graph import demo
from graph.maintenance import now_ms
from graph.rules import DEFAULT_RULES
from graph.store import keys, rewards, sales, users
from graph.store import withdrawals as wd

from browser_harness import LAPTOP, PHONE, Watch, launch, require_chromium, serve

DAY = 86_400_000
TIMEOUT_MS = 15_000


class _Browser:
    """One Chromium per module, launched on first use, so that a test whose
    backend is skipped (the Neo4j leg without NEO4J_URI) never asks for it."""

    def __init__(self):
        self._stack = contextlib.ExitStack()
        self.browser = None

    def get(self):
        if self.browser is None:
            require_chromium()
            self.browser = self._stack.enter_context(launch())
        return self.browser

    def close(self):
        self._stack.close()


@pytest.fixture(scope="module")
def _browser():
    holder = _Browser()
    yield holder
    holder.close()


@pytest.fixture
def chromium(graph_backend, _browser):
    return _browser.get()


@pytest.fixture
def server(app):
    with serve(app) as base:
        yield base


@pytest.fixture
def operator_key(graph_backend):
    return keys.create(graph_backend, "operator", name="browser test")[0]


def open_page(chromium, base, viewport=LAPTOP):
    context = chromium.new_context(viewport=viewport, base_url=base)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    return context, page, Watch(page, base)


@pytest.fixture
def laptop(chromium, server):
    context, page, watch = open_page(chromium, server)
    yield page, watch
    context.close()
    watch.check()


@pytest.fixture
def phone(chromium, server):
    context, page, watch = open_page(chromium, server, PHONE)
    yield page, watch
    context.close()
    watch.check()


def sign_in(page, key):
    page.goto("/console")
    page.fill("#key", key)
    with page.expect_navigation():
        page.click("#signin-form button[type=submit]")


# ---------------------------------------------------------------------------

def test_a_wrong_key_is_refused_with_a_message(laptop, graph_backend):
    page, watch = laptop
    watch.expect(401, "/console/session")
    watch.expect(403, "/console/session")
    sign_in(page, "rgk_0123456789ab_not-the-secret")
    message = page.locator("#signin-message")
    assert "not valid" in message.inner_text()
    assert "refgraph keys create --role operator" in message.inner_text()
    assert page.evaluate("sessionStorage.getItem('refgraph.key')") is None
    assert page.request.get("/console/static/app.js").status == 401
    assert page.locator("#view").count() == 0

    users.register(graph_backend, id="ann", name="Ann", roles=["buyer"], rules=DEFAULT_RULES,
                   root=True)
    sign_in(page, keys.create(graph_backend, "member", "ann")[0])
    message = page.locator("#signin-message").inner_text()
    assert "member key" in message and "refgraph keys create --role operator" in message
    assert page.request.get("/console/static/app.js").status == 401


# ---------------------------------------------------------------------------
# On seeded data

CHEAP_WITHDRAWALS = DEFAULT_RULES.changed({"min_withdrawal": 1})


@pytest.fixture
def seeded(graph_backend):
    """A demo network (planted abuse included) with its reward runs done and
    released, and two withdrawals waiting for a decision."""
    world = demo.generate(300, periods=3, seed=7)
    demo.load(graph_backend, world)
    for period in world.periods:
        rewards.run(graph_backend, period)
    rewards.release(graph_backend, now=now_ms() + 30 * DAY)
    cash = {user["id"]: sales.balances(graph_backend, user["id"])["cash_available"]
            for user in world.users if user["roles"] and user["roles"] != ["buyer"]}
    richest = max(cash, key=cash.get)
    assert cash[richest] >= 4, "the demo network paid no rewards"
    for name in ("w-approve", "w-reject"):
        wd.request(graph_backend, id=name, user_id=richest, amount=cash[richest] // 4,
                   rules=CHEAP_WITHDRAWALS)
    return {"world": world, "withdrawer": richest, **world.planted}


def wait_for_user(page, user_id):
    page.wait_for_url(re.compile(r"#/user/" + re.escape(user_id) + "$"))
    page.wait_for_selector(f"#user-head code:text-is('{user_id}')")
    page.wait_for_selector("#user-card dl.facts")
    page.wait_for_selector("svg.network g.node")


def test_an_operator_explores_the_network_and_decides_withdrawals(laptop, seeded, operator_key):
    page, watch = laptop
    watch.expect(404, "/v1/analytics/summary")       # not computed yet: the console offers it

    sign_in(page, operator_key)
    assert page.evaluate("sessionStorage.getItem('refgraph.key')") == operator_key
    page.wait_for_selector("#compute-analytics").click()
    page.wait_for_selector("#tiles")
    assert page.locator("#tile-users .tile-value").inner_text() == str(len(seeded["world"].users))
    for chart in ("#chart-growth", "#chart-fees", "#chart-tiers", "#chart-depth",
                  "#chart-referrals"):
        page.wait_for_selector(f"{chart} svg.plot")      # drawn once laid out, at its width
    assert page.locator("#chart-growth polyline").count() == 3
    assert page.locator("#chart-fees rect.bar").count() >= 3
    assert page.locator("#chart-tiers rect.bar").count() >= 1
    assert page.locator("#top-referrers .rank-row").count() >= 3
    page.click("#top-referrers button[data-by=fees]")
    assert page.locator("#top-referrers button[data-by=fees]").get_attribute("aria-selected") == "true"
    assert page.locator("#top-referrers .rank-row").count() >= 1

    # find the burst referrer by id: straight to their page and picture
    burst = seeded["burst_referrer"]
    page.fill("#search-input", burst)
    page.press("#search-input", "Enter")
    wait_for_user(page, burst)
    assert int(page.locator("#fact-direct dd").inner_text()) >= 30
    nodes = page.locator("svg.network g.node")
    assert nodes.count() > 30
    assert page.locator("svg.network g.node.center").get_attribute("data-id") == burst
    assert page.locator("svg.network path.edge").count() >= nodes.count() - 1
    assert page.locator("svg.network g.node.role-merchant").count() >= 1

    # sized by downline, then a click on one of their referrals moves to them
    page.click("#user-picture button[data-size=downline]")
    page.wait_for_selector("#user-picture button[data-size=downline][aria-pressed=true]")
    page.wait_for_selector("svg.network g.node")
    child = page.locator("svg.network g.node[data-level='1']").first
    child_id = child.get_attribute("data-id")
    child.locator("circle.dot").click()
    wait_for_user(page, child_id)
    assert page.locator("svg.network g.node.center").get_attribute("data-id") == child_id
    page.click("#status-action")                    # suspend, in two clicks
    page.fill("#user-head input.reason", "checking the burst")
    page.click("#status-action")
    page.wait_for_selector("#banner.ok:has-text('suspended')")
    page.wait_for_selector("#user-head .badge.suspended")
    page.go_back()
    wait_for_user(page, burst)
    referrer_link = page.locator("#fact-referrer a")   # their referrer, from the card
    referrer = referrer_link.get_attribute("href").rsplit("/", 1)[1]
    assert referrer != burst
    referrer_link.click()
    wait_for_user(page, referrer)

    # a name search with many answers lists them
    page.fill("#search-input", "User 1")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#search-results table.results tbody tr")
    assert page.locator("#search-results tbody tr").count() >= 10

    # rewards: the three runs, completed, with their totals and charts
    page.click("nav.tabs a[data-section=rewards]")
    page.wait_for_selector("#runs table.runs tbody tr")
    assert page.locator("#runs tbody tr").count() == 3
    assert page.locator("#runs .badge.completed").count() == 3
    page.wait_for_selector("#runs svg.plot rect.bar")
    assert page.locator("#runs svg.plot rect.bar").count() >= 3
    page.wait_for_selector("#chart-tiers svg.plot")

    # withdrawals: approve one, reject the other
    page.click("nav.tabs a[data-section=withdrawals]")
    page.wait_for_selector("#withdrawals tr[data-id=w-approve]")
    page.click("#withdrawals tr[data-id=w-approve] button[data-action=approve]")
    page.wait_for_selector("#banner.ok:has-text('w-approve')")
    page.wait_for_selector("#withdrawals tr[data-id=w-reject]")
    assert page.locator("#withdrawals tr[data-id=w-approve]").count() == 0
    page.fill("#withdrawals tr[data-id=w-reject] input.reason", "documents missing")
    page.click("#withdrawals tr[data-id=w-reject] button[data-action=reject]")
    page.wait_for_selector("#banner.ok:has-text('w-reject')")
    page.wait_for_selector("#withdrawals p.empty")
    page.select_option("#withdrawal-status", "")
    page.wait_for_selector("#withdrawals tr[data-id=w-reject] .badge.rejected")
    assert page.locator("#withdrawals tr[data-id=w-approve] .badge.approved").count() == 1
    assert "documents missing" in page.locator("#withdrawals tr[data-id=w-reject]").inner_text()

    # the rules in force and their history
    page.click("nav.tabs a[data-section=rules]")
    page.wait_for_selector("#rules-current dl.facts")
    assert "5 %" in page.locator("#rules-current").inner_text()
    page.wait_for_selector("#rules-history table tbody tr")

    # fraud signals, each leading to its user
    page.click("nav.tabs a[data-section=signals]")
    page.wait_for_selector("#signals li.signal")
    assert page.locator("#signals li.signal").count() >= 3
    page.select_option("#signal-kind", "self_dealing")
    page.wait_for_url(re.compile(r"#/signals\?kind=self_dealing$"))
    page.wait_for_selector("#signals li.signal")
    subject = page.locator("#signals li.signal a.user-link").first
    subject_id = subject.inner_text()
    subject.click()
    wait_for_user(page, subject_id)
    assert page.locator("#user-signals li").count() >= 1

    shot = os.environ.get("REFGRAPH_SCREENSHOT")
    if shot:
        page.goto(f"/console#/user/{burst}")
        wait_for_user(page, burst)
        page.click("#user-picture button[data-size=fees]")
        page.wait_for_selector("svg.network g.node")
        page.wait_for_timeout(300)
        page.screenshot(path=shot)

    # signing out ends the session and forgets the key
    with page.expect_navigation():
        page.click("#signout-form button")
    assert "Signed out" in page.locator("#signin-message").inner_text()
    assert page.evaluate("sessionStorage.getItem('refgraph.key')") is None
    assert page.request.get("/console/static/app.js").status == 401


def test_api_errors_are_shown_on_screen(laptop, graph_backend, operator_key):
    page, watch = laptop
    watch.expect(404, "/v1/analytics/summary")
    watch.expect(404, "/v1/analytics/users/nobody")
    watch.expect(404, "/v1/analytics/users/nobody/neighbourhood")
    sign_in(page, operator_key)
    page.goto("/console#/user/nobody")
    box = page.wait_for_selector("#user-card .error-box")
    assert "404" in box.inner_text() and "nobody" in box.inner_text()
    page.wait_for_selector("#user-picture .error-box")


def test_a_revoked_key_signs_the_console_out(app, laptop, graph_backend, operator_key):
    from api.auth import KeyCache

    app.extensions["refgraph.keys"] = KeyCache(0)    # no 5-second grace for the revoked key
    page, watch = laptop
    watch.expect(404, "/v1/analytics/summary")
    watch.expect(401, "/v1/rules")
    watch.expect(401, "/v1/rules/history")
    sign_in(page, operator_key)
    page.wait_for_selector("#compute-analytics")
    keys.revoke(graph_backend, operator_key)
    page.click("nav.tabs a[data-section=rules]")     # the API refuses the key
    page.wait_for_selector("#signin-message")
    assert "revoked" in page.locator("#signin-message").inner_text()


def test_a_new_tab_asks_for_the_key_again(chromium, server, operator_key):
    context, page, watch = open_page(chromium, server)
    watch.expect(404, "/v1/analytics/summary")
    sign_in(page, operator_key)
    other = context.new_page()                       # same cookie, no sessionStorage
    other_watch = Watch(other, server)
    other.goto("/console#/rules")
    other.wait_for_selector("#unlock-form")
    other.fill("#unlock-key", operator_key)
    other.click("#unlock-form button")
    other.wait_for_selector("#rules-current dl.facts")
    context.close()
    watch.check()
    other_watch.check()


def test_a_phone_sees_every_page_without_sideways_scrolling(phone, seeded, operator_key,
                                                             graph_backend):
    from graph.store import analytics

    page, watch = phone
    analytics.refresh(graph_backend)
    sign_in(page, operator_key)
    burst = seeded["burst_referrer"]
    pages = {"overview": "#tiles", "rewards": "#runs table", "withdrawals": "#withdrawals table",
             "rules": "#rules-history table", "signals": "#signals li.signal",
             f"user/{burst}": "svg.network g.node", "search/User 1": "#search-results table",
             "webhooks": "#webhooks p"}
    for route, ready in pages.items():
        page.goto(f"/console#/{route}")
        page.wait_for_selector(ready)
        page.wait_for_timeout(100)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1] == PHONE["width"], f"#{route} is {width[0]} px wide"


# ---------------------------------------------------------------------------
# The audit trail

@pytest.fixture
def audited(app, graph_backend, operator_key):
    """Three audited actions: a suspension and a rule change through the API
    with the operator's key, an API key made on the command line."""
    import getpass

    from api.audit import trail

    users.register(graph_backend, id="ann", name="Ann", roles=["buyer"], rules=DEFAULT_RULES,
                   root=True)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {operator_key}"}
    assert client.put("/v1/users/ann/status", json={"status": "suspended", "reason": "checking"},
                      headers=headers).status_code == 200
    assert client.post("/v1/rules", json={"rules": {"fee_bp": 300}, "note": "spring"},
                       headers=headers).status_code == 201
    trail.create_key(graph_backend, "operator", name="night shift", actor=trail.cli_actor())
    return {"key_id": operator_key.split("_", 2)[1], "os_user": getpass.getuser()}


def test_the_audit_page_lists_operator_actions_with_filters(laptop, audited, operator_key):
    from playwright.sync_api import expect  # the fixture has checked it is installed
    page, watch = laptop
    watch.expect(404, "/v1/analytics/summary")
    sign_in(page, operator_key)
    page.click("nav.tabs a[data-section=audit]")
    page.wait_for_selector("#audit table.audit tbody tr")
    rows = page.locator("#audit table.audit tbody tr")
    assert rows.count() == 3
    assert [rows.nth(i).locator("a.action").inner_text() for i in range(3)] == [
        "api_key.created", "rules.changed", "user.suspended"]
    rules = rows.nth(1).inner_text()
    assert "rules.fee_bp" in rules and "500 → 300" in rules and "spring" in rules
    assert audited["key_id"] in rules and "operator key" in rules
    assert "command line" in rows.nth(0).inner_text()
    assert "night shift" in rows.nth(0).inner_text()

    # Each filter re-renders the page after the hash changes: wait for the
    # new page (its filter fields), then for its rows, never for rows alone
    # (the old page's rows would match until the new one replaces them).
    page.select_option("#audit-action", "user.suspended")     # one action
    page.wait_for_url(re.compile(r"#/audit\?action=user\.suspended$"))
    expect(page.locator("#audit-clear")).to_have_count(1)
    expect(page.locator("#audit table.audit tbody tr[data-id]")).to_have_count(1)
    assert "active → suspended" in page.locator("#audit tbody tr").inner_text()
    page.click("#audit tbody tr a.subject")                     # everything about ann
    page.wait_for_url(re.compile(r"#/audit\?subject_id=ann$"))
    expect(page.locator("#audit-subject")).to_have_value("ann")
    expect(page.locator("#audit tbody tr[data-id]")).to_have_count(1)

    page.click("#audit-clear")                                  # by the OS user
    page.wait_for_url(re.compile(r"#/audit$"))
    expect(page.locator("#audit-clear")).to_have_count(0)
    page.fill("#audit-actor", audited["os_user"])
    page.press("#audit-actor", "Enter")
    page.wait_for_url(re.compile(r"actor="))
    expect(page.locator("#audit-clear")).to_have_count(1)
    expect(page.locator("#audit tbody tr[data-id]")).to_have_count(1)
    expect(page.locator("#audit tbody tr a.action")).to_have_text("api_key.created")
    page.fill("#audit-actor", "nobody-at-all")
    page.press("#audit-actor", "Enter")
    page.wait_for_selector("#audit p.empty")
    page.go_back()                                              # back to the OS user's
    page.wait_for_selector("#audit tbody tr a.action:has-text('api_key.created')")
    assert page.locator("#audit-actor").input_value() == audited["os_user"]


def test_the_audit_page_fits_a_phone(phone, audited, operator_key):
    page, watch = phone
    watch.expect(404, "/v1/analytics/summary")
    sign_in(page, operator_key)
    page.goto("/console#/audit")
    page.wait_for_selector("#audit table.audit tbody tr")
    page.wait_for_timeout(100)
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] == PHONE["width"], f"#/audit is {width[0]} px wide"


# ---------------------------------------------------------------------------
# Consumer finance

@pytest.fixture
def financed(app, graph_backend, tmp_path):
    """Institution bank-a with three financed sales (one disbursed, two
    waiting) and the institution's own statement of October, one row off."""
    from api.signed import master
    from graph.statements import statement_csv
    from graph.store import financing, institutions

    from test_rewards import OCT, at, build_example

    build_example(graph_backend)
    with app.app_context():
        institutions.register(graph_backend, master(), id="bank-a", name="Bank A",
                              services=["consumer_credit"], buyer_limit=100_000, fee_bp=150)
    for n, merchant in enumerate(("m1", "m2", "m3")):
        sales.record_sale(graph_backend, id=f"f{n}", merchant_id=merchant, buyer_id="ben",
                          amount=10_000, currency="CNY", rules=DEFAULT_RULES, at=at(OCT, 12 + n),
                          financing={"institution_id": "bank-a", "amount": 8_000,
                                     "installments": 6})
    for step in ("approved", "disbursed"):
        financing.transition(graph_backend, "f0", step, by="institution", reference=step)
    rows, _ = institutions.statement(graph_backend, "bank-a", "2026-10")
    theirs = tmp_path / "bank-a-2026-10.csv"
    theirs.write_text(statement_csv("bank-a", "2026-10", [
        {**r, "amount": 7_999} if r["reference"] == "f1" else r for r in rows]))
    return theirs


def test_an_operator_works_the_financing_queue_and_reconciles(laptop, financed, operator_key):
    page, watch = laptop
    watch.expect(404, "/v1/analytics/summary")
    sign_in(page, operator_key)
    page.click("nav.tabs a[data-section=financing]")
    page.wait_for_selector("#applications table.applications tbody tr")
    assert page.locator("#applications tbody tr").count() == 2          # f1 and f2 wait
    assert "Bank A" in page.locator("#institution").inner_text()
    page.fill("#applications tr[data-id=f2] input.reason", "the buyer changed their mind")
    page.click("#applications tr[data-id=f2] button[data-action=cancel]")
    page.wait_for_selector("#banner.ok:has-text('f2')")
    page.wait_for_selector("#applications tr[data-id=f1]")
    assert page.locator("#applications tr[data-id=f2]").count() == 0
    page.select_option("#application-status", "cancelled")
    page.wait_for_selector("#applications tr[data-id=f2] .badge.cancelled")
    assert "changed their mind" in page.locator("#applications tr[data-id=f2]").inner_text()

    page.fill("#reconcile-period", "2026-10")
    page.set_input_files("#reconcile-file", str(financed))
    page.click("#reconcile-form button[type=submit]")
    page.wait_for_selector("#banner.error:has-text('mismatch')")
    page.wait_for_selector("#reconciliation table.mismatches tbody tr")
    rows = page.locator("#reconciliation tbody tr")
    # f1 at another amount; f2 was cancelled after their statement was made
    assert rows.count() == 2
    assert "f1" in rows.nth(0).inner_text() and "amount" in rows.nth(0).inner_text()
    rows.nth(0).locator("input.reason").fill("their fee was taken off; corrected by them")
    rows.nth(0).locator("button[data-action=resolve]").click()
    page.wait_for_selector("#banner.ok:has-text('resolved')")
    page.wait_for_selector("#reconciliation tbody tr:has-text('corrected by them')")
    assert "1 open" in page.locator("#reconciliations table.reconciliations").inner_text()


def test_the_financing_page_fits_a_phone(phone, financed, operator_key):
    page, watch = phone
    watch.expect(404, "/v1/analytics/summary")
    sign_in(page, operator_key)
    page.goto("/console#/financing?institution=bank-a")
    page.wait_for_selector("#applications table tbody tr")
    page.wait_for_timeout(100)
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] == PHONE["width"], f"#/financing is {width[0]} px wide"
# Webhooks (issue 16)

def test_the_webhooks_page_shows_health_and_retries_a_delivery(laptop, app, graph_backend,
                                                              operator_key):
    from api.webhooks.payloads import render
    from graph.store import webhooks
    from graph.webhooks.delivery import Deliverer, Settings
    from graph.webhooks.sealing import master_of

    from webhook_receiver import Receiver

    page, watch = laptop
    watch.expect(404, "/v1/analytics/summary")
    receiver = Receiver()
    master = master_of(graph_backend, app.config["INSTITUTION_KEY"])
    try:
        receiver.script("down", 500)
        for name in ("down", "up"):
            webhooks.create_endpoint(graph_backend, id=name, url=receiver.url(name),
                                     events=["user.registered"], allow_private=True,
                                     master=master)
        users.register(graph_backend, id="ann", name="Ann", roles=["buyer"],
                       rules=DEFAULT_RULES, root=True)
        # "down" fails for good and is disabled; "up" gets its event
        Deliverer(graph_backend, render, Settings(timeout=2, allow_private=True,
                                                  retry_hours=0), master).run(30, until_idle=True)
        assert webhooks.get_endpoint(graph_backend, "down")["status"] == "disabled"
        sign_in(page, operator_key)
        page.click("nav.tabs a[data-section=webhooks]")
        page.wait_for_selector("#webhooks table.webhooks tbody tr")
        rows = page.locator("#webhooks tbody tr")
        assert rows.count() == 2
        assert "disabled" in rows.nth(0).inner_text() and "HTTP 500" in rows.nth(0).inner_text()
        assert "healthy" in rows.nth(1).inner_text()
        page.click("#webhooks a.endpoint:has-text('down')")
        page.wait_for_selector("#deliveries table.deliveries tbody tr")
        assert "0 pending, 0 delivered, 1 failed" in page.locator("#webhook-counts").inner_text()
        delivery = page.locator("#deliveries tbody tr").nth(0).inner_text()
        assert "user.registered" in delivery and "failed" in delivery and "500" in delivery
        page.click("#webhook-enable")
        page.wait_for_selector("#banner:has-text('enabled again')")
        page.wait_for_selector("#webhook-health:has-text('healthy')")
        page.click("#deliveries button[data-action=retry]")
        page.wait_for_selector("#banner:has-text('will be sent again')")
        page.wait_for_selector("#webhook-counts:has-text('1 pending')")
        trail = [e["action"] for e in app.test_client().get(
            "/v1/audit", headers={"Authorization": f"Bearer {operator_key}"}).get_json()["items"]]
        assert trail[:2] == ["webhook.delivery_retried", "webhook.updated"]
    finally:
        receiver.close()
