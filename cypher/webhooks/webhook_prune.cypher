// name: webhook_prune
// Deletes outbox events dispatched before $before that no pending delivery
// needs, with their finished deliveries, among $batch such events (taken
// before their deliveries are looked at, so a call costs $batch however many
// there are); the caller repeats it until it deletes none.
// Returns: events, deliveries (deleted).
MATCH (e:OutboxEvent {event_status: 'dispatched'})
WHERE e.dispatched_at < $before
WITH e LIMIT $batch
OPTIONAL MATCH (d:WebhookDelivery {event_id: e.event_id})
WITH e, collect(d) AS deliveries
WHERE none(d IN deliveries WHERE d.status = 'pending')
WITH collect(e) AS events, collect(deliveries) AS groups
FOREACH (done IN groups | FOREACH (d IN done | DELETE d))
FOREACH (e IN events | DELETE e)
RETURN size(events) AS events, reduce(t = 0, done IN groups | t + size(done)) AS deliveries
