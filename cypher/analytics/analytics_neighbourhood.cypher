// name: analytics_neighbourhood
// The neighbourhood of user $id for the console picture: its referral chain
// up to $up levels, itself, and its downline to $depth levels (at most 10),
// in level then id order, at most $limit downline users.
// Returns one row per user: level (negative above, 0 for $id, positive
// below), user {id, name, status, created_at, referrer_id, root, labels},
// fees (net management fees of all periods), direct (direct referrals),
// downline (total downline as of the last analytics refresh, or null).
MATCH (c:User {id: $id})
OPTIONAL MATCH up = (a:User)-[:REFERRED*1..]->(c)
WITH c, [x IN collect({level: -length(up), u: a}) WHERE x.u IS NOT NULL AND x.level >= -$up]
  AS upline
OPTIONAL MATCH down = (c)-[:REFERRED*1..10]->(d:User)
WITH c, upline, CASE WHEN d IS NULL THEN null ELSE length(down) END AS level, d
WHERE d IS NULL OR level <= $depth
WITH c, upline, level, d ORDER BY level, d.id LIMIT $limit
WITH c, upline, collect(CASE WHEN d IS NULL THEN null ELSE {level: level, u: d} END) AS downline
UNWIND upline + [{level: 0, u: c}] + downline AS item
WITH item.level AS level, item.u AS u
OPTIONAL MATCH (u)-[:HAS_FEES]->(t:FeeTotal)
WITH level, u, collect(t.fees - t.refunded_fees) AS fees
OPTIONAL MATCH (u)-[:REFERRED]->(r:User)
RETURN level, u {.id, .name, .status, .created_at, .referrer_id, .root, labels: labels(u)} AS user,
  reduce(t = 0, f IN fees | t + f) AS fees, count(r) AS direct, u.an_downline AS downline
ORDER BY level, user.id
