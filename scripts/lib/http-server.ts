import { randomBytes } from "node:crypto";
import { statSync, watch } from "node:fs";
import type { Server } from "node:http";
import { createRequestHandler, type GetLoadContextFunction } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { listenForBroadcasts } from "../../app/modules/cluster/broadcast.server";
import { limitStatementsForRequests } from "../../app/modules/db.server";
import { FILE_PATHS } from "../../app/modules/files/file-response.server";
import { ageSeconds, announcingActionWrites, anonymousCacheSlot, cachedResponse, type CachedResponse, type CacheSlot, gzippedBody, storeResponse } from "../../app/modules/http/anonymous-cache.server";
import { matchesEtag, mustStayPrivate, PRIVATE_CACHE_CONTROL, type PublicPage } from "../../app/modules/http/cache-policy.server";
import { answeringDatabaseOutages } from "../../app/modules/http/outage-responses.server";
import { readSettings } from "../../app/modules/env.server";
import { isAllowedRequestOrigin } from "../../app/modules/http/same-origin";
import { log } from "../../app/modules/log.server";
import { routeLabel, routePatterns } from "../../app/modules/metrics/index.server";
import { metricsEndpoint, observeRequests } from "./request-observation";
import { StartupError } from "./startup-error";

const root = new URL("../../", import.meta.url);
const buildFile = new URL("build/index.js", root);

/** The build as served: database outages answered 503, signed-in writes dropping every server's anonymous responses. */
function servedBuild(build: ServerBuild): ServerBuild {
  return answeringDatabaseOutages(announcingActionWrites(build));
}

/** The server build as it is now on disk (a changed file is imported anew, not from the module cache). */
async function importLatestBuild(): Promise<ServerBuild> {
  return servedBuild((await import(`${buildFile.href}?t=${statSync(buildFile).mtimeMs}`)) as ServerBuild);
}

/**
 * Under `remix dev` (npm run dev): answers every request with the latest build. The dev server
 * rewrites build/ on each change and writes version.txt last; once the new build is loaded it is
 * announced, and the dev server reloads the open pages.
 */
function latestBuildHandler(initialBuild: ServerBuild, getLoadContext: GetLoadContextFunction): express.RequestHandler {
  let handler = createRequestHandler({ build: initialBuild, mode: initialBuild.mode, getLoadContext });
  const buildDirectory = new URL("build/", root).pathname;
  watch(buildDirectory, (_event, file) => {
    if (file !== "version.txt") return;
    void importLatestBuild().then((build) => {
      handler = createRequestHandler({ build, mode: build.mode, getLoadContext });
      return broadcastDevReady(build);
    }, (error: unknown) => log.error({ error: String(error) }, "the new build did not load"));
  });
  return (req, res, next) => handler(req, res, next);
}

/**
 * Largest request body accepted. Remix reads bodies into memory, so bigger posts are refused
 * before that: 5 MB for forms (a 1 MB field still gets its field message), and room for one
 * 10 MB evidence file on the upload routes, whose handlers enforce the 10 MB themselves.
 */
const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
const MAX_UPLOAD_REQUEST_BYTES = 11 * 1024 * 1024;
/** Evidence files of practices, and evaluation reports with their levels. */
const UPLOAD_PATH = /^\/(praktik\/\d+\/lampiran|daerah\/\d{2}\.\d{2}\/level-resmi)\/?$/;

export function requestBodyLimit(path: string): number {
  return UPLOAD_PATH.test(path) ? MAX_UPLOAD_REQUEST_BYTES : MAX_REQUEST_BYTES;
}

/**
 * Serves the production Remix build with security headers and long-lived asset caching; under
 * `remix dev` (REMIX_DEV_ORIGIN set) each rebuild.
 */
export async function startHttpServer(options: { port: number; host: string }): Promise<Server> {
  const { REMIX_DEV_ORIGIN, TRUST_PROXY, METRICS_TOKEN } = readSettings();
  const build = REMIX_DEV_ORIGIN ? await importLatestBuild() : servedBuild((await import(buildFile.href)) as ServerBuild);
  limitStatementsForRequests();
  // This server's caches are dropped when any process on this database changes their data.
  const stopListening = listenForBroadcasts();
  const production = process.env.NODE_ENV === "production";

  const app = express();
  app.disable("x-powered-by");
  app.use(observeRequests());
  app.get("/metrics", metricsEndpoint(METRICS_TOKEN));
  // Behind a reverse proxy, TRUST_PROXY=1 makes req.ip the client's address, not the proxy's.
  if (TRUST_PROXY !== undefined) app.set("trust proxy", TRUST_PROXY);
  app.use(compression());
  app.use((req, res, next) => {
    // Everything the URL Remix builds is made of: what a public page may vary on, with the language.
    const address = [req.protocol, req.get("host"), req.get("x-forwarded-host"), req.originalUrl].join(" ");
    const slot = anonymousCacheSlot({ method: req.method, path: req.path, address, cookie: req.headers.cookie });
    const cached = slot && cachedResponse(slot);
    res.locals.anonymousCacheSlot = slot;
    res.locals.cachedResponse = cached;
    // A page answered from memory carries the nonce it was rendered with: the policy must name that one.
    res.locals.cspNonce = cached?.nonce ?? randomBytes(16).toString("base64");
    next();
  });
  const securityHeaders = {
    strictTransportSecurity: production,
    // Browsers send "Origin: null" on same-site posts under no-referrer, which our CSRF check
    // refuses; this policy keeps Origin while sending no path to other sites.
    referrerPolicy: { policy: "strict-origin-when-cross-origin" as const },
  };
  const pageHeaders = helmet({
    ...securityHeaders,
    contentSecurityPolicy: {
      directives: {
        // Remix inlines its hydration data; only scripts carrying this response's nonce run.
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        upgradeInsecureRequests: production ? [] : null,
        // The dev server's live reload socket (npm run dev only).
        ...(REMIX_DEV_ORIGIN ? { connectSrc: ["'self'", REMIX_DEV_ORIGIN.replace(/^http/, "ws")] } : {}),
      },
    },
  });
  // Stored files carry their own, sandboxing policy (fileResponse); two policies would be
  // sent as two headers.
  const fileHeaders = helmet({ ...securityHeaders, contentSecurityPolicy: false });
  app.use((req, res, next) => (FILE_PATHS.test(req.path) ? fileHeaders : pageHeaders)(req, res, next));
  app.use("/build", express.static(new URL("public/build", root).pathname, { immutable: true, maxAge: "1y" }));
  app.use(express.static(new URL("public", root).pathname, { maxAge: "1h" }));
  app.use((req, res, next) => {
    const allowed = isAllowedRequestOrigin({
      method: req.method,
      path: req.path,
      host: req.headers.host,
      origin: req.headers.origin,
      referer: req.headers.referer,
    });
    if (!allowed) {
      res.status(403).type("text/plain").send("403 — permintaan lintas situs ditolak / cross-origin request refused");
      return;
    }
    // Bodies without a declared length (chunked) cannot be checked up front; browsers never
    // send forms that way, so they are refused rather than buffered.
    if (req.headers["transfer-encoding"] && req.method !== "GET" && req.method !== "HEAD") {
      res.status(411).type("text/plain").send("411 — panjang kiriman wajib disebutkan / Content-Length required");
      return;
    }
    const limit = requestBodyLimit(req.path);
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      const megabytes = Math.floor(limit / (1024 * 1024));
      const message = `Kiriman terlalu besar (maksimal ${megabytes} MB); tidak ada yang disimpan. / Request too large (at most ${megabytes} MB); nothing was saved.`;
      // A browser posting a form gets a page with a way back; other clients plain text.
      if (req.accepts(["text/plain", "html"]) === "html") {
        res.status(413).type("html").send(`<!doctype html><html lang="id"><meta charset="utf-8"><title>413</title><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>413</h1><p>${message}</p><p>Gunakan tombol Kembali pada peramban, lalu pilih berkas yang lebih kecil. / Use the browser's Back button and choose a smaller file.</p><p><a href="/">IDSL</a></p></body></html>`);
      } else {
        res.status(413).type("text/plain").send(`413 — ${message}`);
      }
      return;
    }
    next();
  });
  app.use((req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
      // Static files above never get here: a signed-in reader's assets stay cacheable.
      if (mustStayPrivate(req.headers.cookie, this.hasHeader("set-cookie"))) this.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
      // A 304's headers replace the cached copy's (RFC 9111 4.3.4): this response's policy names
      // a new nonce the cached page's scripts do not carry, so the cached policy must stay.
      if (this.statusCode === 304 || args[0] === 304) this.removeHeader("Content-Security-Policy");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  });
  const patterns = routePatterns(build.routes);
  // A repeat anonymous read of a public page, answered as it was first (decision 0032).
  app.use((req, res, next) => {
    const cached = res.locals.cachedResponse as CachedResponse | undefined;
    if (!cached) return next();
    res.locals.route = routeLabel(req.path, patterns);
    for (const [name, value] of cached.headers) res.setHeader(name, value);
    // Downstream caches count its time here against the lifetime it announces.
    res.setHeader("Age", String(ageSeconds(cached)));
    if (matchesEtag(req.get("if-none-match") ?? null, cached.etag)) {
      res.removeHeader("Content-Type");
      res.status(304).end();
    } else if (req.acceptsEncodings("gzip")) {
      // Compressed once per entry; the compression middleware leaves an encoded body alone.
      res.setHeader("Content-Encoding", "gzip");
      res.status(200).end(gzippedBody(res.locals.anonymousCacheSlot as CacheSlot, cached));
    } else {
      res.status(200).end(cached.body);
    }
  });
  const getLoadContext: GetLoadContextFunction = (req, res) => {
    // Every request that reaches Remix passes here: it is counted under its route.
    res.locals.route = routeLabel(req.path, patterns);
    const nonce = res.locals.cspNonce as string;
    const slot = res.locals.anonymousCacheSlot as CacheSlot | null;
    return {
      requestId: res.locals.requestId as string,
      cspNonce: nonce,
      clientIp: req.ip ?? req.socket.remoteAddress ?? "",
      setCookies: [],
      ...(slot ? { keepPublicResponse: (page: PublicPage) => storeResponse(slot, { ...page, nonce }) } : {}),
    };
  };
  app.all("*", REMIX_DEV_ORIGIN ? latestBuildHandler(build, getLoadContext) : createRequestHandler({ build, mode: build.mode, getLoadContext }));

  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host, () => {
      if (REMIX_DEV_ORIGIN) void broadcastDevReady(build);
      resolve(server);
    });
    server.once("close", () => void stopListening());
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new StartupError(`Port ${options.port} (web server) is already in use. Stop what uses it or set PORT.`)
          : error,
      );
    });
  });
}
