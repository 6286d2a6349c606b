// name: user_list
// Lists users in id order after the cursor $after (null: from the start),
// filtered by $role ('buyer', 'merchant', 'cardholder' or null), $status
// (or null) and $referrer_id (or null); at most $limit rows.
// Returns one row per user: user {id, name, status, created_at, referrer_id,
// root, labels}.
MATCH (u:User)
WHERE ($after IS NULL OR u.id > $after)
  AND ($status IS NULL OR u.status = $status)
  AND ($referrer_id IS NULL OR u.referrer_id = $referrer_id)
  AND ($role IS NULL
       OR ($role = 'buyer' AND u:Buyer)
       OR ($role = 'merchant' AND u:Merchant)
       OR ($role = 'cardholder' AND u:CardHolder))
RETURN u {
  .id, .name, .status, .created_at, .referrer_id, .root, labels: labels(u)
} AS user
ORDER BY u.id
LIMIT $limit
