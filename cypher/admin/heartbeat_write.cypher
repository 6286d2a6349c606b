// name: heartbeat_write
// Records that process $by could write at $at (epoch ms); run at start-up to
// prove the database accepts and persists writes (a full disk fails here).
// Returns: heartbeat {id, at, by}.
MERGE (h:Heartbeat {id: $id})
SET h.at = $at, h.by = $by
RETURN h {.id, .at, .by} AS heartbeat
