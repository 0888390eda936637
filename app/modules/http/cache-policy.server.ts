/**
 * HTTP caching of anonymous reads, in one place: which responses a browser or a shared cache
 * (reverse proxy, CDN) may keep, for how long, and the validators that let them ask again
 * cheaply. Only requests without a session cookie are ever public; anything signed in, and any
 * response that sets a cookie, is `private, no-store`.
 */
import { createHash } from "node:crypto";

/** The session cookie's name (auth/sessions.server.ts): its presence alone makes a request private. */
export const SESSION_COOKIE = "idsl_session";

/**
 * A shared cache may serve a public page for 60 s, and 30 s more while it fetches it again: a
 * changed figure reaches every reader within 90 s, its announced lifetime. Browsers keep nothing
 * (max-age=0) and revalidate each time, answered by 304 while the page is unchanged.
 */
export const SHARED_MAX_AGE_SECONDS = 60;
export const STALE_WHILE_REVALIDATE_SECONDS = 30;
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_MAX_AGE_SECONDS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}`;
export const PRIVATE_CACHE_CONTROL = "private, no-store";
/** Pages read their language from the `lang` cookie, and the session cookie makes them private. */
export const PAGE_VARY = "Cookie";
/** API answers also follow Accept-Language (api/respond.server.ts). */
export const API_VARY = "Accept-Language, Cookie";

/**
 * The pages served the same to every anonymous reader in a language (their loaders read no
 * header but the cookies, and without a session every reader is the same nobody): the home page,
 * rankings, the region directory, a region and its benchmark, a province, the practice and
 * application lists and one of each, the map, an indicator, the comparison, the adoption network,
 * the open-data page, the frameworks, and search (public only when Meilisearch answered: its
 * loader makes a fallback answer private, and the search worker broadcasts each index change).
 * No workspace page is among them.
 */
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/peringkat\/?$/,
  /^\/daerah(\/[^/]+(\/benchmark)?)?\/?$/,
  /^\/provinsi\/[^/]+\/?$/,
  /^\/praktik(\/\d+)?\/?$/,
  /^\/aplikasi(\/\d+)?\/?$/,
  /^\/peta\/?$/,
  /^\/indikator\/\d+\/?$/,
  /^\/bandingkan\/?$/,
  /^\/jaringan-adopsi\/?$/,
  /^\/data\/?$/,
  /^\/kerangka(\/[^/]+)?\/?$/,
  /^\/cari\/?$/,
];

export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  return (cookieHeader ?? "").split(";").some((pair) => pair.trim().startsWith(`${SESSION_COOKIE}=`));
}

/**
 * Whether a response must stay out of every cache: the request is signed in, or the response sets
 * a cookie. The HTTP server applies it to everything the app answers (pages, data, files, API).
 */
export function mustStayPrivate(cookieHeader: string | null | undefined, setsCookie: boolean): boolean {
  return setsCookie || hasSessionCookie(cookieHeader);
}

/** The page a document or single-fetch data request reads: `/peringkat.data` is `/peringkat`, `/_root.data` is `/`. */
export function pagePath(url: URL): string {
  return url.pathname === "/_root.data" ? "/" : url.pathname.replace(/\.data$/, "");
}

export function isPublicPage(path: string): boolean {
  return PUBLIC_PAGES.some((pattern) => pattern.test(path));
}

export function etagOf(content: string | Uint8Array | readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  for (const part of typeof content === "string" || content instanceof Uint8Array ? [content] : content) hash.update(part);
  return `"${hash.digest("base64url").slice(0, 32)}"`;
}

/**
 * The bytes of `body` around every occurrence of `text` (ASCII), as views without copies: what an
 * ETag covers when `text` differs on every response (a nonce). Decoding a 160 KB page to a string
 * and replacing in it cost more than hashing it.
 */
export function bytesWithout(body: Buffer, text: string): Buffer[] {
  if (text === "") return [body];
  const parts: Buffer[] = [];
  let start = 0;
  for (let found = body.indexOf(text); found !== -1; found = body.indexOf(text, start)) {
    parts.push(body.subarray(start, found));
    start = found + text.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

export interface PageResponse {
  status: number;
  headers: Headers;
  body: Uint8Array<ArrayBuffer>;
  /**
   * What the ETag covers: the body without values that differ on every response of the same page
   * (the CSP nonce). Called only for a public response.
   */
  fingerprint: () => string | Uint8Array | readonly Uint8Array[];
}

/** A public response as sent with status 200 (headers include its ETag and Cache-Control). */
export interface PublicPage {
  headers: [string, string][];
  body: Uint8Array;
  etag: string;
}

/**
 * A page's document or single-fetch data, for an anonymous successful read of a public page with
 * a shared-cache lifetime and an ETag, and 304 without a body when the client holds it; otherwise
 * as the route made it (the HTTP server makes private what mustStayPrivate names). `keep` is
 * given every public response, to answer the next such request from (anonymous-cache.server.ts).
 */
export function withCachePolicy(request: Request, response: PageResponse, keep?: (page: PublicPage) => void): Response {
  const { status, headers } = response;
  // Statuses such as 204 must carry no body at all, not even an empty one.
  const body = response.body.byteLength > 0 ? response.body : null;
  const read = request.method === "GET" || request.method === "HEAD";
  // A route may have made its answer private itself (a search the fallback answered).
  const madePrivate = headers.get("Cache-Control") === PRIVATE_CACHE_CONTROL;
  const shareable =
    read && status === 200 && !madePrivate && isPublicPage(pagePath(new URL(request.url))) && !mustStayPrivate(request.headers.get("cookie"), headers.has("set-cookie"));
  if (!shareable) return new Response(body, { status, headers });
  const etag = etagOf(response.fingerprint());
  headers.set("ETag", etag);
  headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  headers.set("Vary", PAGE_VARY);
  keep?.({ headers: [...headers], body: response.body, etag });
  if (!matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(body, { status, headers });
  headers.delete("Content-Type");
  return new Response(null, { status: 304, headers });
}
