// name: user_balances
// The balances of user $id at time $at: points, cash rewards (pending and
// withdrawable) and the value left on vouchers that can still pay.
// Returns: balances {user_id, points, cash_pending, cash_available,
// voucher_balance, vouchers}, or no row.
MATCH (u:User {id: $id})
OPTIONAL MATCH (u)-[:OWNS]->(v:Voucher)
WHERE v.status = 'active' AND v.expires_at > $at AND v.remaining > 0
WITH u, collect(v.remaining) AS remaining
RETURN {
  user_id: u.id, points: u.points, cash_pending: u.cash_pending,
  cash_available: u.cash_available, voucher_balance: reduce(t = 0, x IN remaining | t + x),
  vouchers: size(remaining)
} AS balances
