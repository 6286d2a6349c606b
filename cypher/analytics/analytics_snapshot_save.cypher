// name: analytics_snapshot_save
// Keeps the latest whole-network analytics: $body (a JSON text) computed at
// $at over $users users.  One snapshot node, replaced each time.
// Returns: computed_at.
MERGE (a:AnalyticsSnapshot {id: 'network'})
SET a.computed_at = $at, a.body = $body, a.users = $users
RETURN a.computed_at AS computed_at
