// name: webhook_delivery_finish
// Records how the attempt of delivery $id under claim $claim went at $at:
// $ok (a 2xx answer), else $code (the HTTP status or null) and $error.  A
// failure is tried again at $next_at, or, when $give_up (its retries ran for
// about three days), the delivery is failed, and its endpoint, if it has not
// delivered anything since the delivery began, is disabled with $reason.  A
// claim that ran out and was taken by another attempt records nothing.  No
// property is ever removed here (no null is written over a value: $code is 0
// and $error '' when there are none, the claim becomes ''): FalkorDB 4.16
// loses writes when a statement removes two properties of a node
// (cypher/DIALECTS.md, "Removing properties").
// Outcomes: delivered, retrying, failed, lost_claim.
// Returns: outcome, delivery {id, endpoint_id, event_id, event_type, status,
// attempts, created_at, next_at, last_at, last_code, last_error,
// delivered_at}, endpoint_status.
MATCH (d:WebhookDelivery {id: $id})
SET d._lock = true REMOVE d._lock
WITH d, coalesce(d.claim = $claim, false) AND d.status = 'pending' AS ours
OPTIONAL MATCH (ep:WebhookEndpoint {id: d.endpoint_id})
SET ep._lock = true REMOVE ep._lock
WITH d, ep, ours,
  CASE
    WHEN NOT ours THEN 'lost_claim'
    WHEN $ok THEN 'delivered'
    WHEN $give_up THEN 'failed'
    ELSE 'retrying'
  END AS outcome
FOREACH (_ IN CASE WHEN ours THEN [1] ELSE [] END |
  SET d.last_at = $at, d.last_code = $code, d.last_error = $error, d.claim = '',
      d.status = CASE outcome WHEN 'retrying' THEN 'pending' ELSE outcome END,
      d.next_at = CASE WHEN outcome = 'retrying' THEN $next_at ELSE d.next_at END,
      d.delivered_at = CASE WHEN $ok THEN $at ELSE d.delivered_at END)
FOREACH (x IN CASE WHEN ours AND ep IS NOT NULL THEN [ep] ELSE [] END |
  SET x.last_success_at = CASE WHEN $ok THEN $at ELSE x.last_success_at END,
      x.last_failure_at = CASE WHEN $ok THEN x.last_failure_at ELSE $at END,
      x.consecutive_failures = CASE WHEN $ok THEN 0
                               ELSE coalesce(x.consecutive_failures, 0) + 1 END
  FOREACH (_d IN CASE WHEN outcome = 'failed' AND x.status = 'enabled'
                       AND coalesce(x.last_success_at, 0) < d.window_from THEN [1] ELSE [] END |
    SET x.status = 'disabled', x.disabled_at = $at, x.disabled_reason = $reason))
RETURN outcome, d {.id, .endpoint_id, .event_id, .event_type, .status, .attempts, .created_at, .next_at,
  .last_at, .last_code, .last_error, .delivered_at} AS delivery,
  CASE WHEN ep IS NULL THEN null ELSE ep.status END AS endpoint_status
