import type { Client } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths };
/** refgraph's schemas by name, e.g. Schemas["Sale"]. */
export type Schemas = components["schemas"];
/** A client for one refgraph API key: GET, POST, PUT typed by refgraph's paths. */
export declare function createClient(baseUrl: string, apiKey: string): Client<paths>;
