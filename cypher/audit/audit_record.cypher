// name: audit_record
// Records audit event $id: the operator action $action (a dotted name such as
// withdrawal.approved) on the subject ($subject_type, $subject_id), done by
// the actor ($actor_type: api_key, cli or institution; $actor_id; $actor_role,
// null outside API keys) at $at, with the subject's relevant fields $before
// and $after as JSON text (null when there was no before or after) and the
// HTTP $request_id (null for the command line).  Idempotent on $id (derived
// from the action, the subject and, for an action that may happen again, the
// request: graph/store/audit.py), so a retried or concurrent request that
// reports the same change writes one event; one recorded before is returned
// as it is, never changed.
// Returns: created (false for a replay), event {id, at, action, subject_type,
// subject_id, actor_type, actor_id, actor_role, before, after, request_id}.
OPTIONAL MATCH (old:AuditEvent {id: $id})
WITH old IS NULL AS created
MERGE (e:AuditEvent {id: $id})
ON CREATE SET e.at = $at, e.action = $action, e.subject_type = $subject_type,
  e.subject_id = $subject_id, e.actor_type = $actor_type, e.actor_id = $actor_id,
  e.actor_role = $actor_role, e.before = $before, e.after = $after,
  e.request_id = $request_id
RETURN created, e {.id, .at, .action, .subject_type, .subject_id, .actor_type, .actor_id,
                   .actor_role, .before, .after, .request_id} AS event
