// name: analytics_fee_totals_page
// The merchants' fee totals per period (kept by sale_record and
// refund_record), a page at a time after total id $after, at most $limit.
// Returns one row per (merchant, period): id, merchant_id, period, fees,
// refunded_fees, sales, amount.
MATCH (t:FeeTotal)
WHERE $after IS NULL OR t.id > $after
RETURN t.id AS id, t.merchant_id AS merchant_id, t.period AS period, t.fees AS fees,
  t.refunded_fees AS refunded_fees, t.sales AS sales, t.amount AS amount
ORDER BY t.id
LIMIT $limit
