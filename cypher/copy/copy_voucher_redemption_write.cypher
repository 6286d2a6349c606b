// name: copy_voucher_redemption_write
// `refgraph db copy` (graph/copy.py): writes one page of voucher redemption tokens
// read by copy_voucher_redemption_read from another database.  $rows is a list of
// {props}. MERGE on props.id, so a copy resumed after an interruption rewrites a
// page instead of duplicating it; the properties become exactly the source's.
// Returns: nodes (rows written).
UNWIND $rows AS row
MERGE (n:VoucherRedemption {id: row.props.id})
SET n = row.props
RETURN count(n) AS nodes
