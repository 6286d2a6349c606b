// name: reconciliation_list
// The reconciliations of institution $institution_id, newest first (by at,
// then id), strictly after the cursor ($before_at, $before_id; null: from
// the newest), at most $limit, each with how many mismatches are still open.
// Returns one row per reconciliation: reconciliation {id, institution_id,
// period, at, statement_sha256, ours, theirs, mismatches, recorded_by, open}.
MATCH (r:Reconciliation {institution_id: $institution_id})
WHERE $before_at IS NULL OR r.at < $before_at OR (r.at = $before_at AND r.id > $before_id)
WITH r ORDER BY r.at DESC, r.id LIMIT $limit
OPTIONAL MATCH (r)-[:FOUND]->(x:Mismatch)
WHERE x.resolved_at IS NULL
WITH r, count(x) AS open
RETURN r {.id, .institution_id, .period, .at, .statement_sha256, .ours, .theirs, .mismatches,
          .recorded_by, open: open} AS reconciliation
ORDER BY r.at DESC, r.id
