// name: reward_run_get
// Reads the reward run of $period.
// Returns: run {period, status, rules_version, attempts, started_at,
// finished_at, duration_ms, lines, referrers, rewards, clawbacks, error}, or no row.
MATCH (run:RewardRun {period: $period})
RETURN run {
  .period, .status, .rules_version, .attempts, .started_at, .finished_at, .duration_ms,
  .lines, .referrers, .rewards, .clawbacks, .error
} AS run
