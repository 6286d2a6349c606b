// name: webhook_secret_rotate
// Gives endpoint $id the new signing secret $secret_sealed (sealed under the
// master key: graph/webhooks/sealing.py); the one it replaces, sealed as it
// is, still signs (a second signature in the header) until $previous_until,
// so a receiver can switch without refusing deliveries in between.  (A
// secret an older refgraph left in plain text is sealed first: the caller
// runs webhook_secrets_seal before.)
// Returns: endpoint {id, url, events, description, status, disabled_reason,
// disabled_at, created_at, updated_at, last_success_at, last_failure_at,
// consecutive_failures, secret_rotated_at}; no row when there is no such endpoint.
MATCH (ep:WebhookEndpoint {id: $id})
SET ep._lock = true REMOVE ep._lock
SET ep.previous_secret_sealed = coalesce(ep.secret_sealed, ''),
    ep.previous_secret_until = $previous_until, ep.secret_sealed = $secret_sealed,
    ep.secret_rotated_at = $at, ep.updated_at = $at
RETURN ep {.id, .url, .events, .description, .status, .disabled_reason, .disabled_at, .created_at,
  .updated_at, .last_success_at, .last_failure_at, .consecutive_failures, .secret_rotated_at} AS endpoint
