// name: webhook_endpoint_delete
// Deletes endpoint $id and its deliveries (pending ones are not sent).
// Returns: endpoint {id, url, events, description, status} as it was, and
// deliveries (how many were deleted); no row when there is no such endpoint.
MATCH (ep:WebhookEndpoint {id: $id})
WITH ep, ep {.id, .url, .events, .description, .status} AS endpoint
OPTIONAL MATCH (d:WebhookDelivery {endpoint_id: $id})
WITH ep, endpoint, collect(d) AS deliveries
FOREACH (d IN deliveries | DELETE d)
DETACH DELETE ep
RETURN endpoint, size(deliveries) AS deliveries
