// name: copy_outbox_event_read
// `refgraph db copy` (graph/copy.py): one page of the outbox events (OutboxEvent
// nodes), those with event_id after $after (null: from the start) in event_id order, at
// most $limit (keyset paging: a resumed copy starts again from its cursor).
// Returns one row per node: cursor (event_id), props (every property, as stored).
MATCH (n:OutboxEvent)
WHERE n.event_id IS NOT NULL AND ($after IS NULL OR n.event_id > $after)
WITH n ORDER BY n.event_id LIMIT $limit
RETURN n.event_id AS cursor, properties(n) AS props
ORDER BY cursor
