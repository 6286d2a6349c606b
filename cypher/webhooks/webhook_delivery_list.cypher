// name: webhook_delivery_list
// Deliveries of endpoint $endpoint_id, with status $status (any when null),
// newest first after cursor ($after_at, $after_id), at most $limit.
// Returns one row per delivery: delivery {id, endpoint_id, event_id,
// event_type, status, attempts, created_at, next_at, last_at, last_code,
// last_error, delivered_at}.
MATCH (d:WebhookDelivery {endpoint_id: $endpoint_id})
WHERE ($status IS NULL OR d.status = $status)
  AND ($after_at IS NULL OR d.created_at < $after_at
       OR (d.created_at = $after_at AND toString(d.id) < $after_id))
RETURN d {.id, .endpoint_id, .event_id, .event_type, .status, .attempts, .created_at, .next_at,
  .last_at, .last_code, .last_error, .delivered_at} AS delivery
ORDER BY d.created_at DESC, d.id DESC
LIMIT $limit
