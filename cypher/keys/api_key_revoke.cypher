// name: api_key_revoke
// Revokes API key $id; revoking twice keeps the first time.
// Returns: key {id, role, user_id, name, created_at, revoked_at}, or no row.
MATCH (k:ApiKey {id: $id})
SET k.revoked_at = coalesce(k.revoked_at, $at)
RETURN k {.id, .role, .user_id, .name, .created_at, .revoked_at} AS key
