// name: copy_paid_with_write
// `refgraph db copy` (graph/copy.py): writes one page of voucher payments of sales
// read by copy_paid_with_read from another database.  $rows is a list of {start_key,
// end_key, props} naming the start Sale and the end Voucher by id (both copied
// before). MERGE between the two nodes (a pair has at most one PAID_WITH), so a
// resumed copy does not duplicate; the properties become exactly the source's.
// Returns: relationships (rows written; fewer than sent means an end node is missing
// on the target).
UNWIND $rows AS row
MATCH (a:Sale {id: row.start_key})
MATCH (b:Voucher {id: row.end_key})
MERGE (a)-[r:PAID_WITH]->(b)
SET r = row.props
RETURN count(r) AS relationships
