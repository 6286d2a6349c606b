// name: refund_list
// The refunds of sale $sale_id, oldest first.
// Returns one row per refund: refund {id, sale_id, merchant_id, buyer_id,
// amount, fee, points, at, period, carried_from, reason}.
MATCH (:Sale {id: $sale_id})-[:REFUNDED]->(r:Refund)
RETURN r {.id, .sale_id, .merchant_id, .buyer_id, .amount, .fee, .points, .at, .period,
          .carried_from, .reason} AS refund
ORDER BY r.at, r.id
