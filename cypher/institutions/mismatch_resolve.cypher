// name: mismatch_resolve
// Resolves mismatch $n of reconciliation $reconciliation_id with $reason,
// by $by at $at: the operator's record of what was done about it (nothing
// else changes).  The mismatch is write-locked first.  The same reason
// again is a replay; another one once resolved is already_resolved.
// Outcomes: resolved, replayed, unknown_mismatch, already_resolved.
// Returns: outcome, mismatch {reconciliation_id, n, kind, reference,
// problem, ours_status, ours_amount, theirs_status, theirs_amount,
// resolved_at, resolution, resolved_by}.
OPTIONAL MATCH (x:Mismatch {id: $reconciliation_id + '|' + toString($n)})
SET x._lock = true REMOVE x._lock
WITH x,
  CASE
    WHEN x IS NULL THEN 'unknown_mismatch'
    WHEN x.resolved_at IS NOT NULL AND x.resolution = $reason THEN 'replayed'
    WHEN x.resolved_at IS NOT NULL THEN 'already_resolved'
    ELSE 'resolved'
  END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'resolved' THEN [1] ELSE [] END |
  SET x.resolved_at = $at, x.resolution = $reason, x.resolved_by = $by)
RETURN outcome, CASE WHEN x IS NULL THEN null ELSE x {
  .reconciliation_id, .n, .kind, .reference, .problem, .ours_status, .ours_amount,
  .theirs_status, .theirs_amount, .resolved_at, .resolution, .resolved_by} END AS mismatch
