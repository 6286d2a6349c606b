// name: ledger_cached_balances
// The balances cached on each user node, and the value left on their
// active vouchers, to compare with the ledger.
// Returns one row per user: user_id, points, cash_pending, cash_available,
// clawback_due, cash_withdrawing, vouchers.
MATCH (u:User)
OPTIONAL MATCH (u)-[:OWNS]->(v:Voucher {status: 'active'})
WITH u, collect(v.remaining) AS remaining
RETURN u.id AS user_id, u.points AS points, u.cash_pending AS cash_pending,
  u.cash_available AS cash_available, u.clawback_due AS clawback_due,
  u.cash_withdrawing AS cash_withdrawing, reduce(t = 0, x IN remaining | t + x) AS vouchers
ORDER BY user_id
