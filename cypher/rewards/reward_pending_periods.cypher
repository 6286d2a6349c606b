// name: reward_pending_periods
// The periods that have fees or refunds but no completed reward run, oldest
// first; the worker runs the closed ones when it starts and on schedule.
// Returns one row per period: period.
MATCH (t:FeeTotal)
WITH DISTINCT t.period AS period
OPTIONAL MATCH (run:RewardRun {period: period})
WITH period, run
WHERE run IS NULL OR run.status <> 'completed'
RETURN period
ORDER BY period
