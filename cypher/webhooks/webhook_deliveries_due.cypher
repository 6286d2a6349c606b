// name: webhook_deliveries_due
// Up to $limit pending deliveries due by $now to enabled endpoints, the
// most overdue first (the worker then claims some of them).
// Returns one row per delivery: id, endpoint_id, next_at.
MATCH (d:WebhookDelivery {status: 'pending'})
WHERE d.next_at <= $now
MATCH (ep:WebhookEndpoint {id: d.endpoint_id})
WHERE ep.status = 'enabled'
RETURN d.id AS id, d.endpoint_id AS endpoint_id, d.next_at AS next_at
ORDER BY d.next_at, d.id
LIMIT $limit
