// name: wipe_batch
// Deletes up to $batch nodes with their relationships; the caller repeats it
// until it returns deleted = 0.  Used by tests and never by the API.
// Returns: deleted (the number of nodes removed).
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
