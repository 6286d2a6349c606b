// name: demo_users_batch
// Creates demo users in bulk (refgraph demo seed): $users is a list of {id,
// name, roles, created_at, referral_code, root, phone_hash, device_id,
// payment_hash}.  Users that exist already are left alone, so an interrupted
// seed can be run again.  Referral edges come after, in demo_referrals_batch.
// Returns: created.
UNWIND $users AS u
OPTIONAL MATCH (existing:User {id: u.id})
WITH u WHERE existing IS NULL
CREATE (n:User {
  id: u.id, name: u.name, status: 'active', created_at: u.created_at,
  referral_code: u.referral_code, root: u.root, points: 0, cash_pending: 0, cash_available: 0,
  clawback_due: 0, cash_withdrawing: 0, phone_hash: u.phone_hash, device_id: u.device_id,
  payment_hash: u.payment_hash, request_hash: 'demo'})
FOREACH (_ IN CASE WHEN 'buyer' IN u.roles THEN [1] ELSE [] END | SET n:Buyer)
FOREACH (_ IN CASE WHEN 'merchant' IN u.roles THEN [1] ELSE [] END | SET n:Merchant)
FOREACH (_ IN CASE WHEN 'cardholder' IN u.roles THEN [1] ELSE [] END | SET n:CardHolder)
RETURN count(n) AS created
