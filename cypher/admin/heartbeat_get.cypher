// name: heartbeat_get
// Reads the heartbeat $id.
// Returns: heartbeat {id, at, by}, or no row.
MATCH (h:Heartbeat {id: $id})
RETURN h {.id, .at, .by} AS heartbeat
