// name: bench_referrers
// Every user who referred someone: the per-referrer baseline of the
// benchmark starts from this list, as most referral software does.
// Returns one row per referrer: referrer_id.
MATCH (r:User)-[:REFERRED]->(:User)
RETURN DISTINCT r.id AS referrer_id
