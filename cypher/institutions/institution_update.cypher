// name: institution_update
// Changes institution $id: each of $name, $services, $status (with
// $status_reason), $fee_bp that is not null, and $buyer_limit when
// $set_buyer_limit (null: no limit).  Applications already made keep the fee
// they were made with.  The institution is write-locked first.
// Returns: institution {id, name, services, currency, status, buyer_limit,
// fee_bp, created_at, updated_at, status_reason, secret_version, secret_at,
// previous_until}, or no row (no such institution).
MATCH (i:Institution {id: $id})
SET i._lock = true REMOVE i._lock
SET i.name = coalesce($name, i.name), i.services = coalesce($services, i.services),
    i.status_reason = CASE WHEN $status IS NULL OR $status = i.status THEN i.status_reason
                      ELSE $status_reason END,
    i.status = coalesce($status, i.status), i.fee_bp = coalesce($fee_bp, i.fee_bp),
    i.buyer_limit = CASE WHEN $set_buyer_limit THEN $buyer_limit ELSE i.buyer_limit END,
    i.updated_at = $at
RETURN i {
  .id, .name, .services, .currency, .status, .buyer_limit, .fee_bp, .created_at, .updated_at,
  .status_reason, .secret_version, .secret_at, .previous_until} AS institution
