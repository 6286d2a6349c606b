// name: copy_reward_run_write
// `refgraph db copy` (graph/copy.py): writes one page of reward runs read by
// copy_reward_run_read from another database.  $rows is a list of {props}. MERGE on
// props.period, so a copy resumed after an interruption rewrites a page instead of
// duplicating it; the properties become exactly the source's.
// Returns: nodes (rows written).
UNWIND $rows AS row
MERGE (n:RewardRun {period: row.props.period})
SET n = row.props
RETURN count(n) AS nodes
