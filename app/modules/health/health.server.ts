import { sql } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import type { Database } from "../../../db/client";
import { db } from "../db.server";
import { meilisearch } from "../search/index.server";
import { searchOutboxBacklog } from "../search/index.server";

export interface ComponentHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/**
 * "ok": both answer; "degraded": search is down, but the site still serves pages, writes and its
 * database search fallback; "unavailable": the database is down, nothing works.
 */
export type HealthStatus = "ok" | "degraded" | "unavailable";

export interface HealthReport {
  status: HealthStatus;
  database: ComponentHealth;
  search: ComponentHealth & {
    /** Content changes not yet in the search index; null when the database did not answer. */
    outboxBacklog: number | null;
  };
}

const CHECK_TIMEOUT_MS = 2_000;

async function timed(check: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Only the error's message: connection strings and keys must not leak into a public endpoint.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: message.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** Probes the database and Meilisearch (the app's own clients unless others are given). */
export async function checkHealth(
  clients: { database?: Database; search?: Meilisearch } = {},
): Promise<HealthReport> {
  const database = clients.database ?? db();
  const search = clients.search ?? meilisearch();
  let outboxBacklog: number | null = null;
  const [databaseHealth, searchHealth] = await Promise.all([
    timed(async () => {
      await database.execute(sql`select 1`);
      outboxBacklog = await searchOutboxBacklog(database);
    }),
    timed(() => search.health()),
  ]);
  const status = !databaseHealth.ok ? "unavailable" : searchHealth.ok ? "ok" : "degraded";
  return { status, database: databaseHealth, search: { ...searchHealth, outboxBacklog } };
}

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Readiness, for a load balancer: 200 while the database answers (also when search is down, as
 * the site still works: taking the server out of rotation would only make things worse), 503
 * when it does not. The body names each component's state and error message, never a secret.
 */
export async function readinessResponse(clients?: Parameters<typeof checkHealth>[0]): Promise<Response> {
  const report = await checkHealth(clients);
  return Response.json(report, { status: report.status === "unavailable" ? 503 : 200, headers: NO_STORE });
}

/** Liveness: the process answers requests. Asks nothing of the database, so an outage there does not get the server restarted. */
export function livenessResponse(): Response {
  return Response.json({ status: "ok" }, { headers: NO_STORE });
}
