// name: reward_referral_counts
// Counts each referrer's referrals for the tiers: referees joined before
// $end (and at or after $window_start unless it is null), merchants only when
// $merchants_only.
// Returns one row per referrer: referrer_id, referrals.
MATCH (r:User)-[e:REFERRED]->(d:User)
WHERE e.at < $end
  AND ($window_start IS NULL OR e.at >= $window_start)
  AND (NOT $merchants_only OR d:Merchant)
RETURN r.id AS referrer_id, count(d) AS referrals
