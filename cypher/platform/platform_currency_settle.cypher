// name: platform_currency_settle
// Settles the platform's currency at start-up (graph/store/platform.py):
// every amount refgraph keeps is in one currency, stored on the Platform
// node.  $currency (the CURRENCY setting) is stored when nothing is stored
// yet or no money has moved (no sale and no ledger entry); once money has
// moved, a stored currency that differs is kept and the answer is mismatch.
// Outcomes: stored, kept, mismatch.
// Returns: outcome, currency (the one stored after the statement), moved.
OPTIONAL MATCH (p:Platform {id: 'platform'})
SET p._lock = true REMOVE p._lock
WITH p
OPTIONAL MATCH (e:Entry)
WITH p, e LIMIT 1
OPTIONAL MATCH (s:Sale)
WITH p, e, s LIMIT 1
WITH e IS NOT NULL OR s IS NOT NULL AS moved,
  CASE WHEN p IS NULL THEN null ELSE p.currency END AS stored
WITH moved, stored,
  CASE
    WHEN stored = $currency THEN 'kept'
    WHEN moved AND stored IS NOT NULL THEN 'mismatch'
    ELSE 'stored'
  END AS outcome
MERGE (q:Platform {id: 'platform'})
SET q.currency = CASE WHEN outcome = 'stored' THEN $currency ELSE q.currency END
RETURN outcome, q.currency AS currency, moved
