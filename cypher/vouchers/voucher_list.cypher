// name: voucher_list
// The vouchers of user $owner_id in id order after cursor $after (or null),
// at most $limit.
// Returns one row per voucher: voucher {id, owner_id, amount, remaining,
// issued_at, expires_at, status, source, revoked_at}.
MATCH (:User {id: $owner_id})-[:OWNS]->(v:Voucher)
WHERE $after IS NULL OR v.id > $after
RETURN v {.id, .owner_id, .amount, .remaining, .issued_at, .expires_at, .status, .source,
          .revoked_at} AS voucher
ORDER BY v.id
LIMIT $limit
