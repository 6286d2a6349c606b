// name: webhook_events_dispatch
// Fans out up to $limit new outbox events, in no particular order (not
// sorted: after an import of a million users a sort of every new event per
// call would be the cost; deliveries are unordered anyway): one delivery per
// event and enabled endpoint subscribed to its type (MERGE on endpoint and
// event, so a repeat makes none twice), due at $at; the events are then
// dispatched.  Each event is write-locked and its status read again, so two
// workers never dispatch one twice.
// Returns: events (dispatched), deliveries (created or found).
MATCH (e:OutboxEvent {event_status: 'new'})
WITH e LIMIT $limit
SET e._lock = true REMOVE e._lock
WITH e WHERE e.event_status = 'new'
SET e.event_status = 'dispatched', e.dispatched_at = $at
WITH e
OPTIONAL MATCH (ep:WebhookEndpoint {status: 'enabled'})
WHERE e.event_type IN ep.events OR '*' IN ep.events
FOREACH (x IN [y IN [ep] WHERE y IS NOT NULL] |
  MERGE (d:WebhookDelivery {id: x.id + '|' + e.event_id})
  ON CREATE SET d.endpoint_id = x.id, d.event_id = e.event_id, d.event_type = e.event_type,
    d.status = 'pending', d.attempts = 0, d.created_at = $at, d.window_from = $at,
    d.next_at = $at)
WITH e, count(ep) AS deliveries
WITH collect(deliveries) AS per_event
RETURN size(per_event) AS events, reduce(t = 0, n IN per_event | t + n) AS deliveries
