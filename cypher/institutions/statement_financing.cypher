// name: statement_financing
// The financing rows of institution $institution_id's statement for the
// period $start <= at < $end: every application made to it in that time
// (dated by its sale), with its status, financed amount and fee.
// Returns one row per application: reference (application id), status,
// amount, fee, at, institution_reference.
MATCH (a:FinancingApplication {institution_id: $institution_id})
WHERE a.applied_at >= $start AND a.applied_at < $end
RETURN a.id AS reference, a.status AS status, a.amount AS amount, a.fee AS fee,
  a.applied_at AS at, a.reference AS institution_reference
ORDER BY reference
