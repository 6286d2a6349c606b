// name: rules_create
// Adds a new rule-set version effective from $effective_from, numbered one
// above the highest so far; idempotent on $change_id (a replay returns the
// version it created).  History is never edited.
// Returns: rules {version, effective_from, created_at, created_by, note, body,
// change_id}.
OPTIONAL MATCH (previous:RuleSet)
WITH coalesce(max(previous.version), 0) + 1 AS next
MERGE (r:RuleSet {change_id: $change_id})
ON CREATE SET r.version = next, r.effective_from = $effective_from, r.body = $body,
  r.created_at = $at, r.created_by = $created_by, r.note = $note
RETURN r {.version, .effective_from, .created_at, .created_by, .note, .body, .change_id} AS rules
