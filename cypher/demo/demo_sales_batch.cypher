// name: demo_sales_batch
// Records demo sales in bulk (refgraph demo seed, the benchmarks): the same
// nodes, edges, ledger entries and events as sale_record_batch writes for
// the same sales, with the per-merchant fee totals and the buyers' points
// added up in Python beforehand (graph.demo.sales_bulk_rows), so that each
// fee total and each buyer is written once per batch instead of once per
// sale.  $sale_ids: the ids of $sales.  $sales: {id, merchant_id, buyer_id,
// amount, currency, at, period, items, fee_bp, fee, points, request_hash},
// valid and in open periods (graph.demo.load checks).  $totals: {id,
// merchant_id, period, fees, sales, amount}, one per fee total the sales
// touch.  $buyers: {id, points}, one per buyer with points.  If any of the
// sales exists already, or a merchant or buyer is missing or not active,
// nothing is written (created 0): the caller then sends the sales through
// sale_record_batch, which answers per sale.  $merchant_ids, $buyer_ids:
// the distinct merchant and buyer ids of $sales.
// Writes: every SET on an existing node before the first CREATE
// (cypher/DIALECTS.md, "Writes after creations").
// Returns: created.
OPTIONAL MATCH (existing:Sale) WHERE existing.id IN $sale_ids
WITH count(existing) AS taken
OPTIONAL MATCH (m:User) WHERE m.id IN $merchant_ids AND m:Merchant AND m.status = 'active'
WITH taken, count(m) AS merchants
OPTIONAL MATCH (b:User) WHERE b.id IN $buyer_ids AND b.status = 'active'
WITH taken, merchants, count(b) AS buyers
WHERE taken = 0 AND merchants = size($merchant_ids) AND buyers = size($buyer_ids)
// Each step below keeps at least one row when the one before had one, and
// each "WITH count(*) AS n WHERE n > 0" ends the statement when the gate
// above let no row through (a count of no rows is one row, with 0).
UNWIND $totals AS t
OPTIONAL MATCH (f:FeeTotal {id: t.id})
FOREACH (x IN CASE WHEN f IS NULL THEN [] ELSE [f] END |
  SET x.fees = x.fees + t.fees, x.sales = x.sales + t.sales, x.amount = x.amount + t.amount)
WITH count(*) AS n WHERE n > 0
UNWIND CASE WHEN size($buyers) = 0 THEN [{id: '', points: 0}] ELSE $buyers END AS p
OPTIONAL MATCH (b:User {id: p.id})
FOREACH (x IN CASE WHEN b IS NULL THEN [] ELSE [b] END | SET x.points = x.points + p.points)
WITH count(*) AS n WHERE n > 0
UNWIND $totals AS t
OPTIONAL MATCH (f:FeeTotal {id: t.id})
OPTIONAL MATCH (m:User {id: t.merchant_id})
FOREACH (_ IN CASE WHEN f IS NULL THEN [1] ELSE [] END |
  CREATE (m)-[:HAS_FEES]->(:FeeTotal {
    id: t.id, merchant_id: t.merchant_id, period: t.period, fees: t.fees, refunded_fees: 0,
    sales: t.sales, amount: t.amount, refunds: 0}))
WITH count(*) AS n WHERE n > 0
UNWIND $sales AS sale
MATCH (m:User {id: sale.merchant_id})
OPTIONAL MATCH (b:User {id: sale.buyer_id})
CREATE (s:Sale {
  id: sale.id, merchant_id: sale.merchant_id, buyer_id: sale.buyer_id, amount: sale.amount,
  currency: sale.currency, at: sale.at, period: sale.period, items: sale.items,
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
// outbox (issue 16): as sale_record_batch, the sale's first event
CREATE (:OutboxEvent {
  event_id: 'sale.recorded:' + sale.id + ':1',
  event_type: 'sale.recorded', event_resource: 'sale', event_resource_id: sale.id,
  event_seq: 1, event_at: sale.at, event_status: 'new',
  id: sale.id, merchant_id: sale.merchant_id, buyer_id: sale.buyer_id, amount: sale.amount,
  currency: sale.currency, at: sale.at, period: sale.period, items: sale.items,
  voucher_paid: 0, fee_bp: sale.fee_bp, fee: sale.fee, points: sale.points,
  refunded_amount: 0, refunded_fee: 0, refunded_points: 0})
RETURN count(*) AS created
