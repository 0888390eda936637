/**
 * `npm run jobs:worker`: runs the background jobs on their own, for deployments that run the
 * web servers without `npm start`'s built-in worker. Several may run at once: pg-boss claims
 * each job with SKIP LOCKED. Stops on SIGINT/SIGTERM after the jobs under way finish.
 * Uses DATABASE_URL, or the embedded server of `npm start`.
 */
import path from "node:path";
import { readSettings } from "../app/modules/env.server";
import { databaseForScript } from "./lib/database-for-script";
import { onStopSignals } from "./lib/embedded-postgres";
import { readOrCreateLocalSecret } from "./lib/local-secrets";

const database = await databaseForScript();
process.env.DATABASE_URL = database.url;
// The same secret as `npm start`'s, so the unsubscribe links this worker mails are valid on the site.
process.env.LINK_SIGNING_SECRET ??= readOrCreateLocalSecret(path.resolve(readSettings().IDSL_DATA_DIR), "link-signing-secret");
// Imported only now: the app's modules read DATABASE_URL when first used.
const { startJobWorker } = await import("../app/modules/jobs/index.server");
const { backgroundJobs } = await import("../app/background-jobs.server");
const { closeDb } = await import("../app/modules/db.server");
const { log } = await import("../app/modules/log.server");

const worker = await startJobWorker(backgroundJobs);
log.info({ kinds: backgroundJobs.length }, "job worker running");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await closeDb();
  await database.stop();
  log.info("job worker stopped");
}
onStopSignals(() => void stop());
