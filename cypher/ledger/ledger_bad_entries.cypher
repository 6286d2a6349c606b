// name: ledger_bad_entries
// Entries that cannot be a double-entry movement: no or non-positive amount,
// a missing account, or the same account on both sides.
// Returns one row per bad entry: entry {id, kind, debit, credit, amount}.
MATCH (e:Entry)
WHERE e.amount IS NULL OR e.amount <= 0 OR e.debit IS NULL OR e.credit IS NULL
  OR e.debit = e.credit
RETURN e {.id, .kind, .debit, .credit, .amount} AS entry
ORDER BY e.id
