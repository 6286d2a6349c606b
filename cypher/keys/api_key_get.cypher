// name: api_key_get
// Reads API key $id for authentication.
// Returns: key {id, hash, role, user_id, name, created_at, revoked_at}, or no row.
MATCH (k:ApiKey {id: $id})
RETURN k {.id, .hash, .role, .user_id, .name, .created_at, .revoked_at} AS key
