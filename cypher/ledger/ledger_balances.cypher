// name: ledger_balances
// The balance of every ledger account: what its entries credited minus what
// they debited.
// Returns one row per account: account, balance, entries.
MATCH (e:Entry)
UNWIND [[e.credit, e.amount], [e.debit, -e.amount]] AS move
WITH move[0] AS account, collect(move[1]) AS amounts
RETURN account, reduce(t = 0, a IN amounts | t + a) AS balance, size(amounts) AS entries
ORDER BY account
