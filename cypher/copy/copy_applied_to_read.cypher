// name: copy_applied_to_read
// `refgraph db copy` (graph/copy.py): one page of the financing-application-to-
// institution links (APPLIED_TO relationships), paged by their start node: the
// FinancingApplication nodes with id after $after (null: from the start) in id order,
// at most $limit, with their APPLIED_TO relationships (each application has at most
// one, so a page holds at most $limit relationships; an institution has many, so the
// page is not keyed by it).
// Returns one row per relationship, in cursor order: cursor (the application's id),
// start_key (FinancingApplication.id), end_key (Institution.id), props; an application
// without one gives a single row with start_key, end_key and props null, so the
// page's last row is the cursor.
MATCH (p:FinancingApplication)
WHERE p.id IS NOT NULL AND ($after IS NULL OR p.id > $after)
WITH p ORDER BY p.id LIMIT $limit
OPTIONAL MATCH (p)-[r:APPLIED_TO]->(b:Institution)
RETURN p.id AS cursor,
  CASE WHEN r IS NULL THEN null ELSE p.id END AS start_key,
  CASE WHEN r IS NULL THEN null ELSE b.id END AS end_key,
  CASE WHEN r IS NULL THEN null ELSE properties(r) END AS props
ORDER BY cursor
