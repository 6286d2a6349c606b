// name: card_buy
// User $user_id buys loyalty card $id at $price: the user becomes a card
// holder and is granted one voucher of $voucher_amount for each id in
// $voucher_ids, valid until $expires_at.  The voucher ids are unguessable
// ones made by the caller (graph/store/cards.py new_voucher_id), never
// derived from the card id; a replayed purchase answers the ids it made
// first and ignores the new ones.  The card's price and the voucher grant are
// ledger entries.  Idempotent on $id with $request_hash.  The user is
// write-locked before the card id and their roles are read, so purchases sent
// at once cannot make two cards when the rules allow one.
// Outcomes: created, replayed, id_taken, unknown_user, user_inactive,
// already_cardholder.
// Returns: outcome, card {id, holder_id, price, bought_at, voucher_ids, source}.
OPTIONAL MATCH (u:User {id: $user_id})
// Lock first, then read (cypher/DIALECTS.md, "Concurrency"): a plain SET,
// a no-op when u is null.
SET u._lock = true REMOVE u._lock
WITH u
OPTIONAL MATCH (existing:Card {id: $id})
WITH existing, u,
  CASE
    WHEN existing IS NOT NULL AND existing.request_hash = $request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN u IS NULL THEN 'unknown_user'
    WHEN u.status <> 'active' THEN 'user_inactive'
    WHEN u:CardHolder AND NOT $allow_second THEN 'already_cardholder'
    ELSE 'created'
  END AS outcome
// Writes: the label of the existing user before the first CREATE, and every
// created node with all its properties in its CREATE (cypher/DIALECTS.md,
// "Writes after creations").
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  SET u:CardHolder
  CREATE (c:Card {id: $id, holder_id: $user_id, price: $price, bought_at: $at,
                  request_hash: $request_hash,
                  voucher_ids: $voucher_ids, event_seq: 1})
  CREATE (u)-[:HOLDS]->(c)
  FOREACH (_p IN CASE WHEN $price > 0 THEN [1] ELSE [] END |
    CREATE (:Entry {id: 'card:' + $id + ':price', at: $at, kind: 'card_sale', amount: $price,
                    ref: $id, debit: 'user:' + $user_id + ':payments',
                    credit: 'platform:card_sales'}))
  FOREACH (_v IN CASE WHEN size($voucher_ids) * $voucher_amount > 0 THEN [1] ELSE [] END |
    CREATE (:Entry {id: 'card:' + $id + ':vouchers', at: $at, kind: 'voucher_granted',
                    amount: size($voucher_ids) * $voucher_amount, ref: $id,
                    debit: 'platform:vouchers', credit: 'user:' + $user_id + ':vouchers'}))
  FOREACH (voucher_id IN $voucher_ids |
    CREATE (u)-[:OWNS]->(:Voucher {
      id: voucher_id, owner_id: $user_id, amount: $voucher_amount,
      remaining: $voucher_amount, issued_at: $at, expires_at: $expires_at,
      status: 'active', source: 'card', card_id: $id}))
  // outbox (issue 16): the event of this change, only in its branch, with
  // the card's fields (graph/webhooks/events.py).  A new card's event is its
  // first (event_seq 1).
  CREATE (:OutboxEvent {event_id: 'card.purchased:' + $id + ':1',
    event_type: 'card.purchased', event_resource: 'card', event_resource_id: $id,
    event_seq: 1, event_at: $at, event_status: 'new',
    id: $id, holder_id: $user_id, price: $price, bought_at: $at,
    voucher_ids: $voucher_ids, source: 'sale'}))
WITH outcome
OPTIONAL MATCH (c:Card {id: $id})
RETURN outcome,
  CASE WHEN outcome IN ['created', 'replayed'] THEN
    c {.id, .holder_id, .price, .bought_at, .voucher_ids, source: coalesce(c.source, 'sale')}
  END AS card
