// name: payout_batch_create
// Gathers up to $limit approved withdrawals into payout batch $id for the
// financial institution (status batched).  Idempotent: a batch id used before
// returns the withdrawals it already holds.  Each withdrawal is write-locked
// and its status read again before it is taken, so batches created at once
// never share a withdrawal.  The batch is for institution $institution_id
// (null: the one the global payout secret stands for), and so is each of its
// withdrawals (institution_id), whose confirmations only that institution
// may then sign.
// Returns: batch {id, created_at, institution_id}, withdrawals [{id,
// user_id, cash_amount}].
MERGE (b:PayoutBatch {id: $id})
ON CREATE SET b.created_at = $at, b.open = true, b.institution_id = $institution_id
WITH b
OPTIONAL MATCH (w:Withdrawal {status: 'approved'})
WHERE b.open
WITH b, w ORDER BY w.id LIMIT $limit
// Lock, then re-read (cypher/DIALECTS.md, "Concurrency"): a concurrent batch
// may have taken w since it was matched.  Not a plain SET: FalkorDB refuses
// SET on a null that came through WITH.
FOREACH (x IN [y IN [w] WHERE y IS NOT NULL] | SET x._lock = true REMOVE x._lock)
FOREACH (x IN [y IN [w] WHERE y.status = 'approved'] |
  SET x.status = 'batched', x.batch_id = b.id, x.institution_id = b.institution_id
  MERGE (b)-[:PAYS]->(x))
WITH DISTINCT b
SET b.open = false
WITH b
OPTIONAL MATCH (b)-[:PAYS]->(w:Withdrawal)
WITH b, w ORDER BY w.id
RETURN b {.id, .created_at, .institution_id} AS batch,
  collect(CASE WHEN w IS NULL THEN null ELSE {id: w.id, user_id: w.user_id,
                                              cash_amount: w.cash_amount} END) AS withdrawals
