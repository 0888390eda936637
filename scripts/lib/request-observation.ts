/**
 * Per-request logging and metrics for the HTTP server (decision 0030): every request gets an
 * id (a sane incoming X-Request-Id, else a new one) that every log line written while serving
 * it carries, that the response echoes, and that the error page shows; its duration and status
 * are counted under its route's label.
 */
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type express from "express";
import { log, requestContext } from "../../app/modules/log.server";
import { metricsExposition, observeHttpRequest } from "../../app/modules/metrics/index.server";
import { errorMessage } from "../../app/modules/error-message";

/** What a load balancer or proxy sends as a request id: a UUID or a similar token, nothing that could forge a log line. */
const INCOMING_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Static files and requests refused before Remix (cross-site, too large) share one label. */
export const OUTSIDE_ROUTES = "outside-routes";

/** Route parameters that are one-time link secrets (sign-in, set-password, invitation, unsubscribe links). */
const SECRET_PARAMETER = ":token";

export function requestIdFor(incoming: string | undefined): string {
  return incoming !== undefined && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Enters the request's log context and records it when the response ends (or the client
 * leaves). A request that reached Remix has its route label in `res.locals.route`.
 */
export function observeRequests(): express.RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const requestId = requestIdFor(req.get("x-request-id"));
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    res.once("close", () => {
      const seconds = (performance.now() - started) / 1000;
      const route = typeof res.locals.route === "string" ? res.locals.route : OUTSIDE_ROUTES;
      observeHttpRequest({ method: req.method, route, status: res.statusCode, seconds });
      // A log reader must not be able to use a link someone was sent: such paths are logged as their route.
      const path = route.includes(SECRET_PARAMETER) ? route : req.path;
      const line = { requestId, method: req.method, path, route, status: res.statusCode, durationMs: Math.round(seconds * 1000), ...(res.writableFinished ? {} : { aborted: true }) };
      if (res.statusCode >= 500) log.error(line, "request");
      else log.info(line, "request");
    });
    requestContext.run({ requestId }, next);
  };
}

function sameToken(given: string, expected: string): boolean {
  // Digests have equal lengths, so the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * GET /metrics for a Prometheus scraper: 404 unless METRICS_TOKEN is set (no endpoint to probe),
 * 401 without `Authorization: Bearer <METRICS_TOKEN>`.
 */
export function metricsEndpoint(token: string | undefined): express.RequestHandler {
  return (req, res, next) => {
    if (!token) return next();
    res.locals.route = "/metrics";
    res.setHeader("Cache-Control", "no-store");
    const given = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1];
    if (given === undefined || !sameToken(given, token)) {
      res.status(401).setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      res.type("text/plain").send("401 — token required");
      return;
    }
    metricsExposition().then(
      ({ contentType, body }) => res.type(contentType).send(body),
      (error: unknown) => {
        log.error({ error: errorMessage(error) }, "metrics not collected");
        res.status(500).type("text/plain").send("500 — metrics not collected");
      },
    );
  };
}
