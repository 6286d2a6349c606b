// name: webhook_outbox_status
// How far behind the outbox runs at $now: events not yet dispatched and
// the age of the oldest, deliveries pending and the oldest due.
// Returns: new_events, oldest_new_at, pending_deliveries, oldest_due_at.
OPTIONAL MATCH (e:OutboxEvent {event_status: 'new'})
WITH count(e) AS new_events, min(e.event_at) AS oldest_new_at
OPTIONAL MATCH (d:WebhookDelivery {status: 'pending'})
RETURN new_events, oldest_new_at, count(d) AS pending_deliveries,
  min(CASE WHEN d.next_at <= $now THEN d.next_at END) AS oldest_due_at
