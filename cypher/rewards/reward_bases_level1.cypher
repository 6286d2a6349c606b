// name: reward_bases_level1
// The fee base of level 1: each merchant with fees or refunds in $period and
// the referrer who brought it in.  Reads the per-merchant, per-period totals
// kept up to date by sale_record and refund_record, never raw sales.
// Returns one row per (referrer, merchant): referrer_id, merchant_id, fees,
// refunded_fees, carried_fees, carried_refunded_fees (the parts of fees and
// refunded_fees carried in from late sales and refunds of closed periods).
MATCH (t:FeeTotal {period: $period})<-[:HAS_FEES]-(m:User)<-[:REFERRED]-(r:User)
RETURN r.id AS referrer_id, m.id AS merchant_id, t.fees AS fees,
  t.refunded_fees AS refunded_fees, coalesce(t.carried_fees, 0) AS carried_fees,
  coalesce(t.carried_refunded_fees, 0) AS carried_refunded_fees
