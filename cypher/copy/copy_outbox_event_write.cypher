// name: copy_outbox_event_write
// `refgraph db copy` (graph/copy.py): writes one page of outbox events read by
// copy_outbox_event_read from another database.  $rows is a list of {props}. MERGE on
// props.event_id, so a copy resumed after an interruption rewrites a page instead of
// duplicating it; the properties become exactly the source's.
// Returns: nodes (rows written).
UNWIND $rows AS row
MERGE (n:OutboxEvent {event_id: row.props.event_id})
SET n = row.props
RETURN count(n) AS nodes
