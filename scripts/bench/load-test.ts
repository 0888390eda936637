import type { EventEmitter } from "node:events";
import autocannon from "autocannon";

export interface LoadResult {
  /** Every response's time in ms, in arrival order. */
  latenciesMs: number[];
  /** The time of each 304 answer alone, in ms (a subset of latenciesMs). */
  notModifiedLatenciesMs: number[];
  durationSeconds: number;
  /** Answers neither 2xx nor 304. */
  non2xx: number;
  /** 304 Not Modified: the client's copy is current, a success for a client that sent validators. */
  notModified: number;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
}

/** What a browser sends that changes the server's work (it compresses for these). */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = { "accept-encoding": "gzip, deflate, br", accept: "text/html" };

/** One request of a load run: a browser's GET of `path` unless told otherwise. */
export interface LoadRequest {
  path: string;
  method?: "GET" | "POST";
  body?: string;
  /** Replace the browser's headers. */
  headers?: Record<string, string>;
}

/**
 * `path` with a query parameter no other request carries, so no cache keyed on the URL (a
 * shared cache, a server-side response cache) can answer it: the page is rendered every time.
 */
export function withUniqueQuery(path: string, n: number): string {
  return `${path}${path.includes("?") ? "&" : "?"}_=${n}`;
}

/**
 * Drives `baseUrl` with `connections` concurrent keep-alive connections for `seconds`,
 * sending `requests` round-robin across all connections, and records each response time.
 * With `uniqueQuery` every request's URL is one never sent before (withUniqueQuery).
 */
export function runLoad(options: {
  baseUrl: string;
  requests: readonly LoadRequest[];
  seconds: number;
  connections: number;
  uniqueQuery?: boolean;
}): Promise<LoadResult> {
  if (options.requests.length === 0) throw new Error("runLoad needs at least one request");
  let next = 0;
  const latenciesMs: number[] = [];
  const notModifiedLatenciesMs: number[] = [];
  let non2xx = 0;
  let notModified = 0;
  const nextRequest = () => {
    const request = options.requests[next % options.requests.length]!;
    next++;
    return options.uniqueQuery ? { ...request, path: withUniqueQuery(request.path, next) } : request;
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.seconds,
        headers: BROWSER_HEADERS,
        requests: [{ setupRequest: (request) => ({ ...request, ...nextRequest() }) }],
      },
      (error: unknown, result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ latenciesMs, notModifiedLatenciesMs, durationSeconds: result.duration, non2xx, notModified, errors: result.errors });
      },
    );
    // @types/autocannon documents this event as (statusCode, bytes, time), but autocannon 9
    // emits the client first (lib/run.js), so it is typed here from the source.
    (instance as EventEmitter).on("response", (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
      latenciesMs.push(responseTimeMs);
      if (statusCode === 304) {
        notModified++;
        notModifiedLatenciesMs.push(responseTimeMs);
      } else if (statusCode < 200 || statusCode > 299) non2xx++;
    });
  });
}

/**
 * Each request with the validator a browser or CDN would send on its next visit: If-None-Match
 * with the ETag (or If-Modified-Since with the Last-Modified) of a response fetched just now.
 * A response with neither leaves the request as it was.
 */
export async function withValidators(baseUrl: string, requests: readonly LoadRequest[]): Promise<LoadRequest[]> {
  return Promise.all(
    requests.map(async (request) => {
      const headers = request.headers ?? BROWSER_HEADERS;
      const response = await fetch(baseUrl + request.path, { headers, redirect: "manual" });
      await response.arrayBuffer();
      const etag = response.headers.get("etag");
      const lastModified = response.headers.get("last-modified");
      if (etag) return { ...request, headers: { ...headers, "if-none-match": etag } };
      if (lastModified) return { ...request, headers: { ...headers, "if-modified-since": lastModified } };
      return request;
    }),
  );
}
