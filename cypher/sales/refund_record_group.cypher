// name: refund_record_group
// Group commit (graph/coalesce.py): the refunds of concurrent single
// requests, recorded in one statement, each exactly as refund_record records
// it (read its header: the lock on the sale, the cumulative rounding, the
// outcomes and their order, the late policy with item.carry_period, the
// ledger entries and the outbox event) and answered as refund_record
// answers it.  $refunds is a list of {id, sale_id, amount, at, reason,
// period, request_hash, carry_period}, with distinct ids and at most one
// refund per sale (the caller sends the others in a later statement): rows
// of one statement read the sale before any of them writes it on FalkorDB.
// Outcomes per refund: created, replayed, id_taken, unknown_sale,
// before_sale, financing_undecided, sale_void, period_closed, over_refund.
// Returns one row per refund: id, outcome, refundable (what could still be
// refunded of its sale, null without one), refund (the map refund_record
// returns; null when refused).
UNWIND $refunds AS item
OPTIONAL MATCH (s:Sale {id: item.sale_id})
// Lock first, then read (cypher/DIALECTS.md, "Concurrency"): a plain SET,
// a no-op when s is null.  The id is looked up after the lock.
SET s._lock = true REMOVE s._lock
WITH item, s
OPTIONAL MATCH (existing:Refund {id: item.id})
// The merchant and buyer by their ids, stored on the sale: an index seek
// (FalkorDB planned the traversal from the sale as a scan of the merchant's
// edges, tests/test_query_plans.py).
OPTIONAL MATCH (m:User {id: coalesce(s.merchant_id, '')})
OPTIONAL MATCH (b:User {id: coalesce(s.buyer_id, '')})
OPTIONAL MATCH (run:RewardRun {period: item.period})
OPTIONAL MATCH (later:RewardRun {period: coalesce(item.carry_period, '')})
WITH item, existing, s, m, b,
  run IS NOT NULL AND run.status IN ['completed', 'running'] AS closed,
  later IS NOT NULL AND later.status IN ['completed', 'running'] AS later_closed
WITH item, existing, s, m, b, closed,
  CASE WHEN closed THEN item.carry_period ELSE item.period END AS at_period,
  CASE
    WHEN existing IS NOT NULL AND existing.request_hash = item.request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN s IS NULL THEN 'unknown_sale'
    WHEN item.at < s.at THEN 'before_sale'
    WHEN s.financing_status IN ['applied', 'approved'] THEN 'financing_undecided'
    WHEN s.financing_status IN ['declined', 'cancelled'] THEN 'sale_void'
    WHEN closed AND (item.carry_period IS NULL OR later_closed) THEN 'period_closed'
    WHEN s.refunded_amount + item.amount > s.amount THEN 'over_refund'
    ELSE 'created'
  END AS outcome
WITH item, existing, s, m, b, outcome, closed, at_period,
  CASE WHEN outcome = 'created' THEN
    (2 * s.fee * (s.refunded_amount + item.amount) + s.amount) / (2 * s.amount) - s.refunded_fee
  ELSE 0 END AS fee_back,
  CASE WHEN outcome = 'created' THEN
    (2 * s.points * (s.refunded_amount + item.amount) + s.amount) / (2 * s.amount) - s.refunded_points
  ELSE 0 END AS points_back
// Writes: every SET on an existing node before the first CREATE, and every
// created node with all its properties in its CREATE (cypher/DIALECTS.md,
// "Writes after creations").
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  SET s.refunded_amount = s.refunded_amount + item.amount,
      s.refunded_fee = s.refunded_fee + fee_back,
      s.refunded_points = s.refunded_points + points_back
  MERGE (t:FeeTotal {id: s.merchant_id + '|' + at_period})
  ON CREATE SET t.merchant_id = s.merchant_id, t.period = at_period, t.fees = 0,
    t.refunded_fees = 0, t.sales = 0, t.amount = 0, t.refunds = 0
  MERGE (m)-[:HAS_FEES]->(t)
  SET t._lock = true REMOVE t._lock
  SET t.refunded_fees = t.refunded_fees + fee_back, t.refunds = t.refunds + 1
  FOREACH (_c IN CASE WHEN closed THEN [1] ELSE [] END |
    SET t.carried_refunded_fees = coalesce(t.carried_refunded_fees, 0) + fee_back)
  FOREACH (buyer IN CASE WHEN b IS NULL THEN [] ELSE [b] END |
    SET buyer._lock = true REMOVE buyer._lock
    SET buyer.points = buyer.points - points_back)
  CREATE (r:Refund {
    id: item.id, sale_id: item.sale_id, merchant_id: s.merchant_id, buyer_id: s.buyer_id,
    amount: item.amount, fee: fee_back, points: points_back, at: item.at, period: at_period,
    carried_from: CASE WHEN closed THEN item.period ELSE null END,
    reason: item.reason, request_hash: item.request_hash, event_seq: 1})
  CREATE (s)-[:REFUNDED]->(r)
  FOREACH (_f IN CASE WHEN fee_back > 0 THEN [1] ELSE [] END |
    CREATE (:Entry {id: 'refund:' + item.id + ':fee', at: item.at, kind: 'fee_refunded', amount: fee_back,
                    ref: item.id, debit: 'platform:fees', credit: 'merchant:' + s.merchant_id + ':fees'}))
  FOREACH (buyer IN CASE WHEN b IS NULL OR points_back <= 0 THEN [] ELSE [b] END |
    CREATE (:Entry {id: 'refund:' + item.id + ':points', at: item.at, kind: 'points_refunded',
                    amount: points_back, ref: item.id, debit: 'user:' + buyer.id + ':points',
                    credit: 'platform:points'}))
  // outbox (issue 16): the event of this change, only in its branch, with the
  // refund's fields (graph/webhooks/events.py).  A new refund's event is its
  // first (event_seq 1).
  CREATE (:OutboxEvent {event_id: 'refund.recorded:' + item.id + ':1',
    event_type: 'refund.recorded', event_resource: 'refund', event_resource_id: item.id,
    event_seq: 1, event_at: item.at, event_status: 'new',
    id: item.id, sale_id: item.sale_id, merchant_id: s.merchant_id, buyer_id: s.buyer_id,
    amount: item.amount, fee: fee_back, points: points_back, at: item.at, period: at_period,
    carried_from: CASE WHEN closed THEN item.period ELSE null END, reason: item.reason}))
WITH item, outcome, s
OPTIONAL MATCH (r:Refund {id: item.id})
RETURN item.id AS id, outcome,
  CASE WHEN s IS NULL THEN null ELSE s.amount - s.refunded_amount END AS refundable,
  CASE WHEN outcome IN ['created', 'replayed'] THEN
    r {.id, .sale_id, .merchant_id, .buyer_id, .amount, .fee, .points, .at, .period,
       .carried_from, .reason}
  END AS refund
