// name: sale_record_batch
// Records many sales in one statement, each exactly as sale_record does but
// without voucher payments (send those one by one): $sales is a list of
// {id, merchant_id, buyer_id, amount, currency, at, period, carry_period,
// items, fee_bp, fee, points, request_hash}, with distinct ids.  Each sale
// gets its own outcome; a refused sale writes nothing and does not stop the
// others.  A sale dated before its merchant (or its buyer) joined is refused;
// a late one (its period's reward run completed or running) as in sale_record:
// period_closed unless carry_period names an open period, which takes its fee.
// Outcomes per sale: created, replayed, id_taken, unknown_merchant,
// not_a_merchant, merchant_inactive, before_merchant_joined, unknown_buyer,
// buyer_inactive, before_buyer_joined, period_closed.
// Returns one row per sale, in order: id, outcome.
UNWIND $sales AS sale
OPTIONAL MATCH (existing:Sale {id: sale.id})
OPTIONAL MATCH (m:User {id: sale.merchant_id})
OPTIONAL MATCH (b:User {id: sale.buyer_id})
OPTIONAL MATCH (run:RewardRun {period: sale.period})
OPTIONAL MATCH (later:RewardRun {period: coalesce(sale.carry_period, '')})
WITH sale, existing, m, b,
  run IS NOT NULL AND run.status IN ['completed', 'running'] AS closed,
  later IS NOT NULL AND later.status IN ['completed', 'running'] AS later_closed
WITH sale, existing, m, b, closed,
  CASE WHEN closed THEN sale.carry_period ELSE sale.period END AS at_period,
  CASE
    WHEN existing IS NOT NULL AND existing.request_hash = sale.request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN m IS NULL THEN 'unknown_merchant'
    WHEN NOT m:Merchant THEN 'not_a_merchant'
    WHEN m.status <> 'active' THEN 'merchant_inactive'
    WHEN sale.at < m.created_at THEN 'before_merchant_joined'
    WHEN sale.buyer_id IS NOT NULL AND b IS NULL THEN 'unknown_buyer'
    WHEN b IS NOT NULL AND b.status <> 'active' THEN 'buyer_inactive'
    WHEN b IS NOT NULL AND sale.at < b.created_at THEN 'before_buyer_joined'
    WHEN closed AND (sale.carry_period IS NULL OR later_closed) THEN 'period_closed'
    ELSE 'created'
  END AS outcome
// Writes: every SET on an existing node before the first CREATE, and every
// created node with all its properties in its CREATE (cypher/DIALECTS.md,
// "Writes after creations").
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  MERGE (t:FeeTotal {id: sale.merchant_id + '|' + at_period})
  ON CREATE SET t.merchant_id = sale.merchant_id, t.period = at_period, t.fees = 0,
    t.refunded_fees = 0, t.sales = 0, t.amount = 0, t.refunds = 0
  MERGE (m)-[:HAS_FEES]->(t)
  SET t._lock = true REMOVE t._lock
  SET t.fees = t.fees + sale.fee, t.sales = t.sales + 1, t.amount = t.amount + sale.amount
  FOREACH (_c IN CASE WHEN closed THEN [1] ELSE [] END |
    SET t.carried_fees = coalesce(t.carried_fees, 0) + sale.fee)
  FOREACH (buyer IN CASE WHEN b IS NULL THEN [] ELSE [b] END |
    SET buyer._lock = true REMOVE buyer._lock
    SET buyer.points = buyer.points + sale.points)
  CREATE (s:Sale {
    id: sale.id, merchant_id: sale.merchant_id, buyer_id: sale.buyer_id, amount: sale.amount,
    currency: sale.currency, at: sale.at, period: at_period, items: sale.items,
    carried_from: CASE WHEN closed THEN sale.period ELSE null END,
    voucher_paid: 0, fee_bp: sale.fee_bp, fee: sale.fee, points: sale.points,
    refunded_amount: 0, refunded_fee: 0, refunded_points: 0, request_hash: sale.request_hash,
    event_seq: 1})
  CREATE (m)-[:SOLD]->(s)
  FOREACH (_f IN CASE WHEN sale.fee > 0 THEN [1] ELSE [] END |
    CREATE (:Entry {id: 'sale:' + sale.id + ':fee', at: sale.at, kind: 'fee', amount: sale.fee,
                    ref: sale.id, debit: 'merchant:' + sale.merchant_id + ':fees',
                    credit: 'platform:fees'}))
  FOREACH (buyer IN CASE WHEN b IS NULL THEN [] ELSE [b] END |
    CREATE (buyer)-[:BOUGHT]->(s)
    FOREACH (_p IN CASE WHEN sale.points > 0 THEN [1] ELSE [] END |
      CREATE (:Entry {id: 'sale:' + sale.id + ':points', at: sale.at, kind: 'points',
                      amount: sale.points, ref: sale.id, debit: 'platform:points',
                      credit: 'user:' + sale.buyer_id + ':points'})))
  // outbox (issue 16): the event of this change, only in its branch, with
  // the sale's fields (graph/webhooks/events.py).  A new sale's event is its
  // first (event_seq 1).
  CREATE (:OutboxEvent {
    event_id: 'sale.recorded:' + sale.id + ':1',
    event_type: 'sale.recorded', event_resource: 'sale', event_resource_id: sale.id,
    event_seq: 1, event_at: sale.at, event_status: 'new',
    id: sale.id, merchant_id: sale.merchant_id, buyer_id: sale.buyer_id, amount: sale.amount,
    currency: sale.currency, at: sale.at, period: at_period, items: sale.items,
    carried_from: CASE WHEN closed THEN sale.period ELSE null END,
    voucher_paid: 0, fee_bp: sale.fee_bp, fee: sale.fee, points: sale.points,
    refunded_amount: 0, refunded_fee: 0, refunded_points: 0}))
RETURN sale.id AS id, outcome
