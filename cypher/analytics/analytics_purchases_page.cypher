// name: analytics_purchases_page
// What buyers bought from which merchant, for the self-dealing signals: the
// buyers after id $after in id order, at most $limit buyers.
// Returns one row per (buyer, merchant), or one row with merchant_id null
// for a buyer who bought nothing (so the page's last buyer is the cursor):
// buyer_id, merchant_id, sales, amount, first_at, last_at.
MATCH (b:Buyer)
WHERE $after IS NULL OR b.id > $after
WITH b ORDER BY b.id LIMIT $limit
OPTIONAL MATCH (b)-[:BOUGHT]->(s:Sale)
WITH b, s.merchant_id AS merchant_id, collect(s.amount) AS amounts, min(s.at) AS first_at,
  max(s.at) AS last_at
RETURN b.id AS buyer_id, merchant_id, size(amounts) AS sales,
  reduce(t = 0, a IN amounts | t + a) AS amount, first_at, last_at
ORDER BY buyer_id, merchant_id
