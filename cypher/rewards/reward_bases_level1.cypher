// name: reward_bases_level1
// The fee base of level 1: each merchant with fees or refunds in $period and
// the referrer who brought it in.  Reads the per-merchant, per-period totals
// kept up to date by sale_record and refund_record, never raw sales.  One row
// per referrer (a list of its merchants), not per merchant: at 100k users,
// 2,037 rows instead of 9,987, which Neo4j's driver reads in half the time.
// Returns one row per referrer: referrer_id, merchants (a list of
// [merchant_id, fees, refunded_fees, carried_fees, carried_refunded_fees],
// the carried ones the parts of fees and refunded_fees carried in from late
// sales and refunds of closed periods; in no particular order).
MATCH (t:FeeTotal {period: $period})<-[:HAS_FEES]-(m:User)<-[:REFERRED]-(r:User)
RETURN r.id AS referrer_id,
  collect([m.id, t.fees, t.refunded_fees, coalesce(t.carried_fees, 0),
           coalesce(t.carried_refunded_fees, 0)]) AS merchants
