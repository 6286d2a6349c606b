// name: fee_totals_ensure
// Makes the zero fee totals a batch of sales will add to, before the batch
// (graph.store.sales.record_sales): $totals is a list of {merchant_id,
// period}, each once.  Totals that exist, and merchants that do not, are left alone.
// A zero total changes no sum, so this is safe to run again or alone.  Each
// total is written whole by CREATE: on FalkorDB, MERGE ... ON CREATE SET
// costs time in proportion to the graph per node created (cypher/DIALECTS.md).
// Returns: created.
UNWIND $totals AS total
MATCH (m:User {id: total.merchant_id}) WHERE m:Merchant
OPTIONAL MATCH (existing:FeeTotal {id: total.merchant_id + '|' + total.period})
WITH m, total WHERE existing IS NULL
CREATE (m)-[:HAS_FEES]->(t:FeeTotal {id: total.merchant_id + '|' + total.period,
  merchant_id: total.merchant_id, period: total.period, fees: 0, refunded_fees: 0, sales: 0,
  amount: 0, refunds: 0})
RETURN count(t) AS created
