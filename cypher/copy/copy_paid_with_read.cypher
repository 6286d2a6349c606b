// name: copy_paid_with_read
// `refgraph db copy` (graph/copy.py): one page of the voucher payments of sales
// (PAID_WITH relationships), paged by their start node: the Sale nodes with id after
// $after (null: from the start) in id order, at most $limit, with their PAID_WITH
// relationships (a Sale has only a few, so a page stays near $limit relationships).
// Returns one row per relationship, in cursor order: cursor (the Sale's id), start_key
// (Sale.id), end_key (Voucher.id), props; a Sale without one gives a single row with
// start_key, end_key and props null, so the page's last row is the cursor.
MATCH (p:Sale)
WHERE p.id IS NOT NULL AND ($after IS NULL OR p.id > $after)
WITH p ORDER BY p.id LIMIT $limit
OPTIONAL MATCH (p)-[r:PAID_WITH]->(b:Voucher)
RETURN p.id AS cursor,
  CASE WHEN r IS NULL THEN null ELSE p.id END AS start_key,
  CASE WHEN r IS NULL THEN null ELSE b.id END AS end_key,
  CASE WHEN r IS NULL THEN null ELSE properties(r) END AS props
ORDER BY cursor
