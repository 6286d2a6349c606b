// name: copy_voucher_redemption_read
// `refgraph db copy` (graph/copy.py): one page of the voucher redemption tokens
// (VoucherRedemption nodes: hashes and salts, never a token), those with id after
// $after (null: from the start) in id order, at most $limit (keyset paging: a
// resumed copy starts again from its cursor).
// Returns one row per node: cursor (id), props (every property, as stored).
MATCH (n:VoucherRedemption)
WHERE n.id IS NOT NULL AND ($after IS NULL OR n.id > $after)
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS cursor, properties(n) AS props
ORDER BY cursor
