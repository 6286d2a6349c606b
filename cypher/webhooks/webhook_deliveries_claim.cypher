// name: webhook_deliveries_claim
// The worker claims deliveries $ids to send now: each still pending, due by
// $now and to an enabled endpoint counts one more attempt and is due again
// at $now + $lease_ms, under claim $claim.  A worker that dies while
// sending leaves the claim to run out, and the delivery is sent again (at
// least once).  Each delivery is write-locked and read again first.
// Returns one row per claimed delivery: delivery {id, endpoint_id, event_id,
// event_type, status, attempts, created_at, next_at, last_at, last_code,
// last_error, delivered_at}, window_from (when its retries began), endpoint
// {id, url, secret_sealed, previous_secret_sealed, previous_secret_until,
// secret, previous_secret} (the last two: plain text an older refgraph
// wrote, until it is sealed), event (every property of the outbox event).
UNWIND $ids AS wanted
MATCH (d:WebhookDelivery {id: wanted})
SET d._lock = true REMOVE d._lock
WITH d WHERE d.status = 'pending' AND d.next_at <= $now
MATCH (ep:WebhookEndpoint {id: d.endpoint_id})
WHERE ep.status = 'enabled'
MATCH (e:OutboxEvent {event_id: d.event_id})
SET d.attempts = d.attempts + 1, d.next_at = $now + $lease_ms, d.claim = $claim
RETURN d {.id, .endpoint_id, .event_id, .event_type, .status, .attempts, .created_at, .next_at,
  .last_at, .last_code, .last_error, .delivered_at} AS delivery, d.window_from AS window_from,
  ep {.id, .url, .secret_sealed, .previous_secret_sealed, .previous_secret_until, .secret,
      .previous_secret} AS endpoint,
  properties(e) AS event
