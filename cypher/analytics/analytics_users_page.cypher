// name: analytics_users_page
// Loads the network for the whole-network analytics, a page at a time: the
// users after id $after (null: from the start) in id order, at most $limit.
// Returns one row per user: id, name, labels, status, created_at,
// referrer_id, root, phone_hash, device_id, payment_hash.
MATCH (u:User)
WHERE $after IS NULL OR u.id > $after
RETURN u.id AS id, u.name AS name, labels(u) AS labels, u.status AS status,
  u.created_at AS created_at, u.referrer_id AS referrer_id, u.root AS root,
  u.phone_hash AS phone_hash, u.device_id AS device_id, u.payment_hash AS payment_hash
ORDER BY u.id
LIMIT $limit
