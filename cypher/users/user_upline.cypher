// name: user_upline
// The referral chain above user $id, nearest referrer first.
// Returns one row per ancestor: distance (1 = direct referrer), user {id,
// name, status, labels}; no row for a root.
MATCH (u:User {id: $id})
MATCH path = (a:User)-[:REFERRED*1..]->(u)
RETURN length(path) AS distance, a {.id, .name, .status, labels: labels(a)} AS user
ORDER BY distance
