// name: webhook_test_create
// A test event for endpoint $endpoint_id only: an outbox event of type
// webhook.test ($data, JSON text) with its delivery, due now.  Idempotent on
// $id (the event id).
// Outcomes: created, replayed, unknown_endpoint.
// Returns: outcome, delivery {id, endpoint_id, event_id, event_type, status,
// attempts, created_at, next_at, last_at, last_code, last_error, delivered_at}.
OPTIONAL MATCH (ep:WebhookEndpoint {id: $endpoint_id})
OPTIONAL MATCH (existing:OutboxEvent {event_id: $id})
WITH ep,
  CASE
    WHEN ep IS NULL THEN 'unknown_endpoint'
    WHEN existing IS NOT NULL THEN 'replayed'
    ELSE 'created'
  END AS outcome
FOREACH (x IN CASE WHEN outcome = 'created' THEN [ep] ELSE [] END |
  CREATE (:OutboxEvent {event_id: $id, event_type: 'webhook.test', event_resource: 'webhook',
    event_resource_id: $endpoint_id, event_seq: 1, event_at: $at, event_status: 'dispatched',
    dispatched_at: $at, event_data: $data})
  CREATE (:WebhookDelivery {id: x.id + '|' + $id, endpoint_id: x.id, event_id: $id,
    event_type: 'webhook.test', status: 'pending', attempts: 0, created_at: $at,
    window_from: $at, next_at: $at}))
WITH outcome
OPTIONAL MATCH (d:WebhookDelivery {id: $endpoint_id + '|' + $id})
RETURN outcome, CASE WHEN d IS NULL THEN null ELSE d {.id, .endpoint_id, .event_id, .event_type, .status, .attempts, .created_at, .next_at,
  .last_at, .last_code, .last_error, .delivered_at} END AS delivery
