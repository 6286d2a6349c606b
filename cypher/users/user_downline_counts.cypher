// name: user_downline_counts
// How many users sit at each level below user $id, down to $depth (1..10).
// Returns one row per non-empty level: level, users, merchants.
MATCH (u:User {id: $id})
MATCH path = (u)-[:REFERRED*1..10]->(d:User)
WITH length(path) AS level, d
WHERE level <= $depth
RETURN level, count(d) AS users, count(CASE WHEN d:Merchant THEN 1 END) AS merchants
ORDER BY level
