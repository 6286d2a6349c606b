// name: api_key_list
// Every API key, oldest first (never the hash).
// Returns one row per key: key {id, role, user_id, name, created_at, revoked_at}.
MATCH (k:ApiKey)
RETURN k {.id, .role, .user_id, .name, .created_at, .revoked_at} AS key
ORDER BY k.created_at, k.id
