// name: voucher_revoke
// Revokes voucher $id so that it can no longer pay; revoking twice is a no-op.
// Returns: voucher {id, owner_id, amount, remaining, issued_at, expires_at,
// status, source, revoked_at}, or no row when there is no such voucher.
MATCH (v:Voucher {id: $id})
SET v.revoked_at = CASE WHEN v.status = 'revoked' THEN v.revoked_at ELSE $at END,
    v.status = 'revoked'
RETURN v {.id, .owner_id, .amount, .remaining, .issued_at, .expires_at, .status, .source,
          .revoked_at} AS voucher
