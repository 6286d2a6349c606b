// name: copy_platform_write
// `refgraph db copy` (graph/copy.py): writes one page of Platform nodes read by
// copy_platform_read from another database.  $rows is a list of {props}. MERGE on
// props.id, so a resumed copy rewrites a page instead of duplicating it; the
// properties become exactly the source's.
// Returns: nodes (rows written).
UNWIND $rows AS row
MERGE (n:Platform {id: row.props.id})
SET n = row.props
RETURN count(n) AS nodes
