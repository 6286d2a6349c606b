// name: analytics_snapshot_get
// The latest whole-network analytics, if they were ever computed.
// Returns: computed_at, users, body (JSON text), or no row.
MATCH (a:AnalyticsSnapshot {id: 'network'})
RETURN a.computed_at AS computed_at, a.users AS users, a.body AS body
