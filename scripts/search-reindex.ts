/**
 * `npm run search:reindex`: rebuilds the Meilisearch indexes (practices, regions, indicators)
 * from PostgreSQL into fresh indexes and swaps them in atomically; searches keep working meanwhile.
 * Uses MEILI_URL/MEILI_MASTER_KEY, or the embedded Meilisearch of a running `npm start`.
 */
import path from "node:path";
import { Meilisearch } from "meilisearch";
import { databaseForScript } from "./lib/database-for-script";
import { prepareDatabase } from "./lib/database-startup";
import { readOrCreateLocalSecret } from "./lib/local-secrets";

/** MEILI_URL when set; otherwise the embedded server `npm start` runs, with its local key. */
function meiliConnection(): { host: string; apiKey: string } {
  if (process.env.MEILI_URL) return { host: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY ?? "" };
  const dataDir = path.resolve(process.env.IDSL_DATA_DIR || ".data");
  const port = Number(process.env.EMBEDDED_MEILI_PORT || 7700);
  return {
    host: `http://127.0.0.1:${port}`,
    apiKey: process.env.MEILI_MASTER_KEY || readOrCreateLocalSecret(dataDir, "meili-master-key"),
  };
}

const connection = meiliConnection();
const client = new Meilisearch({ ...connection, timeout: 30_000 });
const healthy = await client.isHealthy();
if (!healthy) {
  console.error(
    `[idsl] Meilisearch is not reachable at ${connection.host}: run this while \`npm start\` is running, or set MEILI_URL and MEILI_MASTER_KEY.`,
  );
  process.exit(1);
}

const database = await databaseForScript();
try {
  await prepareDatabase(database.url);
  process.env.DATABASE_URL = database.url;
  // Imported only now: the app's modules read DATABASE_URL when first used.
  const { reindexAll } = await import("../app/modules/search/search-index.server");
  const result = await reindexAll(client);
  const counts = Object.entries(result.counts)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(", ");
  console.log(`[idsl] search reindexed: ${counts} in ${(result.durationMs / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[idsl] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  const { closeDb } = await import("../app/modules/db.server");
  await closeDb();
  await database.stop();
}
