// name: institution_get
// Reads institution $id, with the salts its secrets are derived from (for
// graph/store/institutions.py only; never answered to clients).
// Returns: institution {id, name, services, currency, status, buyer_limit,
// fee_bp, created_at, updated_at, status_reason, secret_version, secret_at,
// secret_change, salt, key_id, previous_salt, previous_until}, or no row.
MATCH (i:Institution {id: $id})
RETURN i {
  .id, .name, .services, .currency, .status, .buyer_limit, .fee_bp, .created_at, .updated_at,
  .status_reason, .secret_version, .secret_at, .secret_change, .salt, .key_id,
  .previous_salt, .previous_until} AS institution
