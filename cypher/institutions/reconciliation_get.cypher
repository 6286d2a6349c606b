// name: reconciliation_get
// Reads reconciliation $id with its mismatches in order and how many are
// still open (not resolved).
// Returns: reconciliation {id, institution_id, period, at, statement_sha256,
// ours, theirs, mismatches, recorded_by, open}, items [{n, kind, reference,
// problem, ours_status, ours_amount, theirs_status, theirs_amount,
// resolved_at, resolution, resolved_by}], or no row.
MATCH (r:Reconciliation {id: $id})
OPTIONAL MATCH (r)-[:FOUND]->(x:Mismatch)
WITH r, x ORDER BY x.n
WITH r, collect(CASE WHEN x IS NULL THEN null ELSE x {
  .n, .kind, .reference, .problem, .ours_status, .ours_amount, .theirs_status, .theirs_amount,
  .resolved_at, .resolution, .resolved_by} END) AS items
RETURN r {.id, .institution_id, .period, .at, .statement_sha256, .ours, .theirs, .mismatches,
          .recorded_by, open: size([x IN items WHERE x.resolved_at IS NULL])} AS reconciliation,
  items
