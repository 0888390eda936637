import type { EventEmitter } from "node:events";
import autocannon from "autocannon";

export interface LoadResult {
  /** Every response's time in ms, in arrival order. */
  latenciesMs: number[];
  durationSeconds: number;
  non2xx: number;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
}

/** What a browser sends that changes the server's work (it compresses for these). */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "text/html" };

/** One request of a load run: a browser's GET of `path` unless told otherwise. */
export interface LoadRequest {
  path: string;
  method?: "GET" | "POST";
  body?: string;
  /** Replace the browser's headers. */
  headers?: Record<string, string>;
}

/**
 * Drives `baseUrl` with `connections` concurrent keep-alive connections for `seconds`,
 * sending `requests` round-robin across all connections, and records each response time.
 */
export function runLoad(options: { baseUrl: string; requests: readonly LoadRequest[]; seconds: number; connections: number }): Promise<LoadResult> {
  if (options.requests.length === 0) throw new Error("runLoad needs at least one request");
  let next = 0;
  const latenciesMs: number[] = [];
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.seconds,
        headers: BROWSER_HEADERS,
        requests: [{ setupRequest: (request) => ({ ...request, ...options.requests[next++ % options.requests.length] }) }],
      },
      (error: unknown, result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ latenciesMs, durationSeconds: result.duration, non2xx, errors: result.errors });
      },
    );
    // @types/autocannon documents this event as (statusCode, bytes, time), but autocannon 9
    // emits the client first (lib/run.js), so it is typed here from the source.
    (instance as EventEmitter).on("response", (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
      latenciesMs.push(responseTimeMs);
      if (statusCode < 200 || statusCode > 299) non2xx++;
    });
  });
}
