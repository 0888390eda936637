import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabase } from "../../../db/client";
import { request, startTestApp } from "../../../tests/support/http-app";
import { findFreePort } from "../../../scripts/lib/ports";
import { closeDb, databasePoolOptions } from "../db.server";
import { serverEnv } from "../env.server";

/**
 * The production build over real HTTP while its database is paused: a server that accepts
 * connections and never answers, as a stopped (SIGSTOP) PostgreSQL does, which is worse than a
 * refused port because nothing fails by itself. The site must answer within seconds, with 503.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let paused: Server;
const sockets = new Set<Socket>();
/** The pool db.server keeps for the process, which the build's copy of the module shares. */
const processWide = globalThis as typeof globalThis & { idslDatabase?: ReturnType<typeof createDatabase> };

beforeAll(async () => {
  paused = createServer((socket) => sockets.add(socket));
  const port = await findFreePort();
  await new Promise<void>((resolve) => paused.listen(port, "127.0.0.1", resolve));
  await closeDb();
  // The web server's own timeouts (DATABASE_CONNECT_TIMEOUT_SECONDS default), on the paused server.
  processWide.idslDatabase = createDatabase(`postgres://idsl:s3cret@127.0.0.1:${port}/idsl`, databasePoolOptions(serverEnv(), true));
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
  await closeDb();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => paused.close(() => resolve()));
});

/** The response and how long it took, in ms. */
async function timed(path: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await request(app.origin, path, { headers });
  const body = await response.text();
  return { response, body, ms: performance.now() - started };
}

it("is alive but not ready, and says why without secrets", async () => {
  const live = await timed("/healthz/live");
  expect(live.response.status).toBe(200);
  expect(JSON.parse(live.body)).toEqual({ status: "ok" });
  expect(live.ms).toBeLessThan(1_000);

  for (const path of ["/healthz/ready", "/healthz"]) {
    const ready = await timed(path);
    expect(ready.response.status, path).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ status: "unavailable", database: { ok: false } });
    expect(ready.body).not.toContain("s3cret");
    expect(ready.ms).toBeLessThan(5_000);
  }
});

it("answers a public page with a localized 503 and Retry-After within 5 s", async () => {
  const page = await timed("/peringkat");
  expect(page.response.status).toBe(503);
  expect(page.response.headers.get("Retry-After")).toBe("30");
  expect(page.response.headers.get("Content-Type")).toContain("text/html");
  expect(page.body).toContain("Layanan sedang tidak tersedia");
  expect(page.body).toContain('lang="id"');
  expect(page.ms).toBeLessThan(5_000);
});

it("answers the API with a problem+json 503 in the client's language", async () => {
  const api = await timed("/api/v1/regions", { "Accept-Language": "en" });
  expect(api.response.status).toBe(503);
  expect(api.response.headers.get("Content-Type")).toContain("application/problem+json");
  expect(api.response.headers.get("Retry-After")).toBe("30");
  expect(JSON.parse(api.body)).toMatchObject({ status: 503, title: "Service temporarily unavailable" });
  expect(api.ms).toBeLessThan(5_000);
});
