// name: analytics_snapshot_save
// Keeps the latest whole-network analytics: $body (a JSON text) computed at
// $at over $users users.  One snapshot node, replaced each time.  In the
// same statement, the outbox event signal.raised of each signal in $raised
// ([{id, data}]: the signals of this snapshot that the previous one did not
// have, data the signal as JSON text), once per signal and snapshot time.
// Returns: computed_at, raised (events written).
MERGE (a:AnalyticsSnapshot {id: 'network'})
SET a.computed_at = $at, a.body = $body, a.users = $users
WITH a
// outbox (issue 16): a signal is nested (evidence), so its event holds it as
// JSON text (event_data), and the id is deterministic: a retry writes none twice
UNWIND (CASE WHEN size($raised) = 0 THEN [null] ELSE $raised END) AS signal
OPTIONAL MATCH (seen:OutboxEvent {
  event_id: 'signal.raised:' + coalesce(signal.id, '') + ':' + toString($at)})
WITH a, signal, signal IS NOT NULL AND seen IS NULL AS raise
FOREACH (_ IN CASE WHEN raise THEN [1] ELSE [] END |
  CREATE (:OutboxEvent {event_id: 'signal.raised:' + signal.id + ':' + toString($at),
    event_type: 'signal.raised', event_resource: 'signal', event_resource_id: signal.id,
    event_seq: 1, event_at: $at, event_status: 'new', event_data: signal.data}))
WITH a, count(CASE WHEN raise THEN 1 END) AS raised
RETURN a.computed_at AS computed_at, raised
