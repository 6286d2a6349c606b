// name: demo_users_batch
// Creates demo users in bulk (refgraph demo seed): $users is a list of {id,
// name, roles, created_at, referral_code, root, phone_hash, device_id,
// payment_hash}, roles sorted and one of [], [merchant], [buyer],
// [buyer, cardholder], [cardholder] (graph.demo.load checks).  Users that
// exist already are left alone, so an interrupted seed can be run again.
// Referral edges come after, in demo_referrals_batch.  One CREATE per role
// set writes the labels and every property: on FalkorDB, a bulk statement
// that adds labels after CREATE pays per row, more as the graph grows
// (cypher/DIALECTS.md).
// Returns: created.
UNWIND $users AS u
OPTIONAL MATCH (existing:User {id: u.id})
WITH u WHERE existing IS NULL
FOREACH (_ IN CASE WHEN u.roles = [] THEN [1] ELSE [] END |
  CREATE (:User {
    id: u.id, name: u.name, status: 'active', created_at: u.created_at,
    referral_code: u.referral_code, root: u.root, points: 0, cash_pending: 0,
    cash_available: 0, clawback_due: 0, cash_withdrawing: 0, phone_hash: u.phone_hash,
    device_id: u.device_id, payment_hash: u.payment_hash, request_hash: 'demo'})
)
FOREACH (_ IN CASE WHEN u.roles = ['merchant'] THEN [1] ELSE [] END |
  CREATE (:User:Merchant {
    id: u.id, name: u.name, status: 'active', created_at: u.created_at,
    referral_code: u.referral_code, root: u.root, points: 0, cash_pending: 0,
    cash_available: 0, clawback_due: 0, cash_withdrawing: 0, phone_hash: u.phone_hash,
    device_id: u.device_id, payment_hash: u.payment_hash, request_hash: 'demo'})
)
FOREACH (_ IN CASE WHEN u.roles = ['buyer'] THEN [1] ELSE [] END |
  CREATE (:User:Buyer {
    id: u.id, name: u.name, status: 'active', created_at: u.created_at,
    referral_code: u.referral_code, root: u.root, points: 0, cash_pending: 0,
    cash_available: 0, clawback_due: 0, cash_withdrawing: 0, phone_hash: u.phone_hash,
    device_id: u.device_id, payment_hash: u.payment_hash, request_hash: 'demo'})
)
FOREACH (_ IN CASE WHEN u.roles = ['buyer', 'cardholder'] THEN [1] ELSE [] END |
  CREATE (:User:Buyer:CardHolder {
    id: u.id, name: u.name, status: 'active', created_at: u.created_at,
    referral_code: u.referral_code, root: u.root, points: 0, cash_pending: 0,
    cash_available: 0, clawback_due: 0, cash_withdrawing: 0, phone_hash: u.phone_hash,
    device_id: u.device_id, payment_hash: u.payment_hash, request_hash: 'demo'})
)
FOREACH (_ IN CASE WHEN u.roles = ['cardholder'] THEN [1] ELSE [] END |
  CREATE (:User:CardHolder {
    id: u.id, name: u.name, status: 'active', created_at: u.created_at,
    referral_code: u.referral_code, root: u.root, points: 0, cash_pending: 0,
    cash_available: 0, clawback_due: 0, cash_withdrawing: 0, phone_hash: u.phone_hash,
    device_id: u.device_id, payment_hash: u.payment_hash, request_hash: 'demo'})
)
RETURN count(u) AS created
