// name: reward_lines_credit
// Creates and credits reward lines, exactly once.  $referrers is a list of
// {referrer_id, lines: [{id, period, level, amount, ...}]}; one row per
// referrer, so all of a referrer's new lines are credited together.  A line
// whose id exists already is skipped (a rerun, a second worker).  Positive
// lines go to the referrer's pending cash until $release_at; negative lines
// (clawbacks) add to what the referrer owes against future rewards.  Each
// credit is a ledger entry in the same statement.
// Returns: referrers (credited), lines (created), rewards, clawbacks.
UNWIND $referrers AS item
MATCH (u:User {id: item.referrer_id})
SET u._lock = true REMOVE u._lock
WITH u, item
UNWIND item.lines AS line
OPTIONAL MATCH (existing:RewardLine {id: line.id})
WITH u, line WHERE existing IS NULL
CREATE (l:RewardLine {
  id: line.id, period: line.period, referrer_id: u.id, level: line.level,
  amount: line.amount, status: CASE WHEN line.amount > 0 THEN 'pending' ELSE 'clawback' END,
  release_at: $release_at, created_at: $at, rules_version: $rules_version,
  referrals: line.referrals, tier: line.tier, tier_threshold: line.tier_threshold,
  tier_share_bp: line.tier_share_bp, level_share_bp: line.level_share_bp, base: line.base,
  detail: line.detail})
CREATE (u)-[:EARNED]->(l)
CREATE (:Entry {
  id: line.id, at: $at, kind: CASE WHEN line.amount > 0 THEN 'reward' ELSE 'clawback' END,
  debit: CASE WHEN line.amount > 0 THEN 'platform:rewards' ELSE 'user:' + u.id + ':clawback' END,
  credit: CASE WHEN line.amount > 0 THEN 'user:' + u.id + ':pending' ELSE 'platform:rewards' END,
  amount: abs(line.amount), ref: line.id})
// outbox (issue 16): the event of this line's credit, only for a line created
// here (the line's fields are copied onto it, graph/webhooks/events.py)
SET l.event_seq = coalesce(l.event_seq, 0) + 1
CREATE (outbox:OutboxEvent {
  event_id: CASE WHEN line.amount > 0 THEN 'reward.credited:' ELSE 'clawback.created:' END
            + line.id + ':' + toString(l.event_seq),
  event_type: CASE WHEN line.amount > 0 THEN 'reward.credited' ELSE 'clawback.created' END,
  event_resource: 'reward_line', event_resource_id: line.id, event_seq: l.event_seq,
  event_at: $at, event_status: 'new'})
SET outbox += l {.id, .period, .referrer_id, .level, .amount, .status, .release_at,
                .released_at, .created_at, .rules_version, .referrals, .tier,
                .tier_threshold, .tier_share_bp, .level_share_bp, .base, .detail}
WITH u, collect(line.amount) AS amounts
WITH u, reduce(t = 0, a IN amounts | t + CASE WHEN a > 0 THEN a ELSE 0 END) AS rewards,
  reduce(t = 0, a IN amounts | t + CASE WHEN a < 0 THEN -a ELSE 0 END) AS clawbacks,
  size(amounts) AS created
SET u.cash_pending = u.cash_pending + rewards, u.clawback_due = u.clawback_due + clawbacks
WITH collect([created, rewards, clawbacks]) AS rows
RETURN size(rows) AS referrers, reduce(t = 0, r IN rows | t + r[0]) AS lines,
  reduce(t = 0, r IN rows | t + r[1]) AS rewards, reduce(t = 0, r IN rows | t + r[2]) AS clawbacks
