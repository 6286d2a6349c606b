// name: ledger_entries_of_account
// The entries touching account $account, oldest first, after the cursor $after
// (an entry id, or null), at most $limit.
// Returns one row per entry: entry {id, at, kind, debit, credit, amount, ref}.
MATCH (e:Entry)
WHERE (e.debit = $account OR e.credit = $account) AND ($after IS NULL OR e.id > $after)
RETURN e {.id, .at, .kind, .debit, .credit, .amount, .ref} AS entry
ORDER BY e.id
LIMIT $limit
