// name: webhook_endpoint_update
// Changes endpoint $id: $url, $events and $description when not null;
// $enabled true enables it again (and zeroes its count of failures; why it
// was disabled stays, shown only while it is), false disables it by hand
// with $reason.  Nothing is set to null (cypher/DIALECTS.md, "Removing properties").
// Returns: before {status, url, events, description}, endpoint {id, url,
// events, description, status, disabled_reason, disabled_at, created_at,
// updated_at, last_success_at, last_failure_at, consecutive_failures,
// secret_rotated_at}; no row when there is no such endpoint.
MATCH (ep:WebhookEndpoint {id: $id})
SET ep._lock = true REMOVE ep._lock
WITH ep, ep {.status, .url, .events, .description} AS before
SET ep.url = coalesce($url, ep.url), ep.events = coalesce($events, ep.events),
    ep.description = coalesce($description, ep.description), ep.updated_at = $at
FOREACH (_ IN CASE WHEN $enabled = true AND ep.status <> 'enabled' THEN [1] ELSE [] END |
  SET ep.status = 'enabled', ep.consecutive_failures = 0)
FOREACH (_ IN CASE WHEN $enabled = false AND ep.status = 'enabled' THEN [1] ELSE [] END |
  SET ep.status = 'disabled', ep.disabled_reason = $reason, ep.disabled_at = $at)
RETURN before, ep {.id, .url, .events, .description, .status, .disabled_reason, .disabled_at, .created_at,
  .updated_at, .last_success_at, .last_failure_at, .consecutive_failures, .secret_rotated_at} AS endpoint
