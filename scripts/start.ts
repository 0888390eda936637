/**
 * `npm start`: runs the whole site. Without DATABASE_URL it starts an embedded PostgreSQL,
 * without MEILI_URL the bundled Meilisearch (both with data under IDSL_DATA_DIR, default
 * .data/); then migrates, seeds reference data (plus synthetic sample data on a local embedded
 * database) and serves the production build.
 */
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import path from "node:path";
import { onStopSignals, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { startHttpServer } from "./lib/http-server";
import { readOrCreateLocalSecret } from "./lib/local-secrets";
import { startBundledMeilisearch } from "./lib/meilisearch-server";
import { assertPortFree } from "./lib/ports";
import { prepareDatabase } from "./lib/database-startup";
import { sampleDataRefusal } from "./lib/sample-data-mode";
import { StartupError } from "./lib/startup-error";
import { restartBackoff, supervise } from "./lib/supervisor";
import { InvalidSettingsError, readSettings, type Settings } from "../app/modules/env.server";
import { errorMessage } from "../app/modules/error-message";
import { log as logger } from "../app/modules/log.server";
import { answerWorkerMetricsRequests } from "../app/modules/metrics/process-metrics.server";

const startedAt = performance.now();
const stopActions: (() => Promise<unknown>)[] = [];
let stopping = false;

/** Start-up progress for the person running `npm start`; what happens once the site runs goes to the JSON log. */
function log(message: string) {
  // After a stop signal nothing is news: Ctrl-C stops PostgreSQL and Meilisearch at the same time.
  if (!stopping) console.log(`[idsl] ${message}`);
}

async function shutdown(exitCode: number) {
  if (stopping) return;
  stopping = true;
  for (const stop of stopActions.reverse()) {
    await stop().catch((error: unknown) => console.error(`[idsl] while stopping: ${String(error)}`));
  }
  process.exit(exitCode);
}

/** Every setting checked before anything starts, so a wrong value is reported at once, by name. */
function settings(): Settings {
  try {
    return readSettings();
  } catch (error) {
    if (error instanceof InvalidSettingsError) throw new StartupError(error.message);
    throw error;
  }
}

/**
 * Synthetic indicator levels exist in demo mode only (app/modules/benchmark/sample-data.server.ts);
 * anywhere else, including after `IDSL_SAMPLE_DATA=off`, any left over are removed. Idempotent.
 */
async function prepareSampleData(refusal: string | null) {
  // Loaded only here: the app modules read DATABASE_URL, which is known only now.
  const { removeSampleData, syncSampleData } = await import("../app/modules/benchmark/sample-data.server");
  const { db } = await import("../app/modules/db.server");
  try {
    if (refusal) {
      const removed = await removeSampleData(db());
      log(removed > 0 ? `sample data removed (${refusal}): ${removed} assessments` : `no sample data (${refusal})`);
      return;
    }
    const { assessments, written } = await db().transaction((tx) => syncSampleData(tx));
    log(`sample data: ${assessments} assessments (kind "sample", synthetic; ${written} written now)`);
  } catch (error) {
    // Demo data is a convenience: the site starts without it.
    log(`sample data not prepared: ${errorMessage(error)}`);
  }
}

/**
 * Search settings are code: applied on every start. A fresh (or emptied) practices index, or
 * one whose documents predate a field the searches need, is built from PostgreSQL; afterwards
 * the outbox worker keeps it current. Search being down must not stop the site: pages fall
 * back to database search until it returns.
 */
async function prepareSearchIndexes() {
  const { applySearchSettings, practicesIndexOutdated, reindexAll } = await import("../app/modules/search/search-index.server");
  const { createMeilisearchClient } = await import("../app/modules/search/meilisearch.server");
  try {
    // Not the pages' client: sending thousands of documents may take longer than a search may.
    const { MEILI_URL, MEILI_MASTER_KEY } = settings();
    const client = createMeilisearchClient({ host: MEILI_URL ?? "", apiKey: MEILI_MASTER_KEY, timeout: 60_000 });
    await applySearchSettings(client);
    if (await practicesIndexOutdated(client)) {
      const { counts, durationMs } = await reindexAll(client);
      log(`search indexes built: ${counts.practices} practices, ${counts.regions} regions, ${counts.indicators} indicators in ${(durationMs / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    log(`search not prepared (pages use database search until it is): ${errorMessage(error)}`);
  }
}

/** How many web server processes: WEB_CONCURRENCY, else one per core (at most four). */
function webConcurrency(): number {
  return settings().WEB_CONCURRENCY ?? Math.min(availableParallelism(), 4);
}

/**
 * Drains the search outbox into Meilisearch (app/modules/search/outbox.server.ts) until
 * stopped. Loaded on call: the app's modules read DATABASE_URL/MEILI_URL, known only by then.
 */
async function startSearchOutboxWorker(): Promise<() => Promise<void>> {
  const { startSearchWorker } = await import("../app/modules/search/outbox.server");
  const { createMeilisearchClient } = await import("../app/modules/search/meilisearch.server");
  const { MEILI_URL, MEILI_MASTER_KEY } = settings();
  const worker = startSearchWorker(createMeilisearchClient({ host: MEILI_URL ?? "", apiKey: MEILI_MASTER_KEY, timeout: 10_000 }));
  // Stopping lets the drain under way commit.
  return () => worker.stop();
}

/**
 * Runs the background jobs (app/modules/jobs, decision 0025) until stopped. Loaded on call,
 * like the search worker.
 */
async function startBackgroundJobWorker(): Promise<() => Promise<void>> {
  const { startJobWorker } = await import("../app/modules/jobs/index.server");
  const { backgroundJobs } = await import("../app/background-jobs.server");
  const worker = await startJobWorker(backgroundJobs);
  // Stopping lets the jobs under way finish.
  return () => worker.stop();
}

/** Both background workers; the returned stop ends them together. */
async function startBackgroundWorkers(): Promise<() => Promise<void>> {
  const stops = [await startSearchOutboxWorker(), await startBackgroundJobWorker()];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}

/** What a cluster worker process does: serve HTTP, or run the background work (search outbox, jobs). */
type WorkerRole = "web" | "background";
/** A crashed worker is replaced within half a second; one that keeps failing, at most every 30 s. */
const WORKER_BACKOFF = { minDelayMs: 500, maxDelayMs: 30_000 };
const ROLE_VARIABLE = "IDSL_WORKER_ROLE";

/**
 * One Node process renders one page at a time, so with several cores the web server runs as a
 * cluster of workers sharing the port, plus one process for the background work: the search outbox
 * worker and the job worker (kept out of the primary, which hands every connection to a web worker and must stay responsive).
 * Workers inherit the environment (database and search URLs are known by now); each one hears
 * cache invalidations from PostgreSQL itself (app/modules/cluster/broadcast.server.ts).
 */
async function startWorkers(count: number) {
  const roles = new Map<number, { role: WorkerRole; forkedAt: number }>();
  const fork = (role: WorkerRole) => {
    const worker = cluster.fork({ [ROLE_VARIABLE]: role });
    roles.set(worker.id, { role, forkedAt: Date.now() });
    return worker;
  };
  // Registered before the first fork: a stop while workers start must end them too.
  stopActions.push(async () => {
    const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
    await Promise.all(
      running.map(
        (worker) =>
          new Promise((resolve) => {
            worker.once("exit", resolve);
            worker.process.kill("SIGTERM");
          }),
      ),
    );
  });
  // A scrape of /metrics reaches one web worker, which asks here for every worker's figures.
  answerWorkerMetricsRequests();
  const started = Array.from({ length: count }, () => {
    const worker = fork("web");
    return new Promise<void>((resolve, reject) => {
      worker.once("listening", () => resolve());
      worker.once("exit", (code) => reject(new StartupError(`a web server worker exited with code ${code} while starting`)));
    });
  });
  await Promise.all(started);
  if (stopping) return;
  fork("background");
  // A worker that dies (an uncaught error) is replaced, so capacity stays; one that cannot start
  // (the background worker while PostgreSQL is down) is retried with growing waits, per role.
  const backoffs = { web: restartBackoff(WORKER_BACKOFF), background: restartBackoff(WORKER_BACKOFF) };
  cluster.on("exit", (worker, code, signal) => {
    const { role, forkedAt } = roles.get(worker.id) ?? { role: "web", forkedAt: Date.now() };
    roles.delete(worker.id);
    if (stopping) return;
    const delayMs = backoffs[role].nextDelay(Date.now() - forkedAt);
    logger.warn({ role, workerPid: worker.process.pid, exit: signal ?? code, delayMs }, "worker exited; starting another");
    setTimeout(() => {
      if (!stopping) fork(role);
    }, delayMs);
  });
}

/** Cluster workers serve HTTP or run the background work; the primary owns PostgreSQL and Meilisearch. */
async function runWorker() {
  let stop = (): void => process.exit(0);
  // The primary stops workers with SIGTERM; a terminal's SIGINT reaches the whole process group.
  onStopSignals((signal) => signal === "SIGTERM" && stop());
  if (process.env[ROLE_VARIABLE] === "background") {
    // The search outbox builds indicator documents from the cached framework trees.
    const { listenForBroadcasts } = await import("../app/modules/cluster/broadcast.server");
    listenForBroadcasts();
    const stopWorker = await startBackgroundWorkers();
    stop = () => void stopWorker().then(() => process.exit(0));
    return;
  }
  const { PORT, HOST } = settings();
  const server = await startHttpServer({ port: PORT, host: HOST });
  stop = () => server.close(() => process.exit(0));
}

async function main() {
  // Ours alone: web workers, Meilisearch, then PostgreSQL.
  onStopSignals(() => void shutdown(0));

  const given = settings();
  const dataDir = path.resolve(given.IDSL_DATA_DIR);
  const { PORT: port, HOST: host } = given;
  await assertPortFree(port, "web server", host);

  const embeddedDatabase = !given.DATABASE_URL;
  const sampleData = sampleDataRefusal();
  let databaseUrl = given.DATABASE_URL ?? "";
  if (embeddedDatabase) {
    const startPostgres = () => startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: given.EMBEDDED_PG_PORT });
    const postgres = await startPostgres();
    // Started again if it dies; meanwhile pages answer 503 and the workers retry.
    stopActions.push(supervise("embedded PostgreSQL", postgres, startPostgres, { log, shuttingDown: () => stopping }).stop);
    databaseUrl = process.env.DATABASE_URL = postgres.url;
    log(`embedded PostgreSQL ready (${path.join(dataDir, "postgres")})`);
  }

  if (!given.MEILI_URL) {
    const givenKey = given.MEILI_MASTER_KEY;
    if (givenKey !== undefined && Buffer.byteLength(givenKey) < 16) {
      throw new StartupError("MEILI_MASTER_KEY must be at least 16 bytes long.");
    }
    const masterKey = givenKey ?? readOrCreateLocalSecret(dataDir, "meili-master-key");
    const startMeilisearch = () => startBundledMeilisearch({ dataDir: path.join(dataDir, "meili"), port: given.EMBEDDED_MEILI_PORT, masterKey });
    const meili = await startMeilisearch();
    // Started again if it dies; meanwhile search falls back to the database and the outbox waits.
    stopActions.push(supervise("bundled Meilisearch", meili, startMeilisearch, { log, shuttingDown: () => stopping }).stop);
    process.env.MEILI_URL = meili.url;
    process.env.MEILI_MASTER_KEY = meili.masterKey;
    log(`bundled Meilisearch ready (${path.join(dataDir, "meili")})`);
  }

  // Kept in the data directory, so links in emails already sent stay valid after a restart.
  process.env.LINK_SIGNING_SECRET ??= readOrCreateLocalSecret(dataDir, "link-signing-secret");

  await prepareDatabase(databaseUrl);
  log("database migrated and reference data seeded");
  // Before serving, so the first pages already show the samples and a quick stop never cuts the seeding short.
  await prepareSampleData(sampleData);

  await prepareSearchIndexes();

  const workers = webConcurrency();
  if (workers > 1) {
    await startWorkers(workers);
  } else {
    const server = await startHttpServer({ port, host });
    stopActions.push(() => new Promise((resolve) => server.close(resolve)));
    // One process does it all: the background workers run next to the server. Pushed last, so
    // (run in reverse) they stop first, before the server, Meilisearch and PostgreSQL.
    stopActions.push(await startBackgroundWorkers());
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  log(`site ready at http://localhost:${port} (started in ${seconds} s)`);

  if (embeddedDatabase && given.NODE_ENV !== "production") {
    // Loaded only here: the app modules read DATABASE_URL, which is known only now.
    const { prepareDemoAccounts } = await import("../app/modules/auth/demo-accounts.server");
    log("demo accounts (one-time sign-in links, valid 7 days, local use only):");
    for (const account of await prepareDemoAccounts()) {
      log(`  ${account.role.padEnd(8)} ${account.email.padEnd(34)} http://localhost:${port}${account.path}`);
    }
  }
}

if (cluster.isWorker) {
  runWorker().catch((error: unknown) => {
    logger.fatal({ err: error }, "worker failed to start");
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    // Stopped while starting: what failed then is the stop itself (the database went away).
    if (stopping) return;
    console.error(error instanceof StartupError ? `[idsl] ${error.message}` : error);
    void shutdown(1);
  });
}
