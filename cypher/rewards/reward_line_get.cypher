// name: reward_line_get
// Reads reward line $id with everything that explains it.
// Returns: line {id, period, referrer_id, level, amount, status, release_at,
// released_at, created_at, rules_version, referrals, tier, tier_threshold,
// tier_share_bp, level_share_bp, base, detail}, or no row.
MATCH (l:RewardLine {id: $id})
RETURN l {
  .id, .period, .referrer_id, .level, .amount, .status, .release_at, .released_at,
  .created_at, .rules_version, .referrals, .tier, .tier_threshold, .tier_share_bp,
  .level_share_bp, .base, .detail
} AS line
