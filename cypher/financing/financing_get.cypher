// name: financing_get
// Reads financing application $id.
// Returns: application {id, sale_id, institution_id, buyer_id, merchant_id,
// amount, installments, fee_bp, fee, points, status, applied_at, lapse_at,
// approved_at, disbursed_at, decided_at, reason, cancelled_by, reference,
// period, carried_into}, or no row.
MATCH (a:FinancingApplication {id: $id})
RETURN a {
  .id, .sale_id, .institution_id, .buyer_id, .merchant_id, .amount, .installments, .fee_bp,
  .fee, .points, .status, .applied_at, .lapse_at, .approved_at, .disbursed_at, .decided_at,
  .reason, .cancelled_by, .reference, .period, .carried_into} AS application
