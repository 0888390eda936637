/**
 * `npm run search:worker`: drains the search outbox on its own, for deployments that run the
 * web servers without `npm start`'s built-in worker. Several may run at once: each claims
 * outbox rows with SKIP LOCKED, so no row is applied twice. Stops on SIGINT/SIGTERM.
 * Uses DATABASE_URL and MEILI_URL/MEILI_MASTER_KEY, or the embedded servers of `npm start`.
 */
import { createMeilisearchClient } from "../app/modules/search/meilisearch.server";
import { databaseForScript } from "./lib/database-for-script";
import { onStopSignals } from "./lib/embedded-postgres";
import { meiliConnection } from "./lib/meili-connection";

const connection = meiliConnection();
const database = await databaseForScript();
process.env.DATABASE_URL = database.url;
// Imported only now: the app's modules read DATABASE_URL when first used.
const { startSearchWorker } = await import("../app/modules/search/outbox.server");
const { closeDb } = await import("../app/modules/db.server");
const { log } = await import("../app/modules/log.server");

// No health check first: while Meilisearch is down the worker keeps retrying with backoff.
const worker = startSearchWorker(createMeilisearchClient({ ...connection, timeout: 10_000 }));
log.info({ host: connection.host }, "search worker draining the outbox");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await closeDb();
  await database.stop();
  log.info("search worker stopped");
}
onStopSignals(() => void stop());
