// name: reward_run_start
// Opens (or reopens after a crash) the reward run of $period with rule-set
// $rules_version; a completed run is left as it is.  Two workers may both
// open the same run: lines are credited exactly once whatever they do.
// Returns: previous_status (null for a new run), run {period, status,
// rules_version, attempts, started_at, finished_at, duration_ms, lines,
// referrers, rewards, clawbacks, error}.
OPTIONAL MATCH (old:RewardRun {period: $period})
WITH CASE WHEN old IS NULL THEN null ELSE old.status END AS previous_status
MERGE (run:RewardRun {period: $period})
ON CREATE SET run.attempts = 0, run.lines = 0, run.referrers = 0, run.rewards = 0,
  run.clawbacks = 0
SET run.attempts = CASE WHEN run.status = 'completed' THEN run.attempts ELSE run.attempts + 1 END,
    run.started_at = CASE WHEN run.status = 'completed' THEN run.started_at ELSE $at END,
    run.rules_version = CASE WHEN run.status = 'completed' THEN run.rules_version
                        ELSE $rules_version END,
    run.error = CASE WHEN run.status = 'completed' THEN run.error ELSE null END,
    run.status = CASE WHEN run.status = 'completed' THEN 'completed' ELSE 'running' END
RETURN previous_status, run {
  .period, .status, .rules_version, .attempts, .started_at, .finished_at, .duration_ms,
  .lines, .referrers, .rewards, .clawbacks, .error
} AS run
