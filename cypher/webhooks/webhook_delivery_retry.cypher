// name: webhook_delivery_retry
// An operator sends delivery $id of endpoint $endpoint_id again: it is
// pending, due at $at, and its three days of retries start again from $at
// (whatever its status was; a delivered one is delivered once more).
// Outcomes: retried, unknown_delivery.
// Returns: outcome, before (its status), delivery {id, endpoint_id, event_id,
// event_type, status, attempts, created_at, next_at, last_at, last_code,
// last_error, delivered_at}.
OPTIONAL MATCH (d:WebhookDelivery {id: $id})
SET d._lock = true REMOVE d._lock
WITH d, d IS NOT NULL AND d.endpoint_id = $endpoint_id AS found
WITH d, found, CASE WHEN found THEN d.status END AS before
FOREACH (x IN CASE WHEN found THEN [d] ELSE [] END |
  SET x.status = 'pending', x.next_at = $at, x.window_from = $at, x.claim = '')
RETURN CASE WHEN found THEN 'retried' ELSE 'unknown_delivery' END AS outcome, before,
  CASE WHEN found THEN d {.id, .endpoint_id, .event_id, .event_type, .status, .attempts, .created_at, .next_at,
  .last_at, .last_code, .last_error, .delivered_at} END AS delivery
