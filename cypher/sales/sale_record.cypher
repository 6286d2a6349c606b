// name: sale_record
// Merchant $merchant_id records sale $id of $amount (minor units) at $at,
// optionally to buyer $buyer_id and partly paid with the buyer's vouchers
// $vouchers ([{id, amount, token_hash, token_total}]).  Each voucher needs
// its holder's consent: token_hash is the sha256 of a redemption token the
// buyer minted (cypher/vouchers/voucher_redemption_create.cypher) for that
// voucher, unused, unexpired at $now (the time refgraph received the sale,
// not $at, which a merchant chooses), for this merchant or any, and whose
// cap covers token_total (what this sale takes with that token, all its
// vouchers together).  Without it the sale is refused as
// voucher_consent_required, before any voucher's state is looked at, and
// nothing moves; with it each token used is marked used by the sale, in the
// same statement.  In the same statement: the management fee
// $fee is charged, the buyer earns $points, each voucher's remaining value
// drops, and the merchant's fee total for $period grows (so reward runs read
// totals, not raw sales).  Every movement is a ledger entry (fee, points,
// each voucher redemption).  Vouchers are write-locked before they are read
// (cypher/DIALECTS.md).  Idempotent on $id with $request_hash.  A sale dated
// before its merchant (or its buyer) joined is refused.  A sale dated into a
// period whose reward run is completed or running is late: refused
// (period_closed) unless $carry_period names an open period, whose fee total
// then takes the fee (the sale's period is $carry_period, carried_from
// $period, and the fee total counts it in carried_fees as well).
// A financed sale ($financing: {id, institution_id, buyer_id, amount,
// installments, points, lapse_at}, null for a sale paid in full) creates
// its financing application (status applied) at institution
// $financing.institution_id, which must be active and give consumer credit,
// and within whose per-buyer limit the buyer's undecided applications there
// must stay, this one included; the institution's fee on it is its fee_bp
// of the amount, rounded half up (graph/money.py fee_for); the buyer's
// points ($financing.points; $points is 0) wait for the disbursement
// (cypher/financing/financing_transition.cypher).  The buyer is write-locked
// before those applications are summed.
// $fee_bp, $fee and $points follow the rules the caller picked; a caller
// using a cached rules timeline names its newest version ($rules_version,
// $rules_change_id; both null: no check), and if a newer version exists or
// that one is not there (a wiped or restored database) the sale is refused
// as rules_changed, nothing written: the caller reads the rules again.
// Outcomes: created, replayed, id_taken, rules_changed, unknown_merchant, not_a_merchant,
// merchant_inactive, before_merchant_joined, unknown_buyer, buyer_inactive,
// before_buyer_joined, voucher_consent_required, unknown_institution,
// institution_inactive, no_consumer_credit, financing_limit, period_closed,
// voucher_unusable.
// Returns: outcome, sale {...} (null when refused), bad_vouchers (ids),
// unconsented ([{id, reason}]: the vouchers without a valid token, reason
// one of no_token, other_voucher, other_merchant, used, expired, over_cap),
// undecided (the buyer's undecided financing at the institution before this
// sale, 0 without financing).
OPTIONAL MATCH (m:User {id: $merchant_id})
// coalesce: a null $buyer_id would scan every User on FalkorDB (DIALECTS.md)
OPTIONAL MATCH (b:User {id: coalesce($buyer_id, '')})
WITH m, b
UNWIND (CASE WHEN size($vouchers) = 0 THEN [null] ELSE $vouchers END) AS wanted
// Each voucher by its id, then whether the buyer owns it: written as
// (b)-[:OWNS]->(v:Voucher {id: ...}), Neo4j sometimes planned a scan of the
// whole Voucher index (tests/test_query_plans_neo4j.py).
OPTIONAL MATCH (v:Voucher {id: wanted.id})
WHERE (b)-[:OWNS]->(v)
// Lock first, then read (cypher/DIALECTS.md, "Concurrency"): a plain SET,
// a no-op when v is null.  The id is looked up after the lock.
SET v._lock = true REMOVE v._lock
WITH m, b, wanted, v
// The holder's consent: the redemption token named by its hash, locked
// before it is read, so that two sales cannot both use it.  coalesce: a
// voucher named without a token finds none.
OPTIONAL MATCH (r:VoucherRedemption {token_hash: coalesce(wanted.token_hash, '')})
SET r._lock = true REMOVE r._lock
WITH m, b, collect(CASE WHEN wanted IS NULL THEN null ELSE {
  id: wanted.id, amount: wanted.amount,
  consent: CASE
    WHEN r IS NULL THEN 'no_token'
    WHEN r.user_id <> coalesce($buyer_id, '') OR NOT wanted.id IN r.voucher_ids
      THEN 'other_voucher'
    WHEN r.merchant_id IS NOT NULL AND r.merchant_id <> $merchant_id THEN 'other_merchant'
    WHEN r.used_by IS NOT NULL THEN 'used'
    WHEN r.expires_at <= $now THEN 'expired'
    WHEN wanted.token_total > r.max_amount THEN 'over_cap'
    ELSE null END,
  ok: v IS NOT NULL AND v.status = 'active' AND v.expires_at > $at AND v.remaining >= wanted.amount
} END) AS uses,
  // the voucher nodes, in the order of uses when every one is usable (the
  // only case in which they are written), and the tokens that consent
  collect(v) AS vnodes, collect(DISTINCT r) AS rnodes
// Financing: the buyer is locked before their undecided applications at the
// institution are summed, so two financed sales at once cannot both pass
// its per-buyer limit.  coalesce: a null map gives '' (DIALECTS.md).
OPTIONAL MATCH (fb:User {id: coalesce($financing.buyer_id, '')})
SET fb._lock = true REMOVE fb._lock
WITH m, b, uses, vnodes, rnodes, fb
OPTIONAL MATCH (fb)-[:BOUGHT]->(:Sale)-[:FINANCED]->(open:FinancingApplication)
WHERE open.institution_id = $financing.institution_id AND open.status IN ['applied', 'approved']
WITH m, b, uses, vnodes, rnodes, collect(open.amount) AS undecided
OPTIONAL MATCH (fi:Institution {id: coalesce($financing.institution_id, '')})
OPTIONAL MATCH (existing:Sale {id: $id})
OPTIONAL MATCH (run:RewardRun {period: $period})
OPTIONAL MATCH (later:RewardRun {period: coalesce($carry_period, '')})
// versions are unique and numbered 1, 2, ... (rules_create): at most one each
OPTIONAL MATCH (newer:RuleSet {version: coalesce($rules_version + 1, -1)})
OPTIONAL MATCH (known:RuleSet {version: coalesce($rules_version, -1)})
WITH existing, m, b, uses, vnodes, rnodes, fi, reduce(t = 0, x IN undecided | t + x) AS undecided,
  run IS NOT NULL AND run.status IN ['completed', 'running'] AS closed,
  later IS NOT NULL AND later.status IN ['completed', 'running'] AS later_closed,
  $rules_version IS NOT NULL AND (newer IS NOT NULL OR ($rules_version > 0 AND
    (known IS NULL OR known.change_id <> $rules_change_id))) AS rules_changed
WITH existing, m, b, uses, vnodes, rnodes, fi, undecided, closed,
  CASE WHEN closed THEN $carry_period ELSE $period END AS at_period,
  CASE
    WHEN existing IS NOT NULL AND existing.request_hash = $request_hash THEN 'replayed'
    WHEN existing IS NOT NULL THEN 'id_taken'
    WHEN rules_changed THEN 'rules_changed'
    WHEN m IS NULL THEN 'unknown_merchant'
    WHEN NOT m:Merchant THEN 'not_a_merchant'
    WHEN m.status <> 'active' THEN 'merchant_inactive'
    WHEN $at < m.created_at THEN 'before_merchant_joined'
    WHEN $buyer_id IS NOT NULL AND b IS NULL THEN 'unknown_buyer'
    WHEN b IS NOT NULL AND b.status <> 'active' THEN 'buyer_inactive'
    WHEN b IS NOT NULL AND $at < b.created_at THEN 'before_buyer_joined'
    WHEN any(use IN uses WHERE use.consent IS NOT NULL) THEN 'voucher_consent_required'
    WHEN $financing IS NOT NULL AND fi IS NULL THEN 'unknown_institution'
    WHEN $financing IS NOT NULL AND fi.status <> 'active' THEN 'institution_inactive'
    WHEN $financing IS NOT NULL AND NOT 'consumer_credit' IN fi.services THEN 'no_consumer_credit'
    WHEN $financing IS NOT NULL AND fi.buyer_limit IS NOT NULL
      AND undecided + $financing.amount > fi.buyer_limit THEN 'financing_limit'
    WHEN closed AND ($carry_period IS NULL OR later_closed) THEN 'period_closed'
    WHEN any(use IN uses WHERE NOT use.ok) THEN 'voucher_unusable'
    ELSE 'created'
  END AS outcome
// Writes: every SET on an existing node before the first CREATE, and every
// created node with all its properties in its CREATE (cypher/DIALECTS.md,
// "Writes after creations": on FalkorDB an update after a creation in the
// same statement costs time that grows with the graph).
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  MERGE (t:FeeTotal {id: $merchant_id + '|' + at_period})
  ON CREATE SET t.merchant_id = $merchant_id, t.period = at_period, t.fees = 0,
    t.refunded_fees = 0, t.sales = 0, t.amount = 0, t.refunds = 0
  MERGE (m)-[:HAS_FEES]->(t)
  SET t._lock = true REMOVE t._lock
  SET t.fees = t.fees + $fee, t.sales = t.sales + 1, t.amount = t.amount + $amount
  FOREACH (_c IN CASE WHEN closed THEN [1] ELSE [] END |
    SET t.carried_fees = coalesce(t.carried_fees, 0) + $fee)
  FOREACH (buyer IN CASE WHEN b IS NULL THEN [] ELSE [b] END |
    SET buyer._lock = true REMOVE buyer._lock
    SET buyer.points = buyer.points + $points)
  FOREACH (i IN range(0, size(vnodes) - 1) | FOREACH (voucher IN [vnodes[i]] |
    SET voucher.remaining = voucher.remaining - uses[i].amount))
  FOREACH (token IN rnodes | SET token.used_by = $id, token.used_at = $now)
  CREATE (s:Sale {
    id: $id, merchant_id: $merchant_id, buyer_id: $buyer_id, amount: $amount,
    currency: $currency, at: $at, period: at_period, items: $items,
    carried_from: CASE WHEN closed THEN $period ELSE null END,
    voucher_paid: $voucher_paid, fee_bp: $fee_bp, fee: $fee, points: $points,
    refunded_amount: 0, refunded_fee: 0, refunded_points: 0, request_hash: $request_hash,
    financing_id: $financing.id, financed_amount: $financing.amount,
    financing_status: CASE WHEN $financing IS NULL THEN null ELSE 'applied' END,
    event_seq: 1})
  CREATE (m)-[:SOLD]->(s)
  FOREACH (f IN CASE WHEN $financing IS NULL THEN [] ELSE [$financing] END |
    CREATE (s)-[:FINANCED]->(a:FinancingApplication {
      id: f.id, sale_id: $id, institution_id: f.institution_id, buyer_id: $buyer_id,
      merchant_id: $merchant_id, amount: f.amount, installments: f.installments,
      fee_bp: fi.fee_bp, fee: (2 * f.amount * fi.fee_bp + 10000) / 20000, points: f.points,
      status: 'applied', applied_at: $at, lapse_at: f.lapse_at, period: at_period,
      updated_at: $at})
    CREATE (a)-[:APPLIED_TO]->(fi))
  FOREACH (_f IN CASE WHEN $fee > 0 THEN [1] ELSE [] END |
    CREATE (:Entry {id: 'sale:' + $id + ':fee', at: $at, kind: 'fee', amount: $fee, ref: $id,
                    debit: 'merchant:' + $merchant_id + ':fees', credit: 'platform:fees'}))
  FOREACH (buyer IN CASE WHEN b IS NULL THEN [] ELSE [b] END |
    CREATE (buyer)-[:BOUGHT]->(s)
    FOREACH (_p IN CASE WHEN $points > 0 THEN [1] ELSE [] END |
      CREATE (:Entry {id: 'sale:' + $id + ':points', at: $at, kind: 'points', amount: $points,
                      ref: $id, debit: 'platform:points', credit: 'user:' + $buyer_id + ':points'})))
  FOREACH (i IN range(0, size(vnodes) - 1) | FOREACH (voucher IN [vnodes[i]] |
    CREATE (s)-[:PAID_WITH {amount: uses[i].amount}]->(voucher)
    CREATE (:Entry {id: 'sale:' + $id + ':voucher:' + uses[i].id, at: $at,
                    kind: 'voucher_redeemed', amount: uses[i].amount, ref: $id,
                    debit: 'user:' + $buyer_id + ':vouchers',
                    credit: 'merchant:' + $merchant_id + ':voucher_receipts'})))
  // outbox (issue 16): the event of this change, only in its branch, with
  // the sale's fields (graph/webhooks/events.py) and its voucher payments as
  // two lists.  A new sale's event is its first (event_seq 1).
  CREATE (:OutboxEvent {event_id: 'sale.recorded:' + $id + ':1',
    event_type: 'sale.recorded', event_resource: 'sale', event_resource_id: $id,
    event_seq: 1, event_at: $at, event_status: 'new',
    event_voucher_ids: [use IN uses | use.id], event_voucher_amounts: [use IN uses | use.amount],
    id: $id, merchant_id: $merchant_id, buyer_id: $buyer_id, amount: $amount,
    currency: $currency, at: $at, period: at_period, items: $items,
    carried_from: CASE WHEN closed THEN $period ELSE null END,
    voucher_paid: $voucher_paid, fee_bp: $fee_bp, fee: $fee, points: $points,
    refunded_amount: 0, refunded_fee: 0, refunded_points: 0,
    financing_id: $financing.id, financed_amount: $financing.amount,
    financing_status: CASE WHEN $financing IS NULL THEN null ELSE 'applied' END}))
WITH outcome, undecided, [use IN uses WHERE NOT use.ok | use.id] AS bad_vouchers,
  [use IN uses WHERE use.consent IS NOT NULL | {id: use.id, reason: use.consent}] AS unconsented
OPTIONAL MATCH (s:Sale {id: $id})
RETURN outcome, bad_vouchers, unconsented, undecided,
  CASE WHEN outcome IN ['created', 'replayed'] THEN s {
    .id, .merchant_id, .buyer_id, .amount, .currency, .at, .period, .carried_from, .items,
    .voucher_paid,
    .fee_bp, .fee, .points, .refunded_amount, .refunded_fee, .refunded_points,
    .financing_id, .financed_amount, .financing_status, .voided_at
  } END AS sale
