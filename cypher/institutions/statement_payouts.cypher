// name: statement_payouts
// The payout rows of institution $institution_id's statement for the period
// $start <= at < $end: every withdrawal in a payout batch made for it in
// that time, with the batch's time, the withdrawal's status and cash part.
// Returns one row per payout: reference (withdrawal id), status, amount,
// at, batch_id, institution_reference.
MATCH (b:PayoutBatch {institution_id: $institution_id})-[:PAYS]->(w:Withdrawal)
WHERE b.created_at >= $start AND b.created_at < $end
RETURN w.id AS reference, w.status AS status, w.cash_amount AS amount, b.created_at AS at,
  b.id AS batch_id, w.reference AS institution_reference
ORDER BY reference
