// name: analytics_user_metrics_save
// Caches per-user figures of the whole-network analytics on the users, so
// a neighbourhood picture can size nodes without walking whole subtrees:
// $rows is [{id, downline, pagerank}], stamped with $at.
// Returns: users (how many were updated).
UNWIND $rows AS row
MATCH (u:User {id: row.id})
SET u.an_downline = row.downline, u.an_pagerank = row.pagerank, u.an_at = $at
RETURN count(u) AS users
