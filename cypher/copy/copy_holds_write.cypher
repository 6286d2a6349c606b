// name: copy_holds_write
// `refgraph db copy` (graph/copy.py): writes one page of card holdings read by
// copy_holds_read from another database.  $rows is a list of {start_key, end_key,
// props} naming the start User and the end Card by id (both copied before). MERGE
// between the two nodes (a pair has at most one HOLDS), so a resumed copy does not
// duplicate; the properties become exactly the source's.
// Returns: relationships (rows written; fewer than sent means an end node is missing
// on the target).
UNWIND $rows AS row
MATCH (a:User {id: row.start_key})
MATCH (b:Card {id: row.end_key})
MERGE (a)-[r:HOLDS]->(b)
SET r = row.props
RETURN count(r) AS relationships
