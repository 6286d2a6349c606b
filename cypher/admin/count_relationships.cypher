// name: count_relationships
// Counts relationships per type, for `refgraph db status`.
// Returns one row per type: type, relationships.
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS relationships
ORDER BY type
