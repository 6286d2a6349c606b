// name: reward_run_list
// Reward runs, newest period first, before the cursor $before (or null), at
// most $limit.
// Returns one row per run: run {period, status, rules_version, attempts,
// started_at, finished_at, duration_ms, lines, referrers, rewards, clawbacks, error}.
MATCH (run:RewardRun)
WHERE $before IS NULL OR run.period < $before
RETURN run {
  .period, .status, .rules_version, .attempts, .started_at, .finished_at, .duration_ms,
  .lines, .referrers, .rewards, .clawbacks, .error
} AS run
ORDER BY run.period DESC
LIMIT $limit
