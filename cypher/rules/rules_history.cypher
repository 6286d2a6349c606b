// name: rules_history
// Every rule-set version, newest first.
// Returns one row per version: rules {version, effective_from, created_at,
// created_by, note, body, change_id}.
MATCH (r:RuleSet)
RETURN r {.version, .effective_from, .created_at, .created_by, .note, .body, .change_id} AS rules
ORDER BY r.version DESC
