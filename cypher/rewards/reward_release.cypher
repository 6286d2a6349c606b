// name: reward_release
// Releases pending reward lines whose hold ended by $now, for at most $batch
// active referrers (suspended users' rewards stay held).  Per referrer, in
// one row: the released total moves from pending to withdrawable cash, less
// what the referrer owes from clawbacks, which it settles.  Ledger entries
// are written in the same statement; $run_id keeps their ids unique.  The
// referrer is write-locked and the lines' status re-read after the lock, so
// two concurrent releases never release a line twice.
// Returns: referrers, lines, released, settled (clawback offset).
MATCH (l:RewardLine {status: 'pending'})
WHERE l.release_at <= $now
MATCH (u:User {id: l.referrer_id})
WHERE u.status = 'active'
WITH u, collect(l) AS lines
LIMIT $batch
SET u._lock = true REMOVE u._lock
// re-read after the lock: on Neo4j a concurrent release may have taken them
WITH u, [l IN lines WHERE l.status = 'pending'] AS lines
WHERE size(lines) > 0
WITH u, lines, reduce(t = 0, l IN lines | t + l.amount) AS total
WITH u, lines, total, CASE WHEN total < u.clawback_due THEN total ELSE u.clawback_due END AS offset
FOREACH (l IN lines | SET l.status = 'released', l.released_at = $now
  // outbox (issue 16): the event of each line released here (the line's
  // fields are copied onto it, graph/webhooks/events.py)
  SET l.event_seq = coalesce(l.event_seq, 0) + 1
  CREATE (outbox:OutboxEvent {event_id: 'reward.released:' + l.id + ':' + toString(l.event_seq),
    event_type: 'reward.released', event_resource: 'reward_line', event_resource_id: l.id,
    event_seq: l.event_seq, event_at: $now, event_status: 'new'})
  SET outbox += l {.id, .period, .referrer_id, .level, .amount, .status, .release_at,
                   .released_at, .created_at, .rules_version, .referrals, .tier,
                   .tier_threshold, .tier_share_bp, .level_share_bp, .base, .detail})
SET u.cash_pending = u.cash_pending - total,
    u.cash_available = u.cash_available + total - offset,
    u.clawback_due = u.clawback_due - offset
CREATE (:Entry {id: $run_id + '|release|' + u.id, at: $now, kind: 'release',
                debit: 'user:' + u.id + ':pending', credit: 'user:' + u.id + ':available',
                amount: total, ref: $run_id})
FOREACH (_ IN CASE WHEN offset > 0 THEN [1] ELSE [] END |
  CREATE (:Entry {id: $run_id + '|settle|' + u.id, at: $now, kind: 'clawback_settled',
                  debit: 'user:' + u.id + ':available', credit: 'user:' + u.id + ':clawback',
                  amount: offset, ref: $run_id}))
WITH collect([size(lines), total, offset]) AS rows
RETURN size(rows) AS referrers, reduce(t = 0, r IN rows | t + r[0]) AS lines,
  reduce(t = 0, r IN rows | t + r[1]) AS released, reduce(t = 0, r IN rows | t + r[2]) AS settled
