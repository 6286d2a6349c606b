// name: user_set_status
// Sets the status of user $id to $status (active, suspended, closed) and
// records who changed it and when.  When the status really changes, the
// outbox event user.status_changed is written in the same statement (the
// user is write-locked before its status is read).
// Returns: user {id, name, status, labels}, or no row when there is no such user.
MATCH (u:User {id: $id})
// outbox (issue 16): lock, then read whether this is a change
SET u._lock = true REMOVE u._lock
WITH u, u.status <> $status AS changed
SET u.status = $status, u.status_changed_at = $at, u.status_reason = $reason
// outbox (issue 16): the event of this change, only when the status changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET u.event_seq = coalesce(u.event_seq, 0) + 1
  CREATE (outbox:OutboxEvent {
    event_id: 'user.status_changed:' + $id + ':' + toString(u.event_seq),
    event_type: 'user.status_changed', event_resource: 'user', event_resource_id: $id,
    event_seq: u.event_seq, event_at: $at, event_status: 'new'})
  SET outbox += u {.id, .name, .status, .created_at, .referral_code, .referrer_id, .root,
                   labels: labels(u)})
RETURN u {.id, .name, .status, .status_changed_at, .status_reason, labels: labels(u)} AS user
