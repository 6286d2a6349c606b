// name: copy_user_write
// `refgraph db copy` (graph/copy.py): writes one page of users read by copy_user_read
// from another database.  $rows is a list of {labels, props}. MERGE on props.id, so a
// copy resumed after an interruption rewrites a page instead of duplicating it; the
// properties become exactly the source's. Role labels (Buyer, Merchant, CardHolder)
// are added as the source has them (a label cannot be a parameter: one FOREACH per
// label).
// Returns: nodes (rows written).
UNWIND $rows AS row
MERGE (n:User {id: row.props.id})
SET n = row.props
FOREACH (_ IN CASE WHEN 'Buyer' IN row.labels THEN [1] ELSE [] END | SET n:Buyer)
FOREACH (_ IN CASE WHEN 'Merchant' IN row.labels THEN [1] ELSE [] END | SET n:Merchant)
FOREACH (_ IN CASE WHEN 'CardHolder' IN row.labels THEN [1] ELSE [] END | SET n:CardHolder)
RETURN count(n) AS nodes
