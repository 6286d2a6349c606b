// name: copy_marker_delete
// `refgraph db copy` (graph/copy.py): removes the copy marker $id once the copy is
// complete (or a same-database probe once it was looked for).
// Returns: deleted (0 or 1).
MATCH (m:CopyMarker {id: $id})
DELETE m
RETURN count(*) AS deleted
