// name: user_set_referrer
// Attaches user $id (a root or a user registered without a referrer) to the
// referrer $referrer_id.  Both nodes are write-locked before anything is
// read, so on Neo4j two concurrent attachments cannot both pass the checks
// (see cypher/DIALECTS.md).  Refuses a second referrer, a self-referral and a
// cycle ($referrer_id in $id's downline), and a referrer whose roles may not
// refer under the rules ($referrers).
// Outcomes: attached, replayed, unknown_user, unknown_referrer, self_referral,
// referrer_already_set, cycle, referrer_inactive, referrer_not_allowed.
// Returns: outcome, referrer_id (the referrer now in force, or null).
OPTIONAL MATCH (u:User {id: $id})
OPTIONAL MATCH (r:User {id: $referrer_id})
FOREACH (n IN [x IN [u, r] WHERE x IS NOT NULL] | SET n._lock = true REMOVE n._lock)
WITH u, r
OPTIONAL MATCH (current:User)-[:REFERRED]->(u)
OPTIONAL MATCH loop = (u)-[:REFERRED*1..]->(r)
WITH u, r, current, count(loop) AS loops
WITH u, r, current,
  CASE
    WHEN u IS NULL THEN 'unknown_user'
    WHEN r IS NULL THEN 'unknown_referrer'
    WHEN u.id = r.id THEN 'self_referral'
    WHEN current IS NOT NULL AND current.id = r.id THEN 'replayed'
    WHEN current IS NOT NULL THEN 'referrer_already_set'
    WHEN loops > 0 THEN 'cycle'
    WHEN r.status <> 'active' THEN 'referrer_inactive'
    WHEN r.root OR any(role IN $referrers WHERE
           (role = 'buyer' AND r:Buyer) OR
           (role = 'merchant' AND r:Merchant) OR
           (role = 'cardholder' AND r:CardHolder)) THEN 'attached'
    ELSE 'referrer_not_allowed'
  END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'attached' THEN [1] ELSE [] END |
  CREATE (r)-[:REFERRED {at: $at}]->(u)
  SET u.referrer_id = r.id, u.root = false)
RETURN outcome, CASE WHEN outcome IN ['attached', 'replayed'] THEN r.id ELSE
  CASE WHEN current IS NULL THEN null ELSE current.id END END AS referrer_id
