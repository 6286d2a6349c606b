// name: sale_record_group
// Group commit (graph/coalesce.py): the plain sales of concurrent single
// requests, recorded in one statement, each exactly as sale_record records a
// sale without vouchers and without financing, and answered as sale_record
// answers it.  $sales is a list of {id, merchant_id, buyer_id, amount,
// currency, at, period, carry_period, items, fee_bp, fee, points,
// request_hash, rules_version, rules_change_id}, with distinct ids (the
// caller sends a repeated id in a later statement).  Each sale gets its own
// outcome; a refused sale writes nothing and does not stop the others.  The
// checks and their order are sale_record's: a replay or id_taken first, then
// the rules-version check of the caller's cached rules (rules_version and
// rules_change_id, both null: no check; rules_changed when a newer version
// exists or that one is not there), the merchant, the buyer, the closed
// period (period_closed unless carry_period names an open period, which then
// takes the fee).  A created sale writes what sale_record writes for it: the
// fee total of its period (locked before it grows), the buyer's points
// (locked likewise), the sale with its SOLD and BOUGHT links, its fee and
// points ledger entries, and its sale.recorded outbox event with empty
// voucher lists.
// Outcomes per sale: created, replayed, id_taken, rules_changed,
// unknown_merchant, not_a_merchant, merchant_inactive, before_merchant_joined,
// unknown_buyer, buyer_inactive, before_buyer_joined, period_closed.
// Returns one row per sale: id, outcome, sale (the map sale_record returns;
// null when refused).
UNWIND $sales AS item
OPTIONAL MATCH (m:User {id: item.merchant_id})
OPTIONAL MATCH (b:User {id: item.buyer_id})
OPTIONAL MATCH (existing:Sale {id: item.id})
OPTIONAL MATCH (run:RewardRun {period: item.period})
OPTIONAL MATCH (later:RewardRun {period: coalesce(item.carry_period, '')})
// versions are unique and numbered 1, 2, ... (rules_create): at most one each
OPTIONAL MATCH (newer:RuleSet {version: coalesce(item.rules_version + 1, -1)})
OPTIONAL MATCH (known:RuleSet {version: coalesce(item.rules_version, -1)})
WITH item, existing, m, b,
  run IS NOT NULL AND run.status IN ['completed', 'running'] AS closed,
  later IS NOT NULL AND later.status IN ['completed', 'running'] AS later_closed,
  item.rules_version IS NOT NULL AND (newer IS NOT NULL OR (item.rules_version > 0 AND
    (known IS NULL OR known.change_id <> item.rules_change_id))) AS rules_changed
WITH item, existing, m, b, closed,
  CASE WHEN closed THEN item.carry_period ELSE item.period END AS at_period,
  CASE
    WHEN existing IS NOT NULL AND existing.request_hash = item.request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN rules_changed THEN 'rules_changed'
    WHEN m IS NULL THEN 'unknown_merchant'
    WHEN NOT m:Merchant THEN 'not_a_merchant'
    WHEN m.status <> 'active' THEN 'merchant_inactive'
    WHEN item.at < m.created_at THEN 'before_merchant_joined'
    WHEN item.buyer_id IS NOT NULL AND b IS NULL THEN 'unknown_buyer'
    WHEN b IS NOT NULL AND b.status <> 'active' THEN 'buyer_inactive'
    WHEN b IS NOT NULL AND item.at < b.created_at THEN 'before_buyer_joined'
    WHEN closed AND (item.carry_period IS NULL OR later_closed) THEN 'period_closed'
    ELSE 'created'
  END AS outcome
// Writes: every SET on an existing node before the first CREATE, and every
// created node with all its properties in its CREATE (cypher/DIALECTS.md,
// "Writes after creations").
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  MERGE (t:FeeTotal {id: item.merchant_id + '|' + at_period})
  ON CREATE SET t.merchant_id = item.merchant_id, t.period = at_period, t.fees = 0,
    t.refunded_fees = 0, t.sales = 0, t.amount = 0, t.refunds = 0
  MERGE (m)-[:HAS_FEES]->(t)
  SET t._lock = true REMOVE t._lock
  SET t.fees = t.fees + item.fee, t.sales = t.sales + 1, t.amount = t.amount + item.amount
  FOREACH (_c IN CASE WHEN closed THEN [1] ELSE [] END |
    SET t.carried_fees = coalesce(t.carried_fees, 0) + item.fee)
  FOREACH (buyer IN CASE WHEN b IS NULL THEN [] ELSE [b] END |
    SET buyer._lock = true REMOVE buyer._lock
    SET buyer.points = buyer.points + item.points)
  CREATE (s:Sale {
    id: item.id, merchant_id: item.merchant_id, buyer_id: item.buyer_id, amount: item.amount,
    currency: item.currency, at: item.at, period: at_period, items: item.items,
    carried_from: CASE WHEN closed THEN item.period ELSE null END,
    voucher_paid: 0, fee_bp: item.fee_bp, fee: item.fee, points: item.points,
    refunded_amount: 0, refunded_fee: 0, refunded_points: 0, request_hash: item.request_hash,
    event_seq: 1})
  CREATE (m)-[:SOLD]->(s)
  FOREACH (_f IN CASE WHEN item.fee > 0 THEN [1] ELSE [] END |
    CREATE (:Entry {id: 'sale:' + item.id + ':fee', at: item.at, kind: 'fee', amount: item.fee,
                    ref: item.id, debit: 'merchant:' + item.merchant_id + ':fees',
                    credit: 'platform:fees'}))
  FOREACH (buyer IN CASE WHEN b IS NULL THEN [] ELSE [b] END |
    CREATE (buyer)-[:BOUGHT]->(s)
    FOREACH (_p IN CASE WHEN item.points > 0 THEN [1] ELSE [] END |
      CREATE (:Entry {id: 'sale:' + item.id + ':points', at: item.at, kind: 'points',
                      amount: item.points, ref: item.id, debit: 'platform:points',
                      credit: 'user:' + item.buyer_id + ':points'})))
  // outbox (issue 16): the event of this change, only in its branch, as
  // sale_record writes it for a sale without vouchers (event_seq 1).
  CREATE (:OutboxEvent {event_id: 'sale.recorded:' + item.id + ':1',
    event_type: 'sale.recorded', event_resource: 'sale', event_resource_id: item.id,
    event_seq: 1, event_at: item.at, event_status: 'new',
    event_voucher_ids: [], event_voucher_amounts: [],
    id: item.id, merchant_id: item.merchant_id, buyer_id: item.buyer_id, amount: item.amount,
    currency: item.currency, at: item.at, period: at_period, items: item.items,
    carried_from: CASE WHEN closed THEN item.period ELSE null END,
    voucher_paid: 0, fee_bp: item.fee_bp, fee: item.fee, points: item.points,
    refunded_amount: 0, refunded_fee: 0, refunded_points: 0}))
WITH item, outcome
OPTIONAL MATCH (s:Sale {id: item.id})
RETURN item.id AS id, outcome,
  CASE WHEN outcome IN ['created', 'replayed'] THEN s {
    .id, .merchant_id, .buyer_id, .amount, .currency, .at, .period, .carried_from, .items,
    .voucher_paid,
    .fee_bp, .fee, .points, .refunded_amount, .refunded_fee, .refunded_points,
    .financing_id, .financed_amount, .financing_status, .voided_at
  } END AS sale
