/**
 * The state of the shared services (database connections, job queues, search outbox,
 * Meilisearch tasks), read when scraped. Every server sees the same state, so these are
 * collected once per scrape by the process answering it and are never added up across workers.
 */
import { sql } from "drizzle-orm";
import { Gauge, Registry } from "prom-client";
import { db } from "../db.server";
import { errorMessage } from "../error-message";
import { jobQueueBacklog } from "../jobs/index.server";
import { log } from "../log.server";
import { meilisearch, searchOutboxStatus } from "../search/index.server";

/** Finished Meilisearch tasks whose enqueued→finished time the slowest-recent figure covers. */
const RECENT_TASKS = 20;

interface StateMetrics {
  registry: Registry;
  /** Reads every source into the gauges. */
  collectAll: () => Promise<unknown>;
}

function createStateMetrics(): StateMetrics {
  const registry = new Registry();
  const registers = [registry];
  const sourceUp = new Gauge({
    name: "idsl_metrics_source_up",
    help: "1 when the source of the figures below answered this scrape, 0 when it did not (its figures are then missing).",
    labelNames: ["source"],
    registers,
  });
  const connections = new Gauge({
    name: "idsl_db_connections",
    help: "Connections to the site's database by state (pg_stat_activity, all servers together, this scrape's own included).",
    labelNames: ["state"],
    registers,
  });
  const jobsWaiting = new Gauge({ name: "idsl_job_queue_waiting", help: "Background jobs waiting to run (new or waiting for a retry), by queue.", labelNames: ["queue"], registers });
  const jobsOldest = new Gauge({ name: "idsl_job_queue_oldest_age_seconds", help: "Age of the oldest waiting job, by queue.", labelNames: ["queue"], registers });
  const outboxBacklog = new Gauge({ name: "idsl_search_outbox_backlog", help: "Content changes not yet applied to the search index.", registers });
  const outboxOldest = new Gauge({ name: "idsl_search_outbox_oldest_age_seconds", help: "Age of the oldest change not yet applied to the search index (0 without any).", registers });
  const tasksPending = new Gauge({ name: "idsl_search_tasks_pending", help: "Meilisearch tasks enqueued or processing.", registers });
  const lastTaskLatency = new Gauge({ name: "idsl_search_last_task_latency_seconds", help: "Enqueued to finished time of the latest finished Meilisearch task.", registers });
  const slowestRecentTask = new Gauge({
    name: "idsl_search_recent_task_latency_max_seconds",
    help: `Longest enqueued to finished time among the latest ${RECENT_TASKS} finished Meilisearch tasks.`,
    registers,
  });

  /** Reads one source; when it fails the scrape still answers, with that source marked down. */
  const collect = async (source: string, gauges: Gauge[], read: () => Promise<void>) => {
    for (const gauge of gauges) gauge.reset();
    try {
      await read();
      sourceUp.set({ source }, 1);
    } catch (error) {
      sourceUp.set({ source }, 0);
      log.warn({ source, error: errorMessage(error) }, "metrics source did not answer");
    }
  };

  // Every source at once, so a scrape waits for the slowest source, not their sum.
  const collectAll = () =>
    Promise.all([
      collect("database", [connections, jobsWaiting, jobsOldest, outboxBacklog, outboxOldest], async () => {
        const database = db();
        const [states, queues, outbox] = await Promise.all([
          database.execute<{ state: string; connections: number }>(sql`
            select coalesce(state, 'unknown') as state, count(*)::int as connections from pg_stat_activity
            where datname = current_database() and backend_type = 'client backend' group by 1`),
          jobQueueBacklog(database),
          searchOutboxStatus(database),
        ]);
        for (const row of states) connections.set({ state: row.state }, row.connections);
        for (const queue of queues) {
          jobsWaiting.set({ queue: queue.queue }, queue.waiting);
          jobsOldest.set({ queue: queue.queue }, queue.oldestAgeSeconds);
        }
        outboxBacklog.set(outbox.backlog);
        outboxOldest.set(outbox.oldestAgeSeconds);
      }),
      collect("search", [tasksPending, lastTaskLatency, slowestRecentTask], async () => {
        const search = meilisearch();
        const [pending, finished] = await Promise.all([
          search.tasks.getTasks({ statuses: ["enqueued", "processing"], limit: 1 }),
          search.tasks.getTasks({ statuses: ["succeeded", "failed"], limit: RECENT_TASKS }),
        ]);
        tasksPending.set(pending.total);
        const latencies = finished.results.flatMap((task) => (task.finishedAt ? [(Date.parse(task.finishedAt) - Date.parse(task.enqueuedAt)) / 1000] : []));
        // Newest first: the first is the latest finished task.
        if (latencies[0] !== undefined) lastTaskLatency.set(latencies[0]);
        if (latencies.length > 0) slowestRecentTask.set(Math.max(...latencies));
      }),
    ]);
  return { registry, collectAll };
}

const processWide = globalThis as typeof globalThis & { idslStateMetrics?: StateMetrics };

/** The shared services' state in the text format, read now. */
export async function stateMetricsText(): Promise<string> {
  const metrics = (processWide.idslStateMetrics ??= createStateMetrics());
  await metrics.collectAll();
  return metrics.registry.metrics();
}
