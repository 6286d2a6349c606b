// name: copy_found_read
// `refgraph db copy` (graph/copy.py): one page of the reconciliation-to-mismatch links
// (FOUND relationships), paged by their end node: the Mismatch nodes with id after
// $after (null: from the start) in id order, at most $limit, with their FOUND
// relationships (each Mismatch has at most one, so a page holds at most $limit
// relationships).
// Returns one row per relationship, in cursor order: cursor (the Mismatch's id),
// start_key (Reconciliation.id), end_key (Mismatch.id), props; a Mismatch without one
// gives a single row with start_key, end_key and props null, so the page's last row is
// the cursor.
MATCH (p:Mismatch)
WHERE p.id IS NOT NULL AND ($after IS NULL OR p.id > $after)
WITH p ORDER BY p.id LIMIT $limit
OPTIONAL MATCH (a:Reconciliation)-[r:FOUND]->(p)
RETURN p.id AS cursor,
  CASE WHEN r IS NULL THEN null ELSE a.id END AS start_key,
  CASE WHEN r IS NULL THEN null ELSE p.id END AS end_key,
  CASE WHEN r IS NULL THEN null ELSE properties(r) END AS props
ORDER BY cursor
