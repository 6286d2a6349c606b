// The patent's story through the TypeScript client, against the refgraph
// serve that tests/test_clients.py starts (REFGRAPH_URL, REFGRAPH_KEY: an
// operator key) on October 2026's worked example with rewards held 0 days.
// Run: node --test test/   (from clients/typescript)
import assert from "node:assert/strict";
import { test } from "node:test";

import { createClient } from "../src/index.mjs";

const base = process.env.REFGRAPH_URL;
const operator = createClient(base ?? "", process.env.REFGRAPH_KEY ?? "");

/**
 * The body of a successful answer, or a failure naming the error.
 * @template T
 * @param {{data?: T, error?: unknown, response: Response}} answer
 * @param {number} [status]
 * @returns {T}
 */
function ok(answer, status = 200) {
  assert.equal(answer.response.status, status, JSON.stringify(answer.error));
  assert.ok(answer.data !== undefined);
  return answer.data;
}

test("the patent story", { skip: !base && "set REFGRAPH_URL and REFGRAPH_KEY" }, async () => {
  const root = ok(await operator.POST("/v1/users", {
    body: { id: "ts-ada", name: "Ada", root: true, roles: [] },
  }), 201);
  const card = ok(await operator.POST("/v1/cards", {
    body: { user_id: "ts-ada" },
    params: { header: { "Idempotency-Key": "ts-card-ada" } },
  }), 201);
  assert.equal(card.price, 9_900);
  assert.equal(card.voucher_ids?.length, 10);
  for (const [id, role] of /** @type {const} */ ([["ts-shop", "merchant"], ["ts-bo", "buyer"]])) {
    const user = ok(await operator.POST("/v1/users", {
      body: { id, name: id, roles: [role], referral_code: root.referral_code ?? null },
    }), 201);
    assert.equal(user.referrer_id, "ts-ada");
  }

  // a voucher pays only with its holder's consent: without it, 403 and nothing moves;
  // Ada's redemption token (minted here by the operator for her; her own key
  // may too) is sent with the voucher
  const voucher = card.voucher_ids?.[0] ?? "";
  const unconsented = await operator.POST("/v1/sales", { body: {
    id: "ts-sale-1", merchant_id: "ts-shop", buyer_id: "ts-ada", amount: 12_345,
    currency: "CNY", vouchers: [{ id: voucher, amount: 1_000 }],
  } });
  assert.equal(unconsented.response.status, 403);
  assert.equal(unconsented.error?.code, "voucher_consent_required");
  const consent = ok(await operator.POST("/v1/users/{user_id}/vouchers/redemptions", {
    params: { path: { user_id: "ts-ada" } },
    body: { id: "ts-checkout-1", voucher_ids: [voucher], max_amount: 1_000,
            merchant_id: "ts-shop" },
  }), 201);
  const sale = {
    id: "ts-sale-1", merchant_id: "ts-shop", buyer_id: "ts-ada", amount: 12_345,
    currency: "CNY", items: "1 teapot",
    vouchers: [{ id: voucher, amount: 1_000, redemption_token: consent.token ?? null }],
  };
  const made = ok(await operator.POST("/v1/sales", { body: sale }), 201);
  // fee 5 % of 123.45 -> 617 (half up); points 1 % of cash 113.45 -> 113
  assert.deepEqual([made.fee, made.points, made.voucher_paid], [617, 113, 1_000]);
  const again = await operator.POST("/v1/sales", { body: sale });
  assert.equal(again.response.headers.get("Idempotent-Replayed"), "true");
  const refund = ok(await operator.POST("/v1/sales/{sale_id}/refunds", {
    params: { path: { sale_id: "ts-sale-1" } }, body: { id: "ts-refund-1", amount: 4_115 },
  }), 201);
  assert.deepEqual([refund.fee, refund.points], [206, 38]);
  const balances = ok(await operator.GET("/v1/users/{user_id}/balances", {
    params: { path: { user_id: "ts-ada" } },
  }));
  assert.deepEqual([balances.points, balances.voucher_balance], [75, 9_000]);

  // October's run (a repeat if the Python story ran first: it pays nothing more)
  const run = ok(await operator.POST("/v1/rewards/runs/{period}", {
    params: { path: { period: "2026-10" } },
  }));
  assert.deepEqual([run.status, run.lines, run.rewards], ["completed", 2, 237]);
  const lines = ok(await operator.GET("/v1/users/{user_id}/rewards", {
    params: { path: { user_id: "carol" } },
  }));
  assert.equal(lines.items?.reduce((sum, line) => sum + (line.amount ?? 0), 0), 212);
  const carol = ok(await operator.GET("/v1/users/{user_id}/balances", {
    params: { path: { user_id: "carol" } },
  }));
  assert.ok((carol.cash_available ?? 0) >= 101, JSON.stringify(carol));

  const withdrawal = ok(await operator.POST("/v1/withdrawals", {
    body: { id: "ts-w-1", user_id: "carol", amount: 101 },
  }), 201);
  assert.deepEqual([withdrawal.cash_amount, withdrawal.voucher_amount], [70, 31]);
  const rejected = ok(await operator.POST("/v1/withdrawals/{withdrawal_id}/reject", {
    params: { path: { withdrawal_id: "ts-w-1" } }, body: { reason: "story: rejected" },
  }));
  assert.equal(rejected.status, "rejected");

  // an error is the one Error body, typed
  const missing = await operator.GET("/v1/users/{user_id}", {
    params: { path: { user_id: "nobody" } },
  });
  assert.equal(missing.response.status, 404);
  assert.equal(missing.error?.status, 404);
});
