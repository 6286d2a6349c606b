// name: copy_requested_write
// `refgraph db copy` (graph/copy.py): writes one page of user-to-withdrawal links read
// by copy_requested_read from another database.  $rows is a list of {start_key,
// end_key, props} naming the start User and the end Withdrawal by id (both copied
// before). MERGE between the two nodes (a pair has at most one REQUESTED), so a
// resumed copy does not duplicate; the properties become exactly the source's.
// Returns: relationships (rows written; fewer than sent means an end node is missing
// on the target).
UNWIND $rows AS row
MATCH (a:User {id: row.start_key})
MATCH (b:Withdrawal {id: row.end_key})
MERGE (a)-[r:REQUESTED]->(b)
SET r = row.props
RETURN count(r) AS relationships
