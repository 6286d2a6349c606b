// name: webhook_deliveries_delivered
// Records at $at, in one statement, the deliveries that were acknowledged
// (a 2xx answer): $done is a list of {id, claim, code}.  Each delivery still
// pending under that claim is delivered; the others (a claim that ran out
// and was taken by another attempt) are left alone.  Their endpoints' last
// success is $at and their failures in a row 0.  Failures go one at a time
// through webhook_delivery_finish.  Nothing is set to null
// (cypher/DIALECTS.md, "Removing properties").
// Returns: delivered (deliveries recorded), endpoints (endpoints touched).
UNWIND $done AS result
MATCH (d:WebhookDelivery {id: result.id})
SET d._lock = true REMOVE d._lock
WITH d, result WHERE d.claim = result.claim AND d.status = 'pending'
SET d.status = 'delivered', d.delivered_at = $at, d.last_at = $at, d.last_code = result.code,
    d.last_error = '', d.claim = ''
WITH collect(DISTINCT d.endpoint_id) AS endpoint_ids, count(d) AS delivered
UNWIND (CASE WHEN size(endpoint_ids) = 0 THEN [null] ELSE endpoint_ids END) AS endpoint_id
OPTIONAL MATCH (ep:WebhookEndpoint {id: coalesce(endpoint_id, '')})
SET ep._lock = true REMOVE ep._lock
SET ep.last_success_at = $at, ep.consecutive_failures = 0
RETURN delivered, count(ep) AS endpoints
