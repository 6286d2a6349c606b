// name: copy_marker_save
// `refgraph db copy` (graph/copy.py): records on the target how far the copy from
// $source got: step $step (a label or relationship type) done up to key $cursor (null:
// not started), at $at.  started_at is kept from the first save.
// Returns: marker {id, source, started_at, updated_at, step, cursor}.
MERGE (m:CopyMarker {id: $id})
ON CREATE SET m.started_at = $at
SET m.source = $source, m.step = $step, m.cursor = $cursor, m.updated_at = $at
RETURN m {.id, .source, .started_at, .updated_at, .step, .cursor} AS marker
