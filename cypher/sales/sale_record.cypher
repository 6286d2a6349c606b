// name: sale_record
// Merchant $merchant_id records sale $id of $amount (minor units) at $at,
// optionally to buyer $buyer_id and partly paid with the buyer's vouchers
// $vouchers ([{id, amount}]).  In the same statement: the management fee
// $fee is charged, the buyer earns $points, each voucher's remaining value
// drops, and the merchant's fee total for $period grows (so reward runs read
// totals, not raw sales).  Every movement is a ledger entry (fee, points,
// each voucher redemption).  Vouchers are write-locked before they are read
// (cypher/DIALECTS.md).  Idempotent on $id with $request_hash.  A sale dated
// before its merchant (or its buyer) joined is refused.  A sale dated into a
// period whose reward run is completed or running is late: refused
// (period_closed) unless $carry_period names an open period, whose fee total
// then takes the fee (the sale's period is $carry_period, carried_from
// $period, and the fee total counts it in carried_fees as well).
// Outcomes: created, replayed, id_taken, unknown_merchant, not_a_merchant,
// merchant_inactive, before_merchant_joined, unknown_buyer, buyer_inactive,
// before_buyer_joined, period_closed, voucher_unusable.
// Returns: outcome, sale {...} (null when refused), bad_vouchers (ids).
OPTIONAL MATCH (m:User {id: $merchant_id})
// coalesce: a null $buyer_id would scan every User on FalkorDB (DIALECTS.md)
OPTIONAL MATCH (b:User {id: coalesce($buyer_id, '')})
WITH m, b
UNWIND (CASE WHEN size($vouchers) = 0 THEN [null] ELSE $vouchers END) AS wanted
// Each voucher by its id, then whether the buyer owns it: written as
// (b)-[:OWNS]->(v:Voucher {id: ...}), Neo4j sometimes planned a scan of the
// whole Voucher index (tests/test_query_plans_neo4j.py).
OPTIONAL MATCH (v:Voucher {id: wanted.id})
WHERE (b)-[:OWNS]->(v)
// Lock first, then read (cypher/DIALECTS.md, "Concurrency"): a plain SET,
// a no-op when v is null.  The id is looked up after the lock.
SET v._lock = true REMOVE v._lock
WITH m, b, collect(CASE WHEN wanted IS NULL THEN null ELSE {
  id: wanted.id, amount: wanted.amount,
  ok: v IS NOT NULL AND v.status = 'active' AND v.expires_at > $at AND v.remaining >= wanted.amount
} END) AS uses
OPTIONAL MATCH (existing:Sale {id: $id})
OPTIONAL MATCH (run:RewardRun {period: $period})
OPTIONAL MATCH (later:RewardRun {period: coalesce($carry_period, '')})
WITH existing, m, b, uses,
  run IS NOT NULL AND run.status IN ['completed', 'running'] AS closed,
  later IS NOT NULL AND later.status IN ['completed', 'running'] AS later_closed
WITH existing, m, b, uses, closed,
  CASE WHEN closed THEN $carry_period ELSE $period END AS at_period,
  CASE
    WHEN existing IS NOT NULL AND existing.request_hash = $request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN m IS NULL THEN 'unknown_merchant'
    WHEN NOT m:Merchant THEN 'not_a_merchant'
    WHEN m.status <> 'active' THEN 'merchant_inactive'
    WHEN $at < m.created_at THEN 'before_merchant_joined'
    WHEN $buyer_id IS NOT NULL AND b IS NULL THEN 'unknown_buyer'
    WHEN b IS NOT NULL AND b.status <> 'active' THEN 'buyer_inactive'
    WHEN b IS NOT NULL AND $at < b.created_at THEN 'before_buyer_joined'
    WHEN closed AND ($carry_period IS NULL OR later_closed) THEN 'period_closed'
    WHEN any(use IN uses WHERE NOT use.ok) THEN 'voucher_unusable'
    ELSE 'created'
  END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  CREATE (s:Sale {
    id: $id, merchant_id: $merchant_id, buyer_id: $buyer_id, amount: $amount,
    currency: $currency, at: $at, period: at_period, items: $items,
    carried_from: CASE WHEN closed THEN $period ELSE null END,
    voucher_paid: $voucher_paid, fee_bp: $fee_bp, fee: $fee, points: $points,
    refunded_amount: 0, refunded_fee: 0, refunded_points: 0, request_hash: $request_hash})
  CREATE (m)-[:SOLD]->(s)
  MERGE (t:FeeTotal {id: $merchant_id + '|' + at_period})
  ON CREATE SET t.merchant_id = $merchant_id, t.period = at_period, t.fees = 0,
    t.refunded_fees = 0, t.sales = 0, t.amount = 0, t.refunds = 0
  MERGE (m)-[:HAS_FEES]->(t)
  SET t._lock = true REMOVE t._lock
  SET t.fees = t.fees + $fee, t.sales = t.sales + 1, t.amount = t.amount + $amount
  FOREACH (_c IN CASE WHEN closed THEN [1] ELSE [] END |
    SET t.carried_fees = coalesce(t.carried_fees, 0) + $fee)
  FOREACH (_f IN CASE WHEN $fee > 0 THEN [1] ELSE [] END |
    CREATE (:Entry {id: 'sale:' + $id + ':fee', at: $at, kind: 'fee', amount: $fee, ref: $id,
                    debit: 'merchant:' + $merchant_id + ':fees', credit: 'platform:fees'}))
  FOREACH (buyer IN CASE WHEN b IS NULL THEN [] ELSE [b] END |
    CREATE (buyer)-[:BOUGHT]->(s)
    SET buyer._lock = true REMOVE buyer._lock
    SET buyer.points = buyer.points + $points
    FOREACH (_p IN CASE WHEN $points > 0 THEN [1] ELSE [] END |
      CREATE (:Entry {id: 'sale:' + $id + ':points', at: $at, kind: 'points', amount: $points,
                      ref: $id, debit: 'platform:points', credit: 'user:' + $buyer_id + ':points'})))
  FOREACH (use IN uses |
    MERGE (voucher:Voucher {id: use.id})
    SET voucher.remaining = voucher.remaining - use.amount
    CREATE (s)-[:PAID_WITH {amount: use.amount}]->(voucher)
    CREATE (:Entry {id: 'sale:' + $id + ':voucher:' + use.id, at: $at, kind: 'voucher_redeemed',
                    amount: use.amount, ref: $id, debit: 'user:' + $buyer_id + ':vouchers',
                    credit: 'merchant:' + $merchant_id + ':voucher_receipts'}))
  // outbox (issue 16): the event of this change, only in its branch (the
  // sale's fields are copied onto it, its voucher payments as two lists)
  SET s.event_seq = coalesce(s.event_seq, 0) + 1
  CREATE (outbox:OutboxEvent {event_id: 'sale.recorded:' + $id + ':' + toString(s.event_seq),
    event_type: 'sale.recorded', event_resource: 'sale', event_resource_id: $id,
    event_seq: s.event_seq, event_at: $at, event_status: 'new',
    event_voucher_ids: [use IN uses | use.id], event_voucher_amounts: [use IN uses | use.amount]})
  SET outbox += s {.id, .merchant_id, .buyer_id, .amount, .currency, .at, .period,
                   .carried_from, .items, .voucher_paid, .fee_bp, .fee, .points,
                   .refunded_amount, .refunded_fee, .refunded_points})
WITH outcome, [use IN uses WHERE NOT use.ok | use.id] AS bad_vouchers
OPTIONAL MATCH (s:Sale {id: $id})
RETURN outcome, bad_vouchers,
  CASE WHEN outcome IN ['created', 'replayed'] THEN s {
    .id, .merchant_id, .buyer_id, .amount, .currency, .at, .period, .carried_from, .items,
    .voucher_paid,
    .fee_bp, .fee, .points, .refunded_amount, .refunded_fee, .refunded_points
  } END AS sale
