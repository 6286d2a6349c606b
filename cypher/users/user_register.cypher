// name: user_register
// Registers user $id with roles $roles, joining on the referrer named by
// $referrer_id or $referral_code (or as a root when $root).  One statement:
// it decides an outcome, writes only when the outcome is 'created', and
// answers a replay (same id, same $request_hash) with the stored user.
// Outcomes: created, replayed, id_taken, self_referral, referrer_required,
// unknown_referrer, referrer_inactive, referrer_not_allowed.
// Returns: outcome, user {id, name, status, created_at, referral_code,
// referrer_id, root, labels} (null when nothing was created).
OPTIONAL MATCH (existing:User {id: $id})
// coalesce(…, ''): FalkorDB plans with the parameter values, and an equality
// on a null parameter scans every User instead of using the index. No id or
// code is empty, so '' finds nobody on both engines (cypher/DIALECTS.md).
OPTIONAL MATCH (by_id:User {id: coalesce($referrer_id, '')})
OPTIONAL MATCH (by_code:User {referral_code: coalesce($referral_code, '')})
WITH existing, coalesce(by_id, by_code) AS referrer
WITH existing, referrer,
  CASE
    WHEN $referrer_id = $id THEN 'self_referral'
    WHEN existing IS NOT NULL AND existing.request_hash = $request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN $root THEN 'created'
    WHEN $referrer_id IS NULL AND $referral_code IS NULL THEN 'referrer_required'
    WHEN referrer IS NULL THEN 'unknown_referrer'
    WHEN referrer.status <> 'active' THEN 'referrer_inactive'
    WHEN referrer.root OR any(role IN $referrers WHERE
           (role = 'buyer' AND referrer:Buyer) OR
           (role = 'merchant' AND referrer:Merchant) OR
           (role = 'cardholder' AND referrer:CardHolder)) THEN 'created'
    ELSE 'referrer_not_allowed'
  END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  CREATE (u:User {
    id: $id, name: $name, status: 'active', created_at: $at, referral_code: $code,
    root: $root, points: 0, cash_pending: 0, cash_available: 0, clawback_due: 0,
    cash_withdrawing: 0,
    phone_hash: $phone_hash, device_id: $device_id, payment_hash: $payment_hash,
    request_hash: $request_hash,
    referrer_id: CASE WHEN $root THEN null ELSE referrer.id END, event_seq: 1
  })
  FOREACH (_b IN CASE WHEN 'buyer' IN $roles THEN [1] ELSE [] END | SET u:Buyer)
  FOREACH (_m IN CASE WHEN 'merchant' IN $roles THEN [1] ELSE [] END | SET u:Merchant)
  FOREACH (r IN CASE WHEN $root THEN [] ELSE [referrer] END |
    CREATE (r)-[:REFERRED {at: $at}]->(u))
  // outbox (issue 16): the event of this change, only in its branch, with
  // the user's fields (graph/webhooks/events.py), written in its CREATE
  // (cypher/DIALECTS.md, "Writes after creations": the role labels set above
  // are the statement's one update).  A new user's event is its first.
  CREATE (:OutboxEvent {event_id: 'user.registered:' + $id + ':1',
    event_type: 'user.registered', event_resource: 'user', event_resource_id: $id,
    event_seq: 1, event_at: $at, event_status: 'new',
    id: $id, name: $name, status: 'active', created_at: $at,
    referral_code: $code, referrer_id: CASE WHEN $root THEN null ELSE referrer.id END,
    root: $root,
    labels: ['User'] + CASE WHEN 'buyer' IN $roles THEN ['Buyer'] ELSE [] END +
      CASE WHEN 'merchant' IN $roles THEN ['Merchant'] ELSE [] END})
)
WITH outcome
OPTIONAL MATCH (u:User {id: $id})
RETURN outcome,
  CASE WHEN outcome IN ['created', 'replayed'] THEN u {
    .id, .name, .status, .created_at, .referral_code, .referrer_id, .root,
    labels: labels(u)
  } END AS user
