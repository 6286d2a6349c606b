// name: reward_referral_counts
// Counts the referrals, for the tiers, of each referrer in $referrer_ids
// (the referrers that have a fee base in the run; nobody else gets a line,
// so nobody else's count is read): referees joined before $end (and at or
// after $window_start unless it is null), merchants only when $merchants_only.
// Returns one row per listed referrer with at least one counted referral:
// referrer_id, referrals.
UNWIND $referrer_ids AS referrer_id
MATCH (r:User {id: referrer_id})-[e:REFERRED]->(d:User)
WHERE e.at < $end
  AND ($window_start IS NULL OR e.at >= $window_start)
  AND (NOT $merchants_only OR d:Merchant)
RETURN r.id AS referrer_id, count(d) AS referrals
