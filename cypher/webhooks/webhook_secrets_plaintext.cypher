// name: webhook_secrets_plaintext
// Endpoints whose signing secret, or previous secret, an older refgraph
// stored in plain text: they are sealed at start-up (webhook_secrets_seal).
// version is what that statement checks has not changed meanwhile (the
// time of the last rotation, else of the creation).
// Returns one row per such endpoint, in id order: id, version, secret,
// previous_secret (either may be null or '').
MATCH (ep:WebhookEndpoint)
WHERE coalesce(ep.secret, '') <> '' OR coalesce(ep.previous_secret, '') <> ''
RETURN ep.id AS id, coalesce(ep.secret_rotated_at, ep.created_at) AS version,
  ep.secret AS secret, ep.previous_secret AS previous_secret
ORDER BY ep.id
