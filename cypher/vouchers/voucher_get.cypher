// name: voucher_get
// Reads voucher $id.
// Returns: voucher {id, owner_id, amount, remaining, issued_at, expires_at,
// status, source, revoked_at}, or no row.
MATCH (v:Voucher {id: $id})
RETURN v {.id, .owner_id, .amount, .remaining, .issued_at, .expires_at, .status, .source,
          .revoked_at} AS voucher
