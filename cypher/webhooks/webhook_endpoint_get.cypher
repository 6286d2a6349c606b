// name: webhook_endpoint_get
// Endpoint $id with how many of its deliveries are pending, delivered and
// failed (its health).
// Returns: endpoint {id, url, events, description, status, disabled_reason,
// disabled_at, created_at, updated_at, last_success_at, last_failure_at,
// consecutive_failures, secret_rotated_at}, deliveries {pending, delivered,
// failed}; no row when there is no such endpoint.
MATCH (ep:WebhookEndpoint {id: $id})
OPTIONAL MATCH (d:WebhookDelivery {endpoint_id: $id})
WITH ep, collect(d.status) AS statuses
RETURN ep {.id, .url, .events, .description, .status, .disabled_reason, .disabled_at, .created_at,
  .updated_at, .last_success_at, .last_failure_at, .consecutive_failures, .secret_rotated_at} AS endpoint,
  {pending: size([s IN statuses WHERE s = 'pending']),
   delivered: size([s IN statuses WHERE s = 'delivered']),
   failed: size([s IN statuses WHERE s = 'failed'])} AS deliveries
