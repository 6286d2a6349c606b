// name: withdrawal_transition
// Moves withdrawal $id to status $to if its status is one of $from:
// approved (by an operator), rejected (money back to available), paid (the
// institution confirmed: the cash part leaves the platform, the voucher part
// becomes a mall voucher $voucher_id, valid until $voucher_expires_at) or failed (money
// back).  The withdrawal is write-locked first; each movement is a ledger
// entry.  Asking for the status it already has is a replay.  $institutions,
// when not null, lists the institutions whose confirmation this is (a
// signed callback; '' for a batch made without one): a withdrawal batched
// for another is unknown to it.
// Outcomes: done, replayed, unknown_withdrawal, invalid_transition.
// Returns: outcome, withdrawal {id, user_id, amount, cash_amount,
// voucher_amount, status, requested_at, decided_at, settled_at, reason,
// reference, batch_id, institution_id}.
OPTIONAL MATCH (w:Withdrawal {id: $id})
// Lock first (cypher/DIALECTS.md, "Concurrency"): a plain SET, a no-op when
// w is null.
SET w._lock = true REMOVE w._lock
WITH w,
  CASE
    WHEN w IS NULL THEN 'unknown_withdrawal'
    WHEN $institutions IS NOT NULL AND NOT coalesce(w.institution_id, '') IN $institutions
      THEN 'unknown_withdrawal'
    WHEN w.status = $to THEN 'replayed'
    WHEN NOT w.status IN $from THEN 'invalid_transition'
    ELSE 'done'
  END AS outcome
OPTIONAL MATCH (u:User {id: w.user_id})
FOREACH (_ IN CASE WHEN outcome = 'done' THEN [1] ELSE [] END |
  SET w.status = $to, w.reason = coalesce($reason, w.reason),
      w.reference = coalesce($reference, w.reference),
      w.decided_at = CASE WHEN $to IN ['approved', 'rejected'] THEN $at ELSE w.decided_at END,
      w.settled_at = CASE WHEN $to IN ['paid', 'failed'] THEN $at ELSE w.settled_at END
  SET u._lock = true REMOVE u._lock
  FOREACH (_back IN CASE WHEN $to IN ['rejected', 'failed'] THEN [1] ELSE [] END |
    SET u.cash_withdrawing = u.cash_withdrawing - w.amount,
        u.cash_available = u.cash_available + w.amount
    CREATE (:Entry {id: 'withdrawal:' + w.id + ':' + $to, at: $at, kind: 'withdrawal_returned',
                    amount: w.amount, ref: w.id, debit: 'user:' + u.id + ':withdrawing',
                    credit: 'user:' + u.id + ':available'}))
  FOREACH (_paid IN CASE WHEN $to = 'paid' THEN [1] ELSE [] END |
    SET u.cash_withdrawing = u.cash_withdrawing - w.amount
    FOREACH (_c IN CASE WHEN w.cash_amount > 0 THEN [1] ELSE [] END |
      CREATE (:Entry {id: 'withdrawal:' + w.id + ':paid', at: $at, kind: 'payout',
                      amount: w.cash_amount, ref: w.id, debit: 'user:' + u.id + ':withdrawing',
                      credit: 'external:payouts'}))
    FOREACH (_v IN CASE WHEN w.voucher_amount > 0 THEN [1] ELSE [] END |
      CREATE (u)-[:OWNS]->(:Voucher {id: $voucher_id, owner_id: u.id, amount: w.voucher_amount,
        remaining: w.voucher_amount, issued_at: $at, expires_at: $voucher_expires_at,
        status: 'active', source: 'withdrawal'})
      CREATE (:Entry {id: 'withdrawal:' + w.id + ':vouchers', at: $at, kind: 'voucher_granted',
                      amount: w.voucher_amount, ref: w.id,
                      debit: 'user:' + u.id + ':withdrawing',
                      credit: 'user:' + u.id + ':vouchers'})))
  // outbox (issue 16): the event of this change (withdrawal.approved,
  // .rejected, .paid, .failed), only in its branch (the withdrawal's fields
  // are copied onto it, graph/webhooks/events.py)
  SET w.event_seq = coalesce(w.event_seq, 0) + 1
  CREATE (outbox:OutboxEvent {
    event_id: 'withdrawal.' + $to + ':' + w.id + ':' + toString(w.event_seq),
    event_type: 'withdrawal.' + $to, event_resource: 'withdrawal', event_resource_id: w.id,
    event_seq: w.event_seq, event_at: $at, event_status: 'new'})
  SET outbox += w {.id, .user_id, .amount, .cash_amount, .voucher_amount, .status,
                   .requested_at, .decided_at, .settled_at, .reason, .reference, .batch_id,
                   .institution_id})
RETURN outcome, CASE WHEN w IS NULL THEN null ELSE w {
  .id, .user_id, .amount, .cash_amount, .voucher_amount, .status, .requested_at, .decided_at,
  .settled_at, .reason, .reference, .batch_id, .institution_id} END AS withdrawal
