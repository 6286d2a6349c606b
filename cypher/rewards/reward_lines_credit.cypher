// name: reward_lines_credit
// Creates and credits reward lines, exactly once.  $referrers is a list of
// {referrer_id, lines: [{id, period, level, amount, ...}]}; one row per
// referrer, so all of a referrer's new lines are credited together.  A line
// whose id exists already is skipped (a rerun, a second worker).  Positive
// lines go to the referrer's pending cash until $release_at; negative lines
// (clawbacks) add to what the referrer owes against future rewards.  Each
// credit is a ledger entry in the same statement.
// The referrer's totals are summed over its new lines and set before anything
// is created, and each line, entry and event is created whole (FalkorDB: an
// update after a creation costs a pass over the graph, cypher/DIALECTS.md
// "Writes after creations")
// Returns: referrers (credited), lines (created), rewards, clawbacks.
UNWIND $referrers AS item
MATCH (u:User {id: item.referrer_id})
SET u._lock = true REMOVE u._lock
WITH u, item
UNWIND item.lines AS line
OPTIONAL MATCH (existing:RewardLine {id: line.id})
WITH u, line WHERE existing IS NULL
WITH u, collect(line) AS new
WITH u, new,
  reduce(t = 0, l IN new | t + CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END) AS rewards,
  reduce(t = 0, l IN new | t + CASE WHEN l.amount < 0 THEN -l.amount ELSE 0 END) AS clawbacks
SET u.cash_pending = u.cash_pending + rewards, u.clawback_due = u.clawback_due + clawbacks
WITH u, new, rewards, clawbacks
UNWIND new AS line
WITH u, line, rewards, clawbacks, line.amount > 0 AS reward
CREATE (l:RewardLine {
  id: line.id, period: line.period, referrer_id: u.id, level: line.level,
  amount: line.amount, status: CASE WHEN reward THEN 'pending' ELSE 'clawback' END,
  release_at: $release_at, created_at: $at, rules_version: $rules_version,
  referrals: line.referrals, tier: line.tier, tier_threshold: line.tier_threshold,
  tier_share_bp: line.tier_share_bp, level_share_bp: line.level_share_bp, base: line.base,
  detail: line.detail, event_seq: 1})
CREATE (u)-[:EARNED]->(l)
CREATE (:Entry {
  id: line.id, at: $at, kind: CASE WHEN reward THEN 'reward' ELSE 'clawback' END,
  debit: CASE WHEN reward THEN 'platform:rewards' ELSE 'user:' + u.id + ':clawback' END,
  credit: CASE WHEN reward THEN 'user:' + u.id + ':pending' ELSE 'platform:rewards' END,
  amount: abs(line.amount), ref: line.id})
// outbox (issue 16): the event of this line's credit, only for a line created
// here, with the line's fields (graph/webhooks/events.py): a new line's first
// event is number 1
CREATE (:OutboxEvent {
  event_id: CASE WHEN reward THEN 'reward.credited:' ELSE 'clawback.created:' END
            + line.id + ':1',
  event_type: CASE WHEN reward THEN 'reward.credited' ELSE 'clawback.created' END,
  event_resource: 'reward_line', event_resource_id: line.id, event_seq: 1,
  event_at: $at, event_status: 'new',
  id: line.id, period: line.period, referrer_id: u.id, level: line.level,
  amount: line.amount, status: CASE WHEN reward THEN 'pending' ELSE 'clawback' END,
  release_at: $release_at, created_at: $at, rules_version: $rules_version,
  referrals: line.referrals, tier: line.tier, tier_threshold: line.tier_threshold,
  tier_share_bp: line.tier_share_bp, level_share_bp: line.level_share_bp, base: line.base,
  detail: line.detail})
WITH u, rewards, clawbacks, count(l) AS created
WITH collect([created, rewards, clawbacks]) AS rows
RETURN size(rows) AS referrers, reduce(t = 0, r IN rows | t + r[0]) AS lines,
  reduce(t = 0, r IN rows | t + r[1]) AS rewards, reduce(t = 0, r IN rows | t + r[2]) AS clawbacks
