// name: reward_bases_levels
// The fee bases of levels 1..$levels (at most 10) for multi-level sharing:
// each merchant with fees or refunds in $period and every referrer up to
// $levels above it, with the referral path from referrer to merchant.  One
// row per referrer and level (a list of its merchants), as reward_bases_level1.
// Returns one row per (referrer, level): referrer_id, level, merchants (a list
// of [merchant_id, fees, refunded_fees, carried_fees, carried_refunded_fees,
// path], the carried ones the parts carried in from late sales and refunds of
// closed periods, path the ids from referrer to merchant; in no particular
// order).
MATCH (t:FeeTotal {period: $period})<-[:HAS_FEES]-(m:User)
MATCH p = (r:User)-[:REFERRED*1..10]->(m)
WITH r, m, t, p
WHERE length(p) <= $levels
RETURN r.id AS referrer_id, length(p) AS level,
  collect([m.id, t.fees, t.refunded_fees, coalesce(t.carried_fees, 0),
           coalesce(t.carried_refunded_fees, 0), [n IN nodes(p) | n.id]]) AS merchants
