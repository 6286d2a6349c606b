// name: metrics_figures
// Figures for GET /metrics, read at each scrape: the withdrawals waiting for
// an operator's decision (count and amount) and the most recently finished
// reward run.
// Returns one row: pending_withdrawals, pending_amount, run_period,
// run_duration_ms, run_lines (the run's fields null before any run).
OPTIONAL MATCH (w:Withdrawal {status: 'requested'})
WITH count(w) AS pending, collect(w.amount) AS amounts
WITH pending, reduce(t = 0, a IN amounts | t + a) AS amount
OPTIONAL MATCH (run:RewardRun {status: 'completed'})
WITH pending, amount, run
ORDER BY run.finished_at DESC
LIMIT 1
RETURN pending AS pending_withdrawals, amount AS pending_amount, run.period AS run_period,
  run.duration_ms AS run_duration_ms, run.lines AS run_lines
