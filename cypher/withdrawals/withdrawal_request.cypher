// name: withdrawal_request
// User $user_id asks to withdraw $amount of their withdrawable cash: $cash_amount
// is to be paid out, the rest becomes mall vouchers when it is paid (the
// cash-out proportion).  The user is write-locked before the balance and
// the id are read, so concurrent requests can never overdraw and a request
// sent twice at once is answered as a replay.  The amount moves from
// available to withdrawing (a ledger entry).  Idempotent on $id.
// Outcomes: created, replayed, id_taken, unknown_user, user_inactive,
// below_minimum, insufficient_balance.
// Returns: outcome, available (after), withdrawal {id, user_id, amount,
// cash_amount, voucher_amount, status, requested_at}.
OPTIONAL MATCH (u:User {id: $user_id})
// Lock first, then read (cypher/DIALECTS.md, "Concurrency"): a plain SET,
// a no-op when u is null.  The id is looked up after the lock.
SET u._lock = true REMOVE u._lock
WITH u
OPTIONAL MATCH (existing:Withdrawal {id: $id})
WITH existing, u,
  CASE
    WHEN existing IS NOT NULL AND existing.request_hash = $request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN u IS NULL THEN 'unknown_user'
    WHEN u.status <> 'active' THEN 'user_inactive'
    WHEN $amount < $min_amount THEN 'below_minimum'
    WHEN $amount > u.cash_available THEN 'insufficient_balance'
    ELSE 'created'
  END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  CREATE (w:Withdrawal {id: $id, user_id: $user_id, amount: $amount, cash_amount: $cash_amount,
    voucher_amount: $amount - $cash_amount, status: 'requested', requested_at: $at,
    request_hash: $request_hash})
  CREATE (u)-[:REQUESTED]->(w)
  SET u.cash_available = u.cash_available - $amount,
      u.cash_withdrawing = u.cash_withdrawing + $amount
  CREATE (:Entry {id: 'withdrawal:' + $id + ':requested', at: $at, kind: 'withdrawal_requested',
                  amount: $amount, ref: $id, debit: 'user:' + $user_id + ':available',
                  credit: 'user:' + $user_id + ':withdrawing'})
  // outbox (issue 16): the event of this change, only in its branch (the
  // withdrawal's fields are copied onto it, graph/webhooks/events.py)
  SET w.event_seq = coalesce(w.event_seq, 0) + 1
  CREATE (outbox:OutboxEvent {
    event_id: 'withdrawal.requested:' + $id + ':' + toString(w.event_seq),
    event_type: 'withdrawal.requested', event_resource: 'withdrawal', event_resource_id: $id,
    event_seq: w.event_seq, event_at: $at, event_status: 'new'})
  SET outbox += w {.id, .user_id, .amount, .cash_amount, .voucher_amount, .status,
                   .requested_at, .decided_at, .settled_at, .reason, .reference, .batch_id})
WITH outcome, u
OPTIONAL MATCH (w:Withdrawal {id: $id})
RETURN outcome, CASE WHEN u IS NULL THEN null ELSE u.cash_available END AS available,
  CASE WHEN outcome IN ['created', 'replayed'] THEN w {
    .id, .user_id, .amount, .cash_amount, .voucher_amount, .status, .requested_at} END AS withdrawal
