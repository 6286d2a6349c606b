// name: analytics_rewards_page
// Reward lines for the analytics (rewards per tier, per referrer), a page at
// a time after line id $after, at most $limit.
// Returns one row per line: id, referrer_id, period, level, tier, amount.
MATCH (l:RewardLine)
WHERE $after IS NULL OR l.id > $after
RETURN l.id AS id, l.referrer_id AS referrer_id, l.period AS period, l.level AS level,
  l.tier AS tier, l.amount AS amount
ORDER BY l.id
LIMIT $limit
