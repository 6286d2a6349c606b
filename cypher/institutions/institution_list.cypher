// name: institution_list
// Institutions in id order after cursor $after, at most $limit.
// Returns one row per institution: institution {id, name, services,
// currency, status, buyer_limit, fee_bp, created_at, updated_at,
// status_reason, secret_version, secret_at, previous_until}.
MATCH (i:Institution)
WHERE $after IS NULL OR i.id > $after
RETURN i {
  .id, .name, .services, .currency, .status, .buyer_limit, .fee_bp, .created_at, .updated_at,
  .status_reason, .secret_version, .secret_at, .previous_until} AS institution
ORDER BY i.id
LIMIT $limit
