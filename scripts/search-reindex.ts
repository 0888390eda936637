/**
 * `npm run search:reindex`: rebuilds the Meilisearch indexes (practices, regions, indicators)
 * from PostgreSQL into fresh indexes and swaps them in atomically; searches keep working meanwhile.
 * Uses MEILI_URL/MEILI_MASTER_KEY, or the embedded Meilisearch of a running `npm start`.
 */
import { createMeilisearchClient } from "../app/modules/search/meilisearch.server";
import { runWithAppDatabase } from "./lib/database-for-script";
import { meiliConnection } from "./lib/meili-connection";

const connection = meiliConnection();
const client = createMeilisearchClient({ ...connection, timeout: 30_000 });
const healthy = await client.isHealthy();
if (!healthy) {
  console.error(
    `[idsl] Meilisearch is not reachable at ${connection.host}: run this while \`npm start\` is running, or set MEILI_URL and MEILI_MASTER_KEY.`,
  );
  process.exit(1);
}

await runWithAppDatabase(async () => {
  const { reindexAll } = await import("../app/modules/search/search-index.server");
  const result = await reindexAll(client);
  const counts = Object.entries(result.counts)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(", ");
  console.log(`[idsl] search reindexed: ${counts} in ${(result.durationMs / 1000).toFixed(1)} s`);
  console.log(`[idsl] changes made meanwhile, replayed: ${result.replayed}`);
  if (result.pending > 0) {
    console.warn(`[idsl] ${result.pending} outbox rows could not be applied yet; the search worker retries them.`);
  }
});
