// name: analytics_user_card
// What the console's user card shows that the other queries do not: the
// net fees of the merchants user $id referred directly, and its reward
// total (released, pending and clawbacks).
// Returns: merchant_fees, rewards, reward_lines, or no row for an unknown user.
MATCH (u:User {id: $id})
OPTIONAL MATCH (u)-[:REFERRED]->(:Merchant)-[:HAS_FEES]->(t:FeeTotal)
WITH u, collect(t.fees - t.refunded_fees) AS fees
OPTIONAL MATCH (u)-[:EARNED]->(l:RewardLine)
WITH u, fees, collect(l.amount) AS rewards
RETURN reduce(t = 0, f IN fees | t + f) AS merchant_fees,
  reduce(t = 0, r IN rewards | t + r) AS rewards, size(rewards) AS reward_lines
