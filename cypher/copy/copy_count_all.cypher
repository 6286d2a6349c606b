// name: copy_count_all
// `refgraph db copy` (graph/copy.py): every node, whatever its labels, so that nodes
// with no label (invisible to count_nodes) or with two main labels are noticed.
// Returns: nodes.
MATCH (n)
RETURN count(n) AS nodes
