// name: reconciliation_record
// Records reconciliation $id of institution $institution_id's statement for
// $period (the file's SHA-256 is $statement_sha256) against refgraph's: how many
// rows each side had ($ours, $theirs) and each mismatch found ($mismatches:
// [{n, kind, reference, problem, ours_status, ours_amount, theirs_status,
// theirs_amount}], the sides' values null where a side lacks the row), each
// a Mismatch node to resolve later.  It changes nothing else.  Idempotent on
// $id with $request_hash.
// Outcomes: created, replayed, id_taken.
// Returns: outcome, reconciliation {id, institution_id, period, at,
// statement_sha256, ours, theirs, mismatches, recorded_by}.
OPTIONAL MATCH (existing:Reconciliation {id: $id})
WITH existing,
  CASE
    WHEN existing IS NULL THEN 'created'
    WHEN existing.request_hash = $request_hash THEN 'replayed'
    ELSE 'id_taken'
  END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  CREATE (r:Reconciliation {id: $id, institution_id: $institution_id, period: $period, at: $at,
    statement_sha256: $statement_sha256, ours: $ours, theirs: $theirs,
    mismatches: size($mismatches), recorded_by: $recorded_by, request_hash: $request_hash})
  FOREACH (x IN $mismatches |
    CREATE (r)-[:FOUND]->(:Mismatch {id: $id + '|' + toString(x.n), reconciliation_id: $id,
      institution_id: $institution_id, n: x.n, kind: x.kind, reference: x.reference,
      problem: x.problem, ours_status: x.ours_status, ours_amount: x.ours_amount,
      theirs_status: x.theirs_status, theirs_amount: x.theirs_amount})))
WITH outcome
MATCH (r:Reconciliation {id: $id})
RETURN outcome, r {.id, .institution_id, .period, .at, .statement_sha256, .ours, .theirs,
                   .mismatches, .recorded_by} AS reconciliation
