// name: voucher_issue
// An operator issues voucher $id worth $amount to user $owner_id, valid until
// $expires_at, with its ledger entry.  Idempotent on $id with $request_hash.
// Outcomes: created, replayed, id_taken, unknown_user.
// Returns: outcome, voucher {id, owner_id, amount, remaining, issued_at,
// expires_at, status, source}.
OPTIONAL MATCH (existing:Voucher {id: $id})
OPTIONAL MATCH (u:User {id: $owner_id})
WITH existing, u,
  CASE
    WHEN existing IS NOT NULL AND existing.request_hash = $request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN u IS NULL THEN 'unknown_user'
    ELSE 'created'
  END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  CREATE (u)-[:OWNS]->(:Voucher {
    id: $id, owner_id: $owner_id, amount: $amount, remaining: $amount, issued_at: $at,
    expires_at: $expires_at, status: 'active', source: 'operator', request_hash: $request_hash})
  CREATE (:Entry {id: 'voucher:' + $id + ':issued', at: $at, kind: 'voucher_granted',
                  amount: $amount, ref: $id, debit: 'platform:vouchers',
                  credit: 'user:' + $owner_id + ':vouchers'}))
WITH outcome
OPTIONAL MATCH (v:Voucher {id: $id})
RETURN outcome,
  CASE WHEN outcome IN ['created', 'replayed'] THEN
    v {.id, .owner_id, .amount, .remaining, .issued_at, .expires_at, .status, .source} END AS voucher
