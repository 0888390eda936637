/**
 * What every API answer goes through: the method, the Accept header, the client's rate limit,
 * strict parameters (unknown, repeated or malformed ones are a 400 problem, never ignored), the
 * response shaped by its schema (so no field the schema does not name can leak), ETag and 304,
 * and CORS for reading. Errors are RFC 9457 problem details in the request's language.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { withoutControlCharacters } from "../forms/form-data";
import { translatorForRequest } from "../i18n/locale.server";
import { isLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator.server";
import { reserveRead } from "../limits/index.server";
import { API_VARY, etagOf, hasSessionCookie, matchesEtag, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "../http/cache-policy.server";
import { isDatabaseUnavailable, OUTAGE_RETRY_AFTER_SECONDS } from "../http/database-unavailable.server";

export const API_BASE = "/api/v1";

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Retry-After",
  "Access-Control-Max-Age": "86400",
};

export type ProblemKind = "invalidParameter" | "unknownParameter" | "repeatedParameter" | "notFound" | "notAcceptable" | "tooManyRequests" | "methodNotAllowed" | "serviceUnavailable";

const STATUS: Record<ProblemKind, number> = {
  invalidParameter: 400,
  unknownParameter: 400,
  repeatedParameter: 400,
  notFound: 404,
  methodNotAllowed: 405,
  notAcceptable: 406,
  tooManyRequests: 429,
  serviceUnavailable: 503,
};

/** A problem a handler finds (an unknown code, a year without figures), answered as problem+json. */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly errors: { parameter: string; detail: string }[] = [],
  ) {
    super(kind);
    this.name = "ApiProblem";
  }
}

/** Programs say their language in Accept-Language; without a supported one, the site's language cookie or default. */
function translatorForApi(request: Request) {
  const preferred = (request.headers.get("accept-language") ?? "")
    .split(",")
    .map((range) => range.split(";")[0]!.trim().slice(0, 2).toLowerCase())
    .find(isLocale);
  return preferred ? translatorFor(preferred) : translatorForRequest(request);
}

async function problemResponse(request: Request, problem: ApiProblem, headers: Record<string, string> = {}): Promise<Response> {
  const { t } = await translatorForApi(request);
  const url = new URL(request.url);
  const slug = problem.kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  const body = {
    type: `${url.origin}${API_BASE}#${slug}`,
    title: t(`api.problem.${problem.kind}.title`),
    status: STATUS[problem.kind],
    detail: t(`api.problem.${problem.kind}.detail`, { parameters: problem.errors.map((error) => error.parameter).join(", ") }),
    instance: url.pathname + url.search,
    ...(problem.errors.length > 0 ? { errors: problem.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", "Content-Language": t("api.language"), ...CORS_HEADERS, ...headers },
  });
}

/** Whether the client accepts JSON (no Accept header, a JSON type, or a wildcard with q above 0). */
export function acceptsJson(accept: string | null): boolean {
  if (accept === null || accept.trim() === "") return true;
  return accept.split(",").some((range) => {
    const [type = "", ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith("q="));
    if (quality && !(Number(quality.slice(2)) > 0)) return false;
    return ["*/*", "application/*", "application/json", "application/problem+json"].includes(type);
  });
}

/** Every value of each parameter, control characters dropped; names the schema does not know, or repeats, are problems. */
function readQuery(url: URL, known: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const [rawName, rawValue] of url.searchParams) {
    const name = withoutControlCharacters(rawName);
    if (!known.includes(name)) unknown.push(name);
    else if (name in values) repeated.push(name);
    else values[name] = withoutControlCharacters(rawValue);
  }
  const unique = (names: string[]) => [...new Set(names)].sort();
  if (unknown.length > 0) throw new ApiProblem("unknownParameter", unique(unknown).map((parameter) => ({ parameter: parameter.slice(0, 100), detail: `accepted: ${known.join(", ") || "none"}` })));
  if (repeated.length > 0) throw new ApiProblem("repeatedParameter", unique(repeated).map((parameter) => ({ parameter, detail: "give it once" })));
  return values;
}

function invalid(error: z.ZodError): ApiProblem {
  return new ApiProblem(
    "invalidParameter",
    error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? ""), detail: issue.message })),
  );
}

export interface ApiInput<Query, Params> {
  query: Query;
  params: Params;
  /** The request's path and parameters, for links to other pages of the same list. */
  url: URL;
}

export interface Endpoint<Query extends z.ZodObject, Params extends z.ZodObject, Response extends z.ZodType> {
  /** OpenAPI path, e.g. /regions/{code}. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  query: Query;
  params: Params;
  response: Response;
  /** The answer, or an ApiProblem thrown for what the client asked wrong. */
  handle: (input: ApiInput<z.output<Query>, z.output<Params>>) => Promise<z.input<Response>>;
}

export function defineEndpoint<Query extends z.ZodObject, Params extends z.ZodObject, Response extends z.ZodType>(endpoint: Endpoint<Query, Params, Response>) {
  return endpoint;
}

/**
 * The JSON answer: for anonymous clients with its ETag and shared-cache lifetime, or 304 when the
 * client holds the same; with a session cookie private and never 304 (http/cache-policy.server.ts).
 */
export function jsonResponse(request: Request, value: unknown, contentType = "application/json; charset=utf-8"): Response {
  const body = JSON.stringify(value);
  if (hasSessionCookie(request.headers.get("cookie"))) {
    return new Response(body, { headers: { "Cache-Control": PRIVATE_CACHE_CONTROL, Vary: API_VARY, ...CORS_HEADERS, "Content-Type": contentType } });
  }
  const etag = etagOf(body);
  const headers = { ETag: etag, "Cache-Control": PUBLIC_CACHE_CONTROL, Vary: API_VARY, ...CORS_HEADERS };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": contentType } });
}

/**
 * Runs the checks every API request gets, in this order: rate limit (429; every request counts,
 * refused ones too), Accept (406), then `answer`, whose ApiProblem becomes a problem response,
 * as does a database outage (503 with Retry-After).
 */
export async function answerApiRequest(request: Request, context: AppLoadContext, answer: () => Promise<Response>): Promise<Response> {
  // Remix hands OPTIONS to the loader: a CORS preflight, answered before anything is counted.
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS_HEADERS });
  try {
    const reservation = await reserveRead("api", context.clientIp);
    if (!reservation.ok) return await problemResponse(request, new ApiProblem("tooManyRequests"), { "Retry-After": String(reservation.retryAfterSeconds) });
    if (!acceptsJson(request.headers.get("accept"))) throw new ApiProblem("notAcceptable");
    return await answer();
  } catch (error) {
    if (error instanceof ApiProblem) return problemResponse(request, error);
    if (isDatabaseUnavailable(error)) return problemResponse(request, new ApiProblem("serviceUnavailable"), { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) });
    throw error;
  }
}

/** A Remix loader serving one endpoint. */
export function endpointLoader<Query extends z.ZodObject, Params extends z.ZodObject, Response extends z.ZodType>(endpoint: Endpoint<Query, Params, Response>) {
  return ({ request, context, params }: { request: Request; context: AppLoadContext; params: Record<string, string | undefined> }) =>
    answerApiRequest(request, context, async () => {
      const url = new URL(request.url);
      const query = endpoint.query.safeParse(readQuery(url, Object.keys(endpoint.query.shape)));
      if (!query.success) throw invalid(query.error);
      const pathParams = endpoint.params.safeParse(params);
      if (!pathParams.success) throw invalid(pathParams.error);
      const result = await endpoint.handle({ query: query.data, params: pathParams.data, url });
      return jsonResponse(request, endpoint.response.parse(result));
    });
}

/** POST, PUT, PATCH, DELETE (Remix sends them to the route's action): 405, the API only reads. */
export async function apiAction({ request }: { request: Request }): Promise<Response> {
  return problemResponse(request, new ApiProblem("methodNotAllowed"), { Allow: "GET, HEAD, OPTIONS" });
}

/** Any other path under /api: a 404 problem. */
export function notFoundLoader({ request, context }: { request: Request; context: AppLoadContext }) {
  return answerApiRequest(request, context, () => Promise.reject(new ApiProblem("notFound")));
}
