// name: reward_lines_of_user
// The reward lines of user $user_id, newest period first, after the cursor
// $after (a line id, or null), at most $limit.
// Returns one row per line: line {id, period, level, amount, status,
// release_at, released_at, referrals, tier, base}.
MATCH (:User {id: $user_id})-[:EARNED]->(l:RewardLine)
WHERE $after IS NULL OR l.id < $after
RETURN l {.id, .period, .level, .amount, .status, .release_at, .released_at, .referrals,
          .tier, .base} AS line
ORDER BY l.id DESC
LIMIT $limit
