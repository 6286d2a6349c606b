// name: financing_list
// Financing applications with status $status, at institution
// $institution_id, of buyer $buyer_id and of merchant $merchant_id (each
// null: any), in id order after cursor $after, at most $limit.
// Returns one row per application: application {id, sale_id,
// institution_id, buyer_id, merchant_id, amount, installments, fee_bp, fee,
// points, status, applied_at, lapse_at, approved_at, disbursed_at,
// decided_at, reason, cancelled_by, reference, period, carried_into}.
MATCH (a:FinancingApplication)
WHERE ($status IS NULL OR a.status = $status)
  AND ($institution_id IS NULL OR a.institution_id = $institution_id)
  AND ($buyer_id IS NULL OR a.buyer_id = $buyer_id)
  AND ($merchant_id IS NULL OR a.merchant_id = $merchant_id)
  AND ($after IS NULL OR a.id > $after)
RETURN a {
  .id, .sale_id, .institution_id, .buyer_id, .merchant_id, .amount, .installments, .fee_bp,
  .fee, .points, .status, .applied_at, .lapse_at, .approved_at, .disbursed_at, .decided_at,
  .reason, .cancelled_by, .reference, .period, .carried_into} AS application
ORDER BY a.id
LIMIT $limit
