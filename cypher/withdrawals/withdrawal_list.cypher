// name: withdrawal_list
// Withdrawals with status $status (or any, when null) of user $user_id (or
// anyone, when null), in id order after cursor $after, at most $limit.
// Returns one row per withdrawal: withdrawal {id, user_id, amount,
// cash_amount, voucher_amount, status, requested_at, decided_at, settled_at,
// reason, reference, batch_id, institution_id}.
MATCH (w:Withdrawal)
WHERE ($status IS NULL OR w.status = $status) AND ($user_id IS NULL OR w.user_id = $user_id)
  AND ($after IS NULL OR w.id > $after)
RETURN w {.id, .user_id, .amount, .cash_amount, .voucher_amount, .status, .requested_at,
          .decided_at, .settled_at, .reason, .reference, .batch_id,
          .institution_id} AS withdrawal
ORDER BY w.id
LIMIT $limit
