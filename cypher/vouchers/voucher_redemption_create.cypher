// name: voucher_redemption_create
// User $user_id consents to paying with their vouchers $voucher_ids: a
// redemption token (graph/store/redemptions.py) that one sale may use, for
// at most $max_amount from those vouchers together, at merchant $merchant_id
// (null: any merchant), until $expires_at.  The token itself is not kept:
// only its sha256 ($token_hash), by which a sale finds it
// (cypher/sales/sale_record.cypher), and the random $salt it is derived
// from under the master key, so that a replay answers the same token.
// Every voucher must be the user's, and the merchant, when named, a
// merchant.  Idempotent on $id with $request_hash.
// Outcomes: created, replayed, id_taken, unknown_user, vouchers_not_owned,
// unknown_merchant.
// Returns: outcome, redemption {id, user_id, voucher_ids, max_amount,
// merchant_id, created_at, expires_at, used_by, used_at, salt, token_hash}
// (null when refused), bad_vouchers (the ids that are not the user's).
OPTIONAL MATCH (existing:VoucherRedemption {id: $id})
OPTIONAL MATCH (u:User {id: $user_id})
OPTIONAL MATCH (m:User {id: coalesce($merchant_id, '')})
WITH existing, u, m
UNWIND (CASE WHEN size($voucher_ids) = 0 THEN [null] ELSE $voucher_ids END) AS wanted
// each voucher by its id, then whether the user owns it (as in sale_record)
OPTIONAL MATCH (v:Voucher {id: coalesce(wanted, '')})
WHERE (u)-[:OWNS]->(v)
WITH existing, u, m,
  collect(CASE WHEN wanted IS NOT NULL AND v IS NULL THEN wanted END) AS bad_vouchers
WITH existing, u, bad_vouchers,
  CASE
    WHEN existing IS NOT NULL AND existing.request_hash = $request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN u IS NULL THEN 'unknown_user'
    WHEN size(bad_vouchers) > 0 THEN 'vouchers_not_owned'
    WHEN $merchant_id IS NOT NULL AND (m IS NULL OR NOT m:Merchant) THEN 'unknown_merchant'
    ELSE 'created'
  END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  CREATE (:VoucherRedemption {
    id: $id, user_id: $user_id, voucher_ids: $voucher_ids, max_amount: $max_amount,
    merchant_id: $merchant_id, created_at: $at, expires_at: $expires_at,
    token_hash: $token_hash, salt: $salt, request_hash: $request_hash}))
WITH outcome, bad_vouchers
OPTIONAL MATCH (r:VoucherRedemption {id: $id})
RETURN outcome, bad_vouchers,
  CASE WHEN outcome IN ['created', 'replayed'] THEN
    r {.id, .user_id, .voucher_ids, .max_amount, .merchant_id, .created_at, .expires_at,
       .used_by, .used_at, .salt, .token_hash}
  END AS redemption
