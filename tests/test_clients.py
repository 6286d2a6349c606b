"""The clients generated from the OpenAPI document (clients/, made by
tools/generate-clients) are current, and run the patent's story against a
real `refgraph serve`: the typed Python client here, the TypeScript one
(openapi-typescript's types with openapi-fetch) with Node's test runner.

The story: a card holder's referral code brings in a merchant and a buyer, the
card holder's card brings vouchers, she consents to paying with one (a
redemption token her own key mints, which the shop sends with the sale: the
shop alone cannot spend it), a sale is paid partly with it, a third of
it is refunded, October's rewards are run (the README's worked example, put in
the database before the server starts, with rules holding rewards 0 days), the
referrer's balances show the released cash, and she withdraws some of it."""

import os
import pathlib
import runpy
import shutil
import subprocess
import sys
import urllib.request

import pytest

import graph
from graph.rules import DEFAULT_RULES
from graph.store import rules as rules_store

from test_processes import refgraph, serving
from test_rewards import DAY, OCT, build_example

ROOT = pathlib.Path(__file__).resolve().parent.parent
CLIENTS = ROOT / "clients"
TYPESCRIPT = CLIENTS / "typescript"
sys.path.insert(0, str(CLIENTS / "python"))

from refgraph_client import AuthenticatedClient  # noqa: E402
from refgraph_client.api.cards import post_v1_cards  # noqa: E402
from refgraph_client.api.ledger import get_v1_ledger_check  # noqa: E402
from refgraph_client.api.rewards import (  # noqa: E402
    get_v1_users_user_id_rewards,
    post_v1_rewards_runs_period,
)
from refgraph_client.api.sales import (  # noqa: E402
    get_v1_sales_sale_id,
    post_v1_sales,
    post_v1_sales_sale_id_refunds,
)
from refgraph_client.api.users import (  # noqa: E402
    get_v1_users_user_id,
    get_v1_users_user_id_balances,
    post_v1_users,
)
from refgraph_client.api.vouchers import post_v1_users_user_id_vouchers_redemptions  # noqa: E402
from refgraph_client.api.withdrawals import (  # noqa: E402
    post_v1_withdrawals,
    post_v1_withdrawals_withdrawal_id_approve,
)
from refgraph_client.models import (  # noqa: E402
    CardPurchase,
    Decision,
    Error,
    RedemptionIn,
    RefundIn,
    Register,
    RegisterRolesItem,
    SaleIn,
    VoucherUse,
    WithdrawalIn,
)


def test_the_committed_document_is_the_served_one():
    """clients/openapi.json, which both clients are made from, is what the
    code documents now; tools/generate-clients rewrites it and the clients."""
    tool = runpy.run_path(str(ROOT / "tools" / "generate-clients"), run_name="generate_clients")
    assert (CLIENTS / "openapi.json").read_text() == tool["document_text"](), \
        "the API changed: run tools/generate-clients and commit clients/"


def test_the_committed_clients_are_what_the_document_generates():
    if not (TYPESCRIPT / "node_modules" / ".bin" / "openapi-typescript").exists():
        pytest.fail("install the TypeScript client's tools: npm ci --prefix clients/typescript")
    check = subprocess.run([sys.executable, str(ROOT / "tools" / "generate-clients"), "--check"],
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.fixture(scope="module")
def story_server(tmp_path_factory):
    """`refgraph serve` on a database holding October 2026's worked example
    under rules that hold rewards 0 days: (base URL, operator key, data dir)."""
    tmp_path = tmp_path_factory.mktemp("clients")
    backend = graph.open_backend({"GRAPH_URL": "embedded", "DATA_DIR": str(tmp_path / "var")})
    try:
        quick = DEFAULT_RULES.changed({"hold_days": 0, "min_withdrawal": 10})
        now = rules_store.now_ms
        rules_store.now_ms = lambda: OCT[0] - 2 * DAY
        try:
            rules_store.create(backend, quick, effective_from=OCT[0] - 2 * DAY,
                               note="test: no hold")
        finally:
            rules_store.now_ms = now
        build_example(backend)
    finally:
        backend.close()
    key = refgraph(tmp_path, "keys", "create", "--role", "operator").stdout.strip()
    with serving(tmp_path) as base:
        yield base, key, tmp_path


def _ok(response, status=200):
    assert response.status_code == status and not isinstance(response.parsed, Error), \
        response.content
    return response.parsed


def test_the_patent_story_through_the_python_client(story_server):
    base, key, tmp_path = story_server
    operator = AuthenticatedClient(base_url=base, token=key)

    root = _ok(post_v1_users.sync_detailed(client=operator, body=Register(
        id="py-ada", name="Ada", root=True, roles=[])), 201)
    ada_key = refgraph(tmp_path, "keys", "create", "--role", "member",
                       "--user", "py-ada").stdout.strip()
    ada = AuthenticatedClient(base_url=base, token=ada_key)
    card = _ok(post_v1_cards.sync_detailed(client=ada, body=CardPurchase(user_id="py-ada"),
                                           idempotency_key="py-card-ada"), 201)
    assert card.price == 9_900 and len(card.voucher_ids) == 10
    for user_id, role in (("py-shop", RegisterRolesItem.MERCHANT),
                          ("py-bo", RegisterRolesItem.BUYER)):
        user = _ok(post_v1_users.sync_detailed(client=operator, body=Register(
            id=user_id, name=user_id, roles=[role], referral_code=root.referral_code)), 201)
        assert user.referrer_id == "py-ada"
    assert _ok(get_v1_users_user_id.sync_detailed("py-ada", client=ada)).referrals == 2

    shop_key = refgraph(tmp_path, "keys", "create", "--role", "merchant",
                        "--user", "py-shop").stdout.strip()
    shop = AuthenticatedClient(base_url=base, token=shop_key)
    sale = SaleIn(id="py-sale-1", merchant_id="py-shop", buyer_id="py-ada", amount=12_345,
                  currency="CNY", items="1 teapot",
                  vouchers=[VoucherUse(id=card.voucher_ids[0], amount=1_000)])
    refused = post_v1_sales.sync_detailed(client=shop, body=sale)   # not without Ada's consent
    assert refused.status_code == 403 and isinstance(refused.parsed, Error)
    assert refused.parsed.code == "voucher_consent_required"
    consent = _ok(post_v1_users_user_id_vouchers_redemptions.sync_detailed(
        "py-ada", client=ada, body=RedemptionIn(voucher_ids=[card.voucher_ids[0]],
                                                max_amount=1_000, merchant_id="py-shop"),
        idempotency_key="py-checkout-1"), 201)
    sale.vouchers = [VoucherUse(id=card.voucher_ids[0], amount=1_000,
                                redemption_token=consent.token)]
    made = _ok(post_v1_sales.sync_detailed(client=shop, body=sale), 201)
    # fee 5 % of 123.45 -> 617 (half up); points 1 % of cash 113.45 -> 113
    assert (made.fee, made.points, made.voucher_paid) == (617, 113, 1_000)
    again = post_v1_sales.sync_detailed(client=shop, body=sale)
    assert again.headers.get("Idempotent-Replayed") == "true" and again.parsed == made
    refund = _ok(post_v1_sales_sale_id_refunds.sync_detailed(
        "py-sale-1", client=shop, body=RefundIn(id="py-refund-1", amount=4_115)), 201)
    assert (refund.fee, refund.points) == (206, 38)
    assert _ok(get_v1_sales_sale_id.sync_detailed("py-sale-1", client=shop)).refunded_fee == 206
    balances = _ok(get_v1_users_user_id_balances.sync_detailed("py-ada", client=ada))
    assert (balances.points, balances.voucher_balance) == (75, 9_000)

    run = _ok(post_v1_rewards_runs_period.sync_detailed("2026-10", client=operator))
    assert (run.status, run.lines, run.rewards) == ("completed", 2, 237)
    released = refgraph(tmp_path, "rewards", "release")            # the hold is 0 days
    assert released.returncode == 0, released.stderr
    lines = _ok(get_v1_users_user_id_rewards.sync_detailed("carol", client=operator))
    assert sum(line.amount for line in lines.items) == 212
    balances = _ok(get_v1_users_user_id_balances.sync_detailed("carol", client=operator))
    assert (balances.cash_pending, balances.cash_available) == (0, 212)

    withdrawal = _ok(post_v1_withdrawals.sync_detailed(client=operator, body=WithdrawalIn(
        id="py-w-1", user_id="carol", amount=101)), 201)
    assert (withdrawal.cash_amount, withdrawal.voucher_amount) == (70, 31)
    approved = _ok(post_v1_withdrawals_withdrawal_id_approve.sync_detailed(
        "py-w-1", client=operator, body=Decision()))
    assert approved.status == "approved"
    assert _ok(get_v1_ledger_check.sync_detailed(client=operator)).clean is True


def test_the_patent_story_through_the_typescript_client(story_server):
    """clients/typescript/test/story.test.mjs, type-checked by tsc against the
    generated types, run with `node --test` on the same server after the
    Python story or alone (its own ids)."""
    node = shutil.which("node")
    if not (TYPESCRIPT / "node_modules" / "openapi-fetch").exists():
        pytest.fail("install the TypeScript client: npm ci --prefix clients/typescript")
    base, key, tmp_path = story_server
    # releasing held rewards is the worker's (or `refgraph rewards release`'s)
    # job, not the API's: run October and release it here, as the Python story
    # does; the TypeScript story's own run is then a repeat
    request = urllib.request.Request(f"{base}/v1/rewards/runs/2026-10", method="POST",
                                     headers={"Authorization": f"Bearer {key}"})
    urllib.request.urlopen(request, timeout=60).close()
    assert refgraph(tmp_path, "rewards", "release").returncode == 0
    typed = subprocess.run([str(TYPESCRIPT / "node_modules" / ".bin" / "tsc"), "-p", "."],
                           cwd=TYPESCRIPT, capture_output=True, text=True, timeout=300)
    assert typed.returncode == 0, "the story does not type-check:\n" + typed.stdout
    ran = subprocess.run([node, "--test", "test/"], cwd=TYPESCRIPT, capture_output=True,
                         text=True, timeout=300,
                         env={**os.environ, "REFGRAPH_URL": base, "REFGRAPH_KEY": key})
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "# pass 1" in ran.stdout and "# skipped 0" in ran.stdout, ran.stdout
