// name: bench_referrer_reward_inputs
// The benchmark's naive baseline asks this once per referrer: how many
// merchants $id referred before $end, and the fees and refunded fees of
// period $period of those merchants.
// Returns: referrals, fees, refunded_fees.
MATCH (r:User {id: $id})
OPTIONAL MATCH (r)-[e:REFERRED]->(m:Merchant)
WHERE e.at < $end
WITH r, count(m) AS referrals
OPTIONAL MATCH (r)-[:REFERRED]->(:Merchant)-[:HAS_FEES]->(t:FeeTotal {period: $period})
WITH referrals, collect(t) AS totals
RETURN referrals, reduce(s = 0, t IN totals | s + t.fees) AS fees,
  reduce(s = 0, t IN totals | s + t.refunded_fees) AS refunded_fees
