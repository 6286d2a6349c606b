// name: copy_applied_to_write
// `refgraph db copy` (graph/copy.py): writes one page of financing-application-to-
// institution links read by copy_applied_to_read from another database.  $rows is a
// list of {start_key, end_key, props} naming the start FinancingApplication and the
// end Institution by id (both copied before). MERGE between the two nodes (a pair has
// at most one APPLIED_TO), so a resumed copy does not duplicate; the properties become
// exactly the source's.
// Returns: relationships (rows written; fewer than sent means an end node is missing
// on the target).
UNWIND $rows AS row
MATCH (a:FinancingApplication {id: row.start_key})
MATCH (b:Institution {id: row.end_key})
MERGE (a)-[r:APPLIED_TO]->(b)
SET r = row.props
RETURN count(r) AS relationships
