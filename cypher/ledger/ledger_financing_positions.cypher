// name: ledger_financing_positions
// What consumer finance must have left in the ledger, from the applications
// themselves: for each institution and merchant, the financed amounts less
// the institution's fees of their disbursed applications (the institution
// owes that to the platform, the platform to the merchant).
// Returns one row per (institution, merchant): institution_id, merchant_id, net.
MATCH (a:FinancingApplication {status: 'disbursed'})
WITH a.institution_id AS institution_id, a.merchant_id AS merchant_id,
  collect(a.amount - a.fee) AS nets
RETURN institution_id, merchant_id, reduce(t = 0, x IN nets | t + x) AS net
ORDER BY institution_id, merchant_id
