// name: sale_get
// Reads sale $id with the vouchers that paid for it.
// Returns: sale {id, merchant_id, buyer_id, amount, currency, at, period,
// carried_from (a late sale: the period it is dated in), items, voucher_paid,
// fee_bp, fee, points, refunded_amount, refunded_fee, refunded_points,
// vouchers: [{id, amount}], financing_id, financed_amount, financing_status
// (of its financing application, null for a sale paid in full), voided_at
// (its financing was declined or cancelled)}, or no row.
MATCH (s:Sale {id: $id})
OPTIONAL MATCH (s)-[p:PAID_WITH]->(v:Voucher)
WITH s, collect(CASE WHEN v IS NULL THEN null ELSE {id: v.id, amount: p.amount} END) AS vouchers
RETURN s {
  .id, .merchant_id, .buyer_id, .amount, .currency, .at, .period, .carried_from, .items,
  .voucher_paid, .fee_bp, .fee, .points, .refunded_amount, .refunded_fee, .refunded_points,
  .financing_id, .financed_amount, .financing_status, .voided_at,
  vouchers: vouchers
} AS sale
