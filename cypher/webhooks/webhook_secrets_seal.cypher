// name: webhook_secrets_seal
// Seals the plain-text secrets an older refgraph stored: each of $endpoints
// ({id, version, secret_sealed, previous_secret_sealed}, as
// webhook_secrets_plaintext read them and graph/webhooks/sealing.py sealed
// them) that still holds plain text and was not rotated since it was read
// (same version) gets the sealed values (a null one keeps what is there),
// and its plain-text ones are overwritten with ''.  ('' rather than
// REMOVE: FalkorDB can lose writes of a statement removing two properties,
// cypher/DIALECTS.md, "Removing properties".)  Idempotent: run again, it
// finds no plain text; two processes starting at once seal each endpoint once.
// Returns: sealed (how many endpoints were).
UNWIND $endpoints AS e
MATCH (ep:WebhookEndpoint {id: e.id})
SET ep._lock = true REMOVE ep._lock
WITH ep, e
WHERE (coalesce(ep.secret, '') <> '' OR coalesce(ep.previous_secret, '') <> '')
  AND coalesce(ep.secret_rotated_at, ep.created_at) = e.version
SET ep.secret_sealed = coalesce(e.secret_sealed, ep.secret_sealed, ''),
    ep.previous_secret_sealed = coalesce(e.previous_secret_sealed, ep.previous_secret_sealed, ''),
    ep.secret = '', ep.previous_secret = ''
RETURN count(ep) AS sealed
