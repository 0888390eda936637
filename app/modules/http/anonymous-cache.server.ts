/**
 * This web process's cache of anonymous page responses (decision 0032): a repeat anonymous read
 * of a public page is answered from memory, without running loaders or rendering. Only what the
 * cache policy makes public is stored (cache-policy.server.ts), never a signed-in request nor a
 * response setting a cookie; an entry lives at most the shared-cache lifetime the response
 * announces, and every broadcast (any topic, from any process on the database) drops them all.
 */
import { gzipSync } from "node:zlib";
import { type ServerBuild } from "@remix-run/node";
import { LRUCache } from "lru-cache";
import { Counter } from "prom-client";
import { broadcast, onAnyBroadcast } from "../cluster/broadcast.server";
import { hasSessionCookie, isPublicPage, pagePath, SHARED_MAX_AGE_SECONDS } from "./cache-policy.server";

/** Memory the entries may take, bodies and headers counted: a few hundred pages of 100–300 KB. */
const MAX_BYTES = 64 * 1024 * 1024;

/** The language cookie (i18n/locale.server.ts): the one cookie an anonymous page varies on. */
const LANGUAGE_COOKIE = "lang";

/** What a stored response is reused for: its address in this server's cache and when it was started. */
export interface CacheSlot {
  key: string;
  /** The cache's generation when the request began: a response rendered across a change is not stored. */
  generation: number;
}

export interface CachedResponse {
  headers: [string, string][];
  body: Uint8Array;
  /**
   * The body gzipped on the entry's first hit that accepts gzip, then kept: compressing it for
   * each reader would cost more than the lookup saves, and compressing it when stored would cost
   * every rendered page a second gzip (its first reader's is the compression middleware's).
   */
  gzipped?: Uint8Array;
  etag: string;
  /** The CSP nonce the body's scripts carry: the response must be served with a policy naming it. */
  nonce: string;
  storedAt: number;
}

interface AnonymousCache {
  entries: LRUCache<string, CachedResponse>;
  generation: number;
  hits: Counter;
  misses: Counter;
}

function createCache(): AnonymousCache {
  const cache: AnonymousCache = {
    entries: new LRUCache<string, CachedResponse>({
      maxSize: MAX_BYTES,
      sizeCalculation: (entry) => entry.body.byteLength + (entry.gzipped?.byteLength ?? 0) + entry.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0) + 200,
      ttl: SHARED_MAX_AGE_SECONDS * 1000,
    }),
    generation: 0,
    hits: new Counter({ name: "idsl_anonymous_cache_hits_total", help: "Anonymous page requests answered from this server's cache of anonymous responses (200 or 304), without rendering." }),
    misses: new Counter({ name: "idsl_anonymous_cache_misses_total", help: "Anonymous requests of cacheable pages that found nothing in this server's cache and were rendered." }),
  };
  // Notifications sent while not listening are lost: a (re)connect runs these handlers too.
  onAnyBroadcast(() => clear(cache));
  return cache;
}

function clear(cache: AnonymousCache) {
  cache.generation += 1;
  cache.entries.clear();
}

/** One per process: the start script's and the server build's copies of this module share it. */
const processWide = globalThis as typeof globalThis & { idslAnonymousCache?: AnonymousCache };
const cache = (processWide.idslAnonymousCache ??= createCache());

function cookieValue(cookieHeader: string | undefined, name: string): string {
  for (const pair of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = pair.trim().split("=");
    if (key === name) return value.join("=");
  }
  return "";
}

/**
 * Where an anonymous GET of a public page (document or single-fetch data) is kept, or null for
 * any other request. The key is all such a response varies on: `address`, everything the URL
 * Remix sees is made of (scheme and host make its canonical links, the query its content,
 * `.data` its format), and the language cookie as sent. No other header reaches these loaders.
 */
export function anonymousCacheSlot(request: { method: string; path: string; address: string; cookie: string | undefined }): CacheSlot | null {
  if (request.method !== "GET" || hasSessionCookie(request.cookie)) return null;
  // Not resolved against a base: a path such as "//[" would be read as a host and throw.
  if (!isPublicPage(pagePath(new URL(`http://localhost${request.path}`)))) return null;
  return { key: `${request.address} ${cookieValue(request.cookie, LANGUAGE_COOKIE)}`, generation: cache.generation };
}

/** The stored response for this slot, if one is still fresh; counted as a hit or a miss. */
export function cachedResponse(slot: CacheSlot): CachedResponse | undefined {
  const entry = cache.entries.get(slot.key);
  (entry ? cache.hits : cache.misses).inc();
  return entry;
}

/** Keeps a public 200 response for the slot's request, unless a change was announced while it was being made. */
export function storeResponse(slot: CacheSlot, response: Omit<CachedResponse, "gzipped" | "storedAt">): void {
  if (slot.generation !== cache.generation) return;
  // The length differs between the two bodies: Node sets it for the one sent.
  const headers = response.headers.filter(([name]) => name.toLowerCase() !== "content-length");
  cache.entries.set(slot.key, { ...response, headers, storedAt: Date.now() });
}

/** The entry's body gzipped, made on its first use and kept with it (its lifetime unchanged). */
export function gzippedBody(slot: CacheSlot, entry: CachedResponse): Uint8Array {
  if (entry.gzipped) return entry.gzipped;
  const gzipped = gzipSync(entry.body);
  // A new object, so the cache counts the added bytes; unless the entry was dropped meanwhile.
  if (cache.entries.peek(slot.key) === entry) cache.entries.set(slot.key, { ...entry, gzipped }, { noUpdateTTL: true });
  return gzipped;
}

/** Seconds since the entry was stored, sent as Age so downstream caches do not keep it past its lifetime. */
export function ageSeconds(entry: CachedResponse): number {
  return Math.floor((Date.now() - entry.storedAt) / 1000);
}

type RouteModule = ServerBuild["routes"][string]["module"];
type Action = NonNullable<RouteModule["action"]>;

/**
 * After a signed-in request's action (whatever its answer: a thrown redirect is the usual
 * success), every server drops its anonymous responses: this one before the answer leaves, the
 * others on the notification. Anonymous actions (signing in, the language) change no public page.
 * An action that failed with an error (a database outage) wrote nothing and announces nothing.
 */
function announcingWrites(action: Action): Action {
  return async (args) => {
    const announce = () => (hasSessionCookie(args.request.headers.get("cookie")) ? broadcast("writes") : Promise.resolve());
    try {
      const result = await action(args);
      await announce();
      return result;
    } catch (thrown) {
      if (thrown instanceof Response) await announce();
      throw thrown;
    }
  };
}

/** The server build with every route's action announcing its writes (Remix v2 has no request middleware). */
export function announcingActionWrites(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [id, route.module.action ? { ...route, module: { ...route.module, action: announcingWrites(route.module.action) } } : route]),
  );
  return { ...build, routes };
}
