// name: count_nodes
// Counts nodes per label, for `refgraph db status`.
// Returns one row per label: label, nodes.
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
