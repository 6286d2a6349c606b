// name: webhook_vouchers_expiring
// The outbox event voucher.expiring of up to $batch active vouchers that
// expire after $now and by $until, once per voucher and expiry time: the
// voucher keeps the expiry it was announced for (expiring_noticed).  Each
// voucher is write-locked and read again, so two runs announce it once.
// Returns: events (written).
MATCH (v:Voucher {status: 'active'})
WHERE v.expires_at > $now AND v.expires_at <= $until
  AND coalesce(v.expiring_noticed, -1) <> v.expires_at
WITH v LIMIT $batch
SET v._lock = true REMOVE v._lock
WITH v WHERE v.status = 'active' AND coalesce(v.expiring_noticed, -1) <> v.expires_at
SET v.expiring_noticed = v.expires_at, v.event_seq = coalesce(v.event_seq, 0) + 1
CREATE (outbox:OutboxEvent {event_id: 'voucher.expiring:' + v.id + ':' + toString(v.event_seq),
  event_type: 'voucher.expiring', event_resource: 'voucher', event_resource_id: v.id,
  event_seq: v.event_seq, event_at: $now, event_status: 'new'})
SET outbox += v {.id, .owner_id, .amount, .remaining, .issued_at, .expires_at, .status,
                 .source, .revoked_at}
RETURN count(outbox) AS events
