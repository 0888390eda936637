import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { RequestIdProvider } from "./components/request-id";
import { bytesWithout, PRIVATE_CACHE_CONTROL, type PublicPage, withCachePolicy } from "./modules/http/cache-policy.server";
import { log } from "./modules/log.server";
import type { ValidatedSession } from "./modules/auth/sessions.server";

const ABORT_DELAY = 5_000;

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** This request's id: on every log line written while serving it, and on error pages (decision 0030). */
    requestId: string;
    /** Per-response nonce allowed by the Content-Security-Policy for inline scripts. */
    cspNonce: string;
    /** The client's address as the HTTP server sees it (for throttling and the audit log). */
    clientIp: string;
    /** Set-Cookie values that any loader or action asked to add to this response. */
    setCookies: string[];
    /** Memoized session lookup, see auth/guards.server.ts. */
    session?: Promise<ValidatedSession | null>;
    /** Set when a rate limit refused the request: sent as Retry-After (limits/rate-limits.server.ts). */
    retryAfterSeconds?: number;
    /** For an anonymous read the server may answer from memory next time: keeps its public response (http/anonymous-cache.server.ts). */
    keepPublicResponse?: (page: PublicPage) => void;
    /** Set by a loader whose answer no cache may keep, although its page is public (a search the fallback answered). */
    private?: boolean;
  }
  interface Future {
    v3_singleFetch: true;
  }
}

export const streamTimeout = ABORT_DELAY;

/** Unexpected errors of loaders, actions and rendering, logged with the request's id (a client that went away is no error). */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (!request.signal.aborted) log.error({ err: error }, "request failed");
}

/** What loaders and actions asked to add to the response through the load context. */
function appendContextHeaders(headers: Headers, context: AppLoadContext) {
  for (const cookie of context.setCookies) headers.append("Set-Cookie", cookie);
  if (context.retryAfterSeconds) headers.set("Retry-After", String(context.retryAfterSeconds));
  if (context.private) headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
}

/** Single-fetch data responses carry the same context headers and caching rules as documents. */
export async function handleDataRequest(response: Response, { request, context }: { request: Request; context: AppLoadContext }) {
  appendContextHeaders(response.headers, context);
  const body = new Uint8Array(await response.arrayBuffer());
  return withCachePolicy(request, { status: response.status, headers: response.headers, body, fingerprint: () => body }, context.keepPublicResponse);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const url = new URL(request.url);
  appendContextHeaders(responseHeaders, loadContext);
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestIdProvider value={{ id: loadContext.requestId, path: `${url.pathname}${url.search}` }}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RequestIdProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        // No loader defers data, so streaming would send nothing earlier. The whole document
        // as one buffer is cheaper: one write through compression instead of dozens.
        onAllReady() {
          const chunks: Buffer[] = [];
          const document = new Writable({
            write(chunk: Buffer, _encoding, callback) {
              chunks.push(chunk);
              callback();
            },
            final(callback) {
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              const body = Buffer.concat(chunks);
              // The nonce differs on every render of the same page; the ETag must not.
              const fingerprint = () => bytesWithout(body, nonce);
              resolve(withCachePolicy(request, { status: responseStatusCode, headers: responseHeaders, body, fingerprint }, loadContext.keepPublicResponse));
              callback();
            },
          });
          pipe(document);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; earlier ones reach onShellError.
          if (shellRendered) log.error({ err: error }, "page rendering failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}
