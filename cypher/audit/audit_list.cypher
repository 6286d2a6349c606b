// name: audit_list
// Audit events, newest first: ordered by (at, id) descending, those strictly
// before the cursor ($before_at, $before_id), the (at, id) of the last event
// of the previous page; the first page passes $before_at =
// 9223372036854775807 and $before_id = '' (never null: the range on the
// indexed `at` is what lets Neo4j read the index in order and stop after the
// page).  Filters: $action, $subject_id and $actor_id (the API key id or the
// OS user); null means any.  They are predicates, never pattern properties:
// FalkorDB plans an equality against a null parameter as a label scan
// (cypher/DIALECTS.md, "Null parameters").  The tie on `at` is broken with
// toString(e.id), not e.id: FalkorDB 4.16 answers `e.id < $x` on an indexed
// string property from the index and ignores that upper bound (every event
// came back); a computed value is filtered instead.  At most $limit rows.
// Returns one row per event: event {id, at, action, subject_type,
// subject_id, actor_type, actor_id, actor_role, before, after, request_id}.
MATCH (e:AuditEvent)
WHERE e.at <= $before_at
  AND (e.at < $before_at OR toString(e.id) < $before_id)
  AND ($action IS NULL OR e.action = $action)
  AND ($subject_id IS NULL OR e.subject_id = $subject_id)
  AND ($actor_id IS NULL OR e.actor_id = $actor_id)
WITH e ORDER BY e.at DESC, e.id DESC LIMIT $limit
RETURN e {.id, .at, .action, .subject_type, .subject_id, .actor_type, .actor_id, .actor_role,
          .before, .after, .request_id} AS event
ORDER BY event.at DESC, event.id DESC
