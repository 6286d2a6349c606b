// name: copy_marker_get
// `refgraph db copy` (graph/copy.py): the copy marker $id on the target: which source
// an interrupted copy came from, the step it was in and the last key written. Also
// read on the source with a probe id, to tell when both are one database.
// Returns: marker {id, source, started_at, updated_at, step, cursor}, or no row.
MATCH (m:CopyMarker {id: $id})
RETURN m {.id, .source, .started_at, .updated_at, .step, .cursor} AS marker
