// name: user_set_status
// Sets the status of user $id to $status (active, suspended, closed) and
// records who changed it and when.
// Returns: user {id, name, status, labels}, or no row when there is no such user.
MATCH (u:User {id: $id})
SET u.status = $status, u.status_changed_at = $at, u.status_reason = $reason
RETURN u {.id, .name, .status, .status_changed_at, .status_reason, labels: labels(u)} AS user
