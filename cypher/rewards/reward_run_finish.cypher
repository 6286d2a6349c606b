// name: reward_run_finish
// Closes the run of $period as completed, with its counts and totals taken
// from the lines in the graph (so a run resumed after a crash reports the
// same totals as an uninterrupted one).
// Returns: run {period, status, rules_version, attempts, started_at,
// finished_at, duration_ms, lines, referrers, rewards, clawbacks, error}.
MATCH (run:RewardRun {period: $period})
OPTIONAL MATCH (l:RewardLine {period: $period})
WITH run, collect(l.amount) AS amounts, count(l) AS lines,
  count(DISTINCT l.referrer_id) AS referrers
SET run.status = 'completed', run.finished_at = $at, run.duration_ms = $at - run.started_at,
  run.lines = lines, run.referrers = referrers,
  run.rewards = reduce(t = 0, a IN amounts | t + CASE WHEN a > 0 THEN a ELSE 0 END),
  run.clawbacks = reduce(t = 0, a IN amounts | t + CASE WHEN a < 0 THEN -a ELSE 0 END)
RETURN run {
  .period, .status, .rules_version, .attempts, .started_at, .finished_at, .duration_ms,
  .lines, .referrers, .rewards, .clawbacks, .error
} AS run
