// name: reward_bases_levels
// The fee bases of levels 1..$levels (at most 10) for multi-level sharing:
// each merchant with fees or refunds in $period and every referrer up to
// $levels above it, with the referral path from referrer to merchant.
// Returns one row per (referrer, merchant): referrer_id, level, merchant_id,
// fees, refunded_fees, carried_fees, carried_refunded_fees (the parts carried
// in from late sales and refunds of closed periods), path (ids from referrer
// to merchant).
MATCH (t:FeeTotal {period: $period})<-[:HAS_FEES]-(m:User)
MATCH p = (r:User)-[:REFERRED*1..10]->(m)
WITH r, m, t, p
WHERE length(p) <= $levels
RETURN r.id AS referrer_id, length(p) AS level, m.id AS merchant_id, t.fees AS fees,
  t.refunded_fees AS refunded_fees, coalesce(t.carried_fees, 0) AS carried_fees,
  coalesce(t.carried_refunded_fees, 0) AS carried_refunded_fees, [n IN nodes(p) | n.id] AS path
