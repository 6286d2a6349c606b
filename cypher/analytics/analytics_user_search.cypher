// name: analytics_user_search
// Finds users for the console: the user whose id is $q exactly first, then
// ids starting with $q, then names containing $q (case-insensitive; $lower
// is $q in lower case), in id order; at most $limit.
// Returns one row per user: rank (0 exact id, 1 id prefix, 2 name), user
// {id, name, status, labels}.
MATCH (u:User)
WHERE u.id STARTS WITH $q OR toLower(u.name) CONTAINS $lower
WITH u, CASE WHEN u.id = $q THEN 0 WHEN u.id STARTS WITH $q THEN 1 ELSE 2 END AS rank
RETURN rank, u {.id, .name, .status, labels: labels(u)} AS user
ORDER BY rank, u.id
LIMIT $limit
