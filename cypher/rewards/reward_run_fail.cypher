// name: reward_run_fail
// Marks the run of $period failed with $error, unless it completed.
// Returns: run {period, status, error}.
MATCH (run:RewardRun {period: $period})
SET run.status = CASE WHEN run.status = 'completed' THEN 'completed' ELSE 'failed' END,
    run.error = CASE WHEN run.status = 'completed' THEN run.error ELSE $error END,
    run.finished_at = $at
RETURN run {.period, .status, .error} AS run
