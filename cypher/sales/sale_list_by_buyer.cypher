// name: sale_list_by_buyer
// Sales of buyer $user_id with $from <= at < $to (nulls: unbounded), in
// (at, id) order after the cursor ($after_at, $after_id), at most $limit.
// Returns one row per sale: sale {id, merchant_id, buyer_id, amount, currency,
// at, period, carried_from (a late sale: the period it is dated in),
// voucher_paid, fee, points, refunded_amount, refunded_fee, items,
// financing_id, financed_amount, financing_status, voided_at}.
MATCH (:User {id: $user_id})-[:BOUGHT]->(s:Sale)
WHERE ($from IS NULL OR s.at >= $from) AND ($to IS NULL OR s.at < $to)
  AND ($after_at IS NULL OR s.at > $after_at OR (s.at = $after_at AND s.id > $after_id))
RETURN s {
  .id, .merchant_id, .buyer_id, .amount, .currency, .at, .period, .carried_from,
  .voucher_paid, .fee, .points, .refunded_amount, .refunded_fee, .items,
  .financing_id, .financed_amount, .financing_status, .voided_at
} AS sale
ORDER BY s.at, s.id
LIMIT $limit
