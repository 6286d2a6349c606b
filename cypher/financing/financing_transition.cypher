// name: financing_transition
// Moves financing application $id to status $to if its status is one of
// $from, with every movement that makes, in this one statement:
// approved: nothing moves yet.  disbursed: the institution lent the financed
// part; the institution's receivable and the merchant's payable grow by the
// amount (ledger financing_disbursed), less the institution's fee (ledger
// financing_fee), and the buyer earns the sale's points, which become the
// sale's own (so refunds reverse them).  declined or cancelled: the sale is
// void: its fee is reversed (ledger fee_voided) and taken out of the
// merchant's fee total of the sale's period (fees, sales, amount); when that
// period's reward run is completed or running, the reversed fee is instead
// a refunded fee of open period $carry_period (carried_refunded_fees too),
// and period_closed answers when $carry_period is null or closed as well;
// points are never earned.
// $institution_id, when not null, must be the application's institution
// (a signed callback; another institution's application is unknown to it).
// $reference is the institution's reference of the decision: the status the
// application has already, with any reference, is a replay; a reference it
// gave another status of this application is reference_reused.  $by is who
// decides (institution, operator, lapse); a lapse cancels only once the
// application's lapse_at has passed.  The application is write-locked
// first, then its sale, its buyer and the fee total.
// Outcomes: done, replayed, unknown_application, reference_reused,
// invalid_transition, not_due, period_closed.
// Returns: outcome, application {id, sale_id, institution_id, buyer_id,
// merchant_id, amount, installments, fee_bp, fee, points, status, applied_at,
// lapse_at, approved_at, disbursed_at, decided_at, reason, cancelled_by,
// reference, period, carried_into}.
OPTIONAL MATCH (a:FinancingApplication {id: $id})
// Lock first, then read (cypher/DIALECTS.md, "Concurrency"): a plain SET,
// a no-op when a is null.
SET a._lock = true REMOVE a._lock
WITH a
OPTIONAL MATCH (s:Sale)-[:FINANCED]->(a)
SET s._lock = true REMOVE s._lock
WITH a, s
OPTIONAL MATCH (run:RewardRun {period: coalesce(s.period, '')})
OPTIONAL MATCH (later:RewardRun {period: coalesce($carry_period, '')})
WITH a, s,
  run IS NOT NULL AND run.status IN ['completed', 'running'] AS closed,
  later IS NOT NULL AND later.status IN ['completed', 'running'] AS later_closed,
  [r IN [a.approved_ref, a.declined_ref, a.disbursed_ref, a.cancelled_ref]
   WHERE r IS NOT NULL] AS refs
WITH a, s, closed,
  CASE
    WHEN a IS NULL OR ($institution_id IS NOT NULL AND a.institution_id <> $institution_id)
      THEN 'unknown_application'
    WHEN a.status = $to THEN 'replayed'
    WHEN $reference IS NOT NULL AND $reference IN refs THEN 'reference_reused'
    WHEN NOT a.status IN $from THEN 'invalid_transition'
    WHEN $by = 'lapse' AND a.lapse_at > $at THEN 'not_due'
    WHEN $to IN ['declined', 'cancelled'] AND closed AND ($carry_period IS NULL OR later_closed)
      THEN 'period_closed'
    ELSE 'done'
  END AS outcome
WITH a, s, closed, outcome,
  CASE WHEN closed THEN $carry_period ELSE s.period END AS at_period,
  CASE WHEN outcome = 'done' AND $to IN ['declined', 'cancelled']
    THEN s.fee - s.refunded_fee ELSE 0 END AS fee_back
OPTIONAL MATCH (b:User)-[:BOUGHT]->(s)
OPTIONAL MATCH (m:User)-[:SOLD]->(s)
FOREACH (_ IN CASE WHEN outcome = 'done' THEN [1] ELSE [] END |
  SET a.status = $to, a.updated_at = $at, a.reason = coalesce($reason, a.reason),
      a.reference = coalesce($reference, a.reference), s.financing_status = $to
  FOREACH (_a IN CASE WHEN $to = 'approved' THEN [1] ELSE [] END |
    SET a.approved_at = $at, a.approved_ref = $reference)
  FOREACH (_d IN CASE WHEN $to = 'disbursed' THEN [1] ELSE [] END |
    SET a.disbursed_at = $at, a.disbursed_ref = $reference, s.points = a.points
    CREATE (:Entry {id: 'financing:' + a.id + ':disbursed', at: $at, kind: 'financing_disbursed',
                    amount: a.amount, ref: a.id,
                    debit: 'institution:' + a.institution_id + ':receivable',
                    credit: 'merchant:' + a.merchant_id + ':financing_payable'})
    FOREACH (_f IN CASE WHEN a.fee > 0 THEN [1] ELSE [] END |
      CREATE (:Entry {id: 'financing:' + a.id + ':fee', at: $at, kind: 'financing_fee',
                      amount: a.fee, ref: a.id,
                      debit: 'merchant:' + a.merchant_id + ':financing_payable',
                      credit: 'institution:' + a.institution_id + ':receivable'}))
    FOREACH (buyer IN CASE WHEN b IS NULL OR a.points = 0 THEN [] ELSE [b] END |
      SET buyer._lock = true REMOVE buyer._lock
      SET buyer.points = buyer.points + a.points
      CREATE (:Entry {id: 'financing:' + a.id + ':points', at: $at, kind: 'points',
                      amount: a.points, ref: a.sale_id, debit: 'platform:points',
                      credit: 'user:' + buyer.id + ':points'})))
  FOREACH (_v IN CASE WHEN $to IN ['declined', 'cancelled'] THEN [1] ELSE [] END |
    SET a.decided_at = $at, s.voided_at = $at, s.voided_fee = fee_back,
        a.declined_ref = CASE WHEN $to = 'declined' THEN $reference ELSE a.declined_ref END,
        a.cancelled_ref = CASE WHEN $to = 'cancelled' THEN $reference ELSE a.cancelled_ref END,
        a.cancelled_by = CASE WHEN $to = 'cancelled' THEN $by ELSE null END
    MERGE (t:FeeTotal {id: s.merchant_id + '|' + at_period})
    ON CREATE SET t.merchant_id = s.merchant_id, t.period = at_period, t.fees = 0,
      t.refunded_fees = 0, t.sales = 0, t.amount = 0, t.refunds = 0
    MERGE (m)-[:HAS_FEES]->(t)
    SET t._lock = true REMOVE t._lock
    FOREACH (_o IN CASE WHEN closed THEN [] ELSE [1] END |
      SET t.fees = t.fees - fee_back, t.sales = t.sales - 1, t.amount = t.amount - s.amount
      FOREACH (_c IN CASE WHEN s.carried_from IS NULL THEN [] ELSE [1] END |
        SET t.carried_fees = t.carried_fees - fee_back))
    FOREACH (_l IN CASE WHEN closed THEN [1] ELSE [] END |
      SET t.refunded_fees = t.refunded_fees + fee_back,
          t.carried_refunded_fees = coalesce(t.carried_refunded_fees, 0) + fee_back,
          a.carried_into = at_period)
    FOREACH (_f IN CASE WHEN fee_back > 0 THEN [1] ELSE [] END |
      CREATE (:Entry {id: 'financing:' + a.id + ':fee_voided', at: $at, kind: 'fee_voided',
                      amount: fee_back, ref: s.id, debit: 'platform:fees',
                      credit: 'merchant:' + s.merchant_id + ':fees'}))))
RETURN outcome, CASE WHEN a IS NULL THEN null ELSE a {
  .id, .sale_id, .institution_id, .buyer_id, .merchant_id, .amount, .installments, .fee_bp,
  .fee, .points, .status, .applied_at, .lapse_at, .approved_at, .disbursed_at, .decided_at,
  .reason, .cancelled_by, .reference, .period, .carried_into} END AS application
