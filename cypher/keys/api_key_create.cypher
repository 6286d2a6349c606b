// name: api_key_create
// Stores API key $id (the public part) with the SHA-256 $hash of its secret,
// its $role and the user it is bound to ($user_id, null for operators).
// Returns: key {id, role, user_id, name, created_at}.
MERGE (k:ApiKey {id: $id})
ON CREATE SET k.hash = $hash, k.role = $role, k.user_id = $user_id, k.name = $name,
  k.created_at = $at
RETURN k {.id, .role, .user_id, .name, .created_at} AS key
