// name: institution_rotate_secret
// Gives institution $id a new secret (salt $salt under master key $key_id),
// keeping the one it had as the previous secret until $previous_until (the
// overlap); an older previous secret is dropped.  Idempotent on
// $change_id: the rotation that request made is a replay while it is the
// current secret, and superseded once a later rotation replaced it (its
// secret is not given again).  The institution is write-locked first.
// Outcomes: rotated, replayed, superseded.
// Returns: outcome, institution {id, name, services, currency, status,
// buyer_limit, fee_bp, created_at, updated_at, status_reason, secret_version,
// secret_at, secret_change, salt, key_id, previous_salt, previous_until}, or
// no row (no such institution).
MATCH (i:Institution {id: $id})
SET i._lock = true REMOVE i._lock
WITH i,
  CASE
    WHEN i.secret_change = $change_id THEN 'replayed'
    WHEN $change_id IN coalesce(i.rotations, []) THEN 'superseded'
    ELSE 'rotated'
  END AS outcome,
  i.salt AS old_salt, i.secret_version AS old_version
FOREACH (_ IN CASE WHEN outcome = 'rotated' THEN [1] ELSE [] END |
  SET i.previous_salt = old_salt, i.previous_until = $previous_until, i.salt = $salt,
      i.key_id = $key_id, i.secret_version = old_version + 1, i.secret_at = $at,
      i.secret_change = $change_id, i.rotations = coalesce(i.rotations, []) + [$change_id],
      i.updated_at = $at)
RETURN outcome, i {
  .id, .name, .services, .currency, .status, .buyer_limit, .fee_bp, .created_at, .updated_at,
  .status_reason, .secret_version, .secret_at, .secret_change, .salt, .key_id,
  .previous_salt, .previous_until} AS institution
