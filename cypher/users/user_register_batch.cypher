// name: user_register_batch
// Registers many users in one statement, each exactly as user_register does
// (POST /v1/users:batch): $users is a list of {id, name, roles, root,
// referrer_id, referral_code, code, at, card_since, phone_hash, device_id,
// payment_hash, request_hash} with distinct ids, none referred by another user of the same
// list (graph/store/users.py sends those in a later statement: rows of one
// statement do not see each other's writes alike on both engines);
// $referrers as in user_register.  Each user gets its own outcome; a refused one writes
// nothing and does not stop the others.  A user with a card_since (only
// `refgraph import` sends one: a card holder of the platform's past) is a
// CardHolder from registration, holding card 'import:<id>' bought at
// card_since, with price 0 and no vouchers: the card was sold in the old
// platform's books, so no money moves here and the ledger has no entry.
// Outcomes per user: created, replayed, id_taken, self_referral,
// referrer_required, unknown_referrer, referrer_inactive, referrer_not_allowed.
// Returns one row per user, in order: id, outcome, user {id, name, status,
// created_at, referral_code, referrer_id, root, labels} (null when refused).
UNWIND $users AS item
OPTIONAL MATCH (existing:User {id: item.id})
OPTIONAL MATCH (by_id:User {id: coalesce(item.referrer_id, '')})
OPTIONAL MATCH (by_code:User {referral_code: coalesce(item.referral_code, '')})
WITH item, existing, coalesce(by_id, by_code) AS referrer
WITH item, existing, referrer,
  CASE
    WHEN item.referrer_id = item.id THEN 'self_referral'
    WHEN existing IS NOT NULL AND existing.request_hash = item.request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN item.root THEN 'created'
    WHEN item.referrer_id IS NULL AND item.referral_code IS NULL THEN 'referrer_required'
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
    id: item.id, name: item.name, status: 'active', created_at: item.at,
    referral_code: item.code, root: item.root, points: 0, cash_pending: 0,
    cash_available: 0, clawback_due: 0, cash_withdrawing: 0,
    phone_hash: item.phone_hash, device_id: item.device_id, payment_hash: item.payment_hash,
    request_hash: item.request_hash,
    referrer_id: CASE WHEN item.root THEN null ELSE referrer.id END, event_seq: 1
  })
  FOREACH (_b IN CASE WHEN 'buyer' IN item.roles THEN [1] ELSE [] END | SET u:Buyer)
  FOREACH (_m IN CASE WHEN 'merchant' IN item.roles THEN [1] ELSE [] END | SET u:Merchant)
  FOREACH (since IN CASE WHEN item.card_since IS NULL THEN [] ELSE [item.card_since] END |
    SET u:CardHolder
    CREATE (u)-[:HOLDS]->(:Card {id: 'import:' + item.id, holder_id: item.id, price: 0,
                                 bought_at: since, voucher_ids: [], source: 'import',
                                 request_hash: item.request_hash}))
  FOREACH (r IN CASE WHEN item.root THEN [] ELSE [referrer] END |
    CREATE (r)-[:REFERRED {at: item.at}]->(u))
  // outbox (issue 16): the event of this change, only in its branch, with
  // the user's fields (graph/webhooks/events.py), written in its CREATE
  // (cypher/DIALECTS.md, "Writes after creations": the role labels set above
  // are the statement's one update).  A new user's event is its first.
  CREATE (:OutboxEvent {event_id: 'user.registered:' + item.id + ':1',
    event_type: 'user.registered', event_resource: 'user', event_resource_id: item.id,
    event_seq: 1, event_at: item.at, event_status: 'new',
    id: item.id, name: item.name, status: 'active', created_at: item.at,
    referral_code: item.code, referrer_id: CASE WHEN item.root THEN null ELSE referrer.id END,
    root: item.root,
    labels: ['User'] + CASE WHEN 'buyer' IN item.roles THEN ['Buyer'] ELSE [] END +
      CASE WHEN 'merchant' IN item.roles THEN ['Merchant'] ELSE [] END +
      CASE WHEN item.card_since IS NULL THEN [] ELSE ['CardHolder'] END})
)
WITH item, outcome
OPTIONAL MATCH (u:User {id: item.id})
RETURN item.id AS id, outcome,
  CASE WHEN outcome IN ['created', 'replayed'] THEN u {
    .id, .name, .status, .created_at, .referral_code, .referrer_id, .root,
    labels: labels(u)
  } END AS user
