// name: copy_refunded_write
// `refgraph db copy` (graph/copy.py): writes one page of sale-to-refund links read by
// copy_refunded_read from another database.  $rows is a list of {start_key, end_key,
// props} naming the start Sale and the end Refund by id (both copied before). MERGE
// between the two nodes (a pair has at most one REFUNDED), so a resumed copy does not
// duplicate; the properties become exactly the source's.
// Returns: relationships (rows written; fewer than sent means an end node is missing
// on the target).
UNWIND $rows AS row
MATCH (a:Sale {id: row.start_key})
MATCH (b:Refund {id: row.end_key})
MERGE (a)-[r:REFUNDED]->(b)
SET r = row.props
RETURN count(r) AS relationships
