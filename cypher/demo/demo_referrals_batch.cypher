// name: demo_referrals_batch
// Links demo users to their referrers in bulk: $edges is a list of
// {referrer_id, referee_id, at}.  A referee that has a referrer already is
// left alone (each user has one referrer, set once).
// Returns: created.
UNWIND $edges AS e
MATCH (r:User {id: e.referrer_id})
MATCH (u:User {id: e.referee_id})
WITH r, u, e WHERE u.referrer_id IS NULL
CREATE (r)-[:REFERRED {at: e.at}]->(u)
SET u.referrer_id = r.id
RETURN count(u) AS created
