// name: user_downline_page
// Users below user $id down to $depth (1..10), ordered by level then id,
// after the cursor ($after_level, $after_id; nulls: from the start), at most
// $limit rows.
// Returns one row per user: level, user {id, name, status, referrer_id, labels}.
MATCH (u:User {id: $id})
MATCH path = (u)-[:REFERRED*1..10]->(d:User)
WITH length(path) AS level, d
WHERE level <= $depth
  AND ($after_level IS NULL OR level > $after_level
       OR (level = $after_level AND d.id > $after_id))
RETURN level, d {.id, .name, .status, .referrer_id, labels: labels(d)} AS user
ORDER BY level, d.id
LIMIT $limit
