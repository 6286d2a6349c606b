// name: withdrawal_get
// Reads withdrawal $id.
// Returns: withdrawal {id, user_id, amount, cash_amount, voucher_amount,
// status, requested_at, decided_at, settled_at, reason, reference, batch_id,
// institution_id},
// or no row.
MATCH (w:Withdrawal {id: $id})
RETURN w {.id, .user_id, .amount, .cash_amount, .voucher_amount, .status, .requested_at,
          .decided_at, .settled_at, .reason, .reference, .batch_id,
          .institution_id} AS withdrawal
