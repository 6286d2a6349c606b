// name: financing_due_lapses
// The applications still waiting for their institution (status applied)
// whose lapse time is at or before $now, oldest lapse first, at most $limit:
// what the lapse job cancels (each through financing_transition, which
// checks the status and the time again under its lock).
// Returns one row per application: id, lapse_at.
MATCH (a:FinancingApplication {status: 'applied'})
WHERE a.lapse_at <= $now
RETURN a.id AS id, a.lapse_at AS lapse_at
ORDER BY a.lapse_at, a.id
LIMIT $limit
