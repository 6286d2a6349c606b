// name: voucher_revoke
// Revokes voucher $id so that it can no longer pay; what was left on it goes
// back to the platform (a ledger entry).  Revoking twice is a no-op.  The
// voucher is write-locked before it is read, so a sale paying with it at the
// same time is counted either before or after, never half.
// Returns: voucher {id, owner_id, amount, remaining, issued_at, expires_at,
// status, source, revoked_at}, or no row when there is no such voucher.
MATCH (v:Voucher {id: $id})
SET v._lock = true REMOVE v._lock
WITH v, v.status = 'active' AND v.remaining > 0 AS returns_value
FOREACH (_ IN CASE WHEN returns_value THEN [1] ELSE [] END |
  CREATE (:Entry {id: 'voucher:' + v.id + ':revoked', at: $at, kind: 'voucher_revoked',
                  amount: v.remaining, ref: v.id, debit: 'user:' + v.owner_id + ':vouchers',
                  credit: 'platform:vouchers'}))
SET v.revoked_at = CASE WHEN v.status = 'revoked' THEN v.revoked_at ELSE $at END,
    v.status = CASE WHEN v.status = 'active' THEN 'revoked' ELSE v.status END
RETURN v {.id, .owner_id, .amount, .remaining, .issued_at, .expires_at, .status, .source,
          .revoked_at} AS voucher
