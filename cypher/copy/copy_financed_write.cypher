// name: copy_financed_write
// `refgraph db copy` (graph/copy.py): writes one page of sale-to-financing-application
// links read by copy_financed_read from another database.  $rows is a list of {start_key,
// end_key, props} naming the start Sale and the end FinancingApplication by id (both
// copied before). MERGE between the two nodes (a pair has at most one FINANCED), so a
// resumed copy does not duplicate; the properties become exactly the source's.
// Returns: relationships (rows written; fewer than sent means an end node is missing
// on the target).
UNWIND $rows AS row
MATCH (a:Sale {id: row.start_key})
MATCH (b:FinancingApplication {id: row.end_key})
MERGE (a)-[r:FINANCED]->(b)
SET r = row.props
RETURN count(r) AS relationships
