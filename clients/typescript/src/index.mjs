// refgraph's API for JavaScript and TypeScript: openapi-fetch typed by the
// paths in schema.d.ts (generated from refgraph's OpenAPI document).
import createFetchClient from "openapi-fetch";

/**
 * A client for one refgraph API key.
 * @param {string} baseUrl e.g. "http://127.0.0.1:8000"
 * @param {string} apiKey an rgk_... key
 * @returns {import("openapi-fetch").Client<import("./schema.js").paths>}
 */
export function createClient(baseUrl, apiKey) {
  return createFetchClient({ baseUrl, headers: { Authorization: `Bearer ${apiKey}` } });
}
