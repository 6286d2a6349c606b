// name: reward_run_finish
// Closes the run of $period as completed, with its counts and totals taken
// from the lines in the graph (so a run resumed after a crash reports the
// same totals as an uninterrupted one).
// Returns: run {period, status, rules_version, attempts, started_at,
// finished_at, duration_ms, lines, referrers, rewards, clawbacks, error}.
MATCH (run:RewardRun {period: $period})
// outbox (issue 16): lock, then read whether this call completes the run
SET run._lock = true REMOVE run._lock
WITH run, run.status <> 'completed' AS completes
OPTIONAL MATCH (l:RewardLine {period: $period})
WITH run, completes, collect(l.amount) AS amounts, count(l) AS lines,
  count(DISTINCT l.referrer_id) AS referrers
SET run.status = 'completed', run.finished_at = $at, run.duration_ms = $at - run.started_at,
  run.lines = lines, run.referrers = referrers,
  run.rewards = reduce(t = 0, a IN amounts | t + CASE WHEN a > 0 THEN a ELSE 0 END),
  run.clawbacks = reduce(t = 0, a IN amounts | t + CASE WHEN a < 0 THEN -a ELSE 0 END)
// outbox (issue 16): the event of this change, only when this call completed
// the run (its fields are copied onto it, graph/webhooks/events.py)
FOREACH (_ IN CASE WHEN completes THEN [1] ELSE [] END |
  SET run.event_seq = coalesce(run.event_seq, 0) + 1
  CREATE (outbox:OutboxEvent {
    event_id: 'reward_run.completed:' + $period + ':' + toString(run.event_seq),
    event_type: 'reward_run.completed', event_resource: 'reward_run',
    event_resource_id: $period, event_seq: run.event_seq, event_at: $at, event_status: 'new'})
  SET outbox += run {.period, .status, .rules_version, .attempts, .started_at, .finished_at,
                     .duration_ms, .lines, .referrers, .rewards, .clawbacks, .error})
RETURN run {
  .period, .status, .rules_version, .attempts, .started_at, .finished_at, .duration_ms,
  .lines, .referrers, .rewards, .clawbacks, .error
} AS run
