// name: copy_found_write
// `refgraph db copy` (graph/copy.py): writes one page of reconciliation-to-mismatch
// links read by copy_found_read from another database.  $rows is a list of {start_key,
// end_key, props} naming the start Reconciliation and the end Mismatch by id (both
// copied before). MERGE between the two nodes (a pair has at most one FOUND), so a
// resumed copy does not duplicate; the properties become exactly the source's.
// Returns: relationships (rows written; fewer than sent means an end node is missing
// on the target).
UNWIND $rows AS row
MATCH (a:Reconciliation {id: row.start_key})
MATCH (b:Mismatch {id: row.end_key})
MERGE (a)-[r:FOUND]->(b)
SET r = row.props
RETURN count(r) AS relationships
