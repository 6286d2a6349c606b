// name: card_list
// The loyalty cards user $user_id holds, oldest first.
// Returns one row per card: card {id, holder_id, price, bought_at, voucher_ids}.
MATCH (:User {id: $user_id})-[:HOLDS]->(c:Card)
RETURN c {.id, .holder_id, .price, .bought_at, .voucher_ids} AS card
ORDER BY c.bought_at, c.id
