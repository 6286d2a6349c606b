// name: copy_rule_set_read
// `refgraph db copy` (graph/copy.py): one page of the rule-set versions (RuleSet
// nodes), those with change_id after $after (null: from the start) in change_id order,
// at most $limit (keyset paging: a resumed copy starts again from its cursor).
// Returns one row per node: cursor (change_id), props (every property, as stored).
MATCH (n:RuleSet)
WHERE n.change_id IS NOT NULL AND ($after IS NULL OR n.change_id > $after)
WITH n ORDER BY n.change_id LIMIT $limit
RETURN n.change_id AS cursor, properties(n) AS props
ORDER BY cursor
