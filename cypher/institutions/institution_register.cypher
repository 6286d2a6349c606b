// name: institution_register
// Registers partner institution $id: $name, what it does ($services: payouts,
// consumer_credit), $currency, its per-buyer limit on undecided financing
// ($buyer_limit, null: none), its fee on each disbursement ($fee_bp, bp of
// the financed amount) and its first secret's salt $salt under master key
// $key_id (the secret itself is never stored: graph/settlement.py; its
// secret_change is 'register').  Status
// active.  Idempotent on $id with $request_hash.
// Outcomes: created, replayed, id_taken.
// Returns: outcome, institution {id, name, services, currency, status,
// buyer_limit, fee_bp, created_at, updated_at, status_reason, secret_version,
// secret_at, secret_change, salt, key_id, previous_salt, previous_until}.
OPTIONAL MATCH (existing:Institution {id: $id})
WITH existing,
  CASE
    WHEN existing IS NULL THEN 'created'
    WHEN existing.request_hash = $request_hash THEN 'replayed'
    ELSE 'id_taken'
  END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  CREATE (:Institution {id: $id, name: $name, services: $services, currency: $currency,
    status: 'active', buyer_limit: $buyer_limit, fee_bp: $fee_bp, created_at: $at,
    updated_at: $at, request_hash: $request_hash, salt: $salt, key_id: $key_id,
    secret_version: 1, secret_at: $at, secret_change: 'register'}))
WITH outcome
MATCH (i:Institution {id: $id})
RETURN outcome, i {
  .id, .name, .services, .currency, .status, .buyer_limit, .fee_bp, .created_at, .updated_at,
  .status_reason, .secret_version, .secret_at, .secret_change, .salt, .key_id,
  .previous_salt, .previous_until} AS institution
