// name: copy_rule_set_write
// `refgraph db copy` (graph/copy.py): writes one page of rule-set versions read by
// copy_rule_set_read from another database.  $rows is a list of {props}. MERGE on
// props.change_id, so a copy resumed after an interruption rewrites a page instead of
// duplicating it; the properties become exactly the source's.
// Returns: nodes (rows written).
UNWIND $rows AS row
MERGE (n:RuleSet {change_id: row.props.change_id})
SET n = row.props
RETURN count(n) AS nodes
