// name: copy_reward_run_read
// `refgraph db copy` (graph/copy.py): one page of the reward runs (RewardRun nodes),
// those with period after $after (null: from the start) in period order, at most
// $limit (keyset paging: a resumed copy starts again from its cursor).
// Returns one row per node: cursor (period), props (every property, as stored).
MATCH (n:RewardRun)
WHERE n.period IS NOT NULL AND ($after IS NULL OR n.period > $after)
WITH n ORDER BY n.period LIMIT $limit
RETURN n.period AS cursor, properties(n) AS props
ORDER BY cursor
