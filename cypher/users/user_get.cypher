// name: user_get
// Reads user $id with their direct-referral count.
// Returns: user {id, name, status, created_at, referral_code, referrer_id,
// root, labels, referrals}, or no row.
MATCH (u:User {id: $id})
OPTIONAL MATCH (u)-[:REFERRED]->(d:User)
WITH u, count(d) AS referrals
RETURN u {
  .id, .name, .status, .created_at, .referral_code, .referrer_id, .root,
  labels: labels(u), referrals: referrals
} AS user
