// name: card_list
// The loyalty cards user $user_id holds, oldest first.
// Returns one row per card: card {id, holder_id, price, bought_at, voucher_ids,
// source} (source 'import' for a card of the platform's past, brought in by
// `refgraph import users`; 'sale' for a card refgraph sold).
MATCH (:User {id: $user_id})-[:HOLDS]->(c:Card)
RETURN c {.id, .holder_id, .price, .bought_at, .voucher_ids,
          source: coalesce(c.source, 'sale')} AS card
ORDER BY c.bought_at, c.id
