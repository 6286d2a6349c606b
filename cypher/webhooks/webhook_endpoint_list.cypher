// name: webhook_endpoint_list
// Webhook endpoints in id order after cursor $after (null: from the first),
// at most $limit.
// Returns one row per endpoint: endpoint {id, url, events, description,
// status, disabled_reason, disabled_at, created_at, updated_at,
// last_success_at, last_failure_at, consecutive_failures, secret_rotated_at}.
MATCH (ep:WebhookEndpoint)
WHERE $after IS NULL OR ep.id > $after
RETURN ep {.id, .url, .events, .description, .status, .disabled_reason, .disabled_at, .created_at,
  .updated_at, .last_success_at, .last_failure_at, .consecutive_failures, .secret_rotated_at} AS endpoint
ORDER BY ep.id
LIMIT $limit
