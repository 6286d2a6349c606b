// name: rules_in_force
// The rule set in force at time $at (epoch ms): the latest version whose
// effective_from is at or before $at.
// Returns: rules {version, effective_from, created_at, created_by, note, body}
// (body is the rule set as JSON text), or no row (the defaults apply).
MATCH (r:RuleSet)
WHERE r.effective_from <= $at
RETURN r {.version, .effective_from, .created_at, .created_by, .note, .body} AS rules
ORDER BY r.effective_from DESC, r.version DESC
LIMIT 1
