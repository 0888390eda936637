/**
 * The OpenAPI 3.1 document, generated from the very schemas the endpoints parse and shape with
 * (endpoints.server.ts), so the document cannot drift from the handlers.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { ENDPOINTS } from "./endpoints.server";
import { API_BASE } from "./respond.server";
import { Problem } from "./schemas.server";

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: Problem } } });

const CORS_AND_CACHE = {
  ETag: { description: "Identifies this answer; send it back in If-None-Match to get 304 while it holds.", schema: { type: "string" as const } },
};

function buildDocument() {
  const registry = new OpenAPIRegistry();
  for (const endpoint of ENDPOINTS) {
    registry.registerPath({
      method: "get",
      path: endpoint.path,
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      description: endpoint.description,
      request: { query: endpoint.query, params: Object.keys(endpoint.params.shape).length > 0 ? endpoint.params : undefined },
      responses: {
        200: { description: "OK", headers: CORS_AND_CACHE, content: { "application/json": { schema: endpoint.response } } },
        304: { description: "Not modified: the If-None-Match ETag is current." },
        400: problem("A parameter is unknown, repeated or not usable (each is named in `errors`)."),
        404: problem("Nothing under this code or slug."),
        406: problem("The Accept header asks for something other than JSON."),
        429: {
          ...problem("Too many requests from this client: wait the Retry-After seconds."),
          headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" as const } } },
        },
        503: {
          ...problem("The database cannot be reached for the moment: retry after the Retry-After seconds."),
          headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" as const } } },
        },
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "IDSL API",
      version: "1.0.0",
      description:
        "Read-only data of IDSL (Indonesia Digital Services Living Lab): regions, frameworks, figures with their kind and source, rankings, published practices, adoptions, study visits and shared applications. Query parameters are the pages' own (Indonesian) names; every figure is labelled with its kind, framework and sources. No authentication; per-client rate limit; CORS for reading.",
      license: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
    servers: [{ url: API_BASE }],
  });
}

let document: ReturnType<typeof buildDocument> | null = null;

/** The document, built once per process (it changes only with the code). */
export function openApiDocument() {
  document ??= buildDocument();
  return document;
}
