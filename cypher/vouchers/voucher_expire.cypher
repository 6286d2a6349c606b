// name: voucher_expire
// Marks up to $batch active vouchers whose expiry passed by $now as expired;
// what was left on each goes back to the platform (a ledger entry).  Each
// voucher is write-locked and its status read again, so an expiry racing a
// revocation or another expiry gives the value back once.
// Returns: expired (vouchers), value (what they still held).
MATCH (v:Voucher {status: 'active'})
WHERE v.expires_at <= $now
WITH v LIMIT $batch
SET v._lock = true REMOVE v._lock
WITH v WHERE v.status = 'active'
SET v.status = 'expired', v.expired_at = $now
FOREACH (_ IN CASE WHEN v.remaining > 0 THEN [1] ELSE [] END |
  CREATE (:Entry {id: 'voucher:' + v.id + ':expired', at: $now, kind: 'voucher_expired',
                  amount: v.remaining, ref: v.id, debit: 'user:' + v.owner_id + ':vouchers',
                  credit: 'platform:vouchers'}))
WITH collect(v.remaining) AS values
RETURN size(values) AS expired, reduce(t = 0, x IN values | t + x) AS value
