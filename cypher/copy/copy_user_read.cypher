// name: copy_user_read
// `refgraph db copy` (graph/copy.py): one page of the users (User nodes), those with
// id after $after (null: from the start) in id order, at most $limit (keyset paging: a
// resumed copy starts again from its cursor).
// Returns one row per node: cursor (id), labels, props (every property, as stored).
MATCH (n:User)
WHERE n.id IS NOT NULL AND ($after IS NULL OR n.id > $after)
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS cursor, labels(n) AS labels, properties(n) AS props
ORDER BY cursor
