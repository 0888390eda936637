/**
 * `npm run seed:demo`: writes the synthetic SPBE 2020 indicator levels (assessments of kind
 * "sample", see app/modules/benchmark/sample-data.server.ts) on the embedded database.
 * Idempotent; `npm start` does it too. Refused wherever sample data must not exist.
 */
import { runWithAppDatabase } from "./lib/database-for-script";
import { sampleDataRefusal } from "./lib/sample-data-mode";

const refusal = sampleDataRefusal();
if (refusal) {
  console.error(`[idsl] sample data not written: ${refusal}`);
  process.exit(1);
}
await runWithAppDatabase(async () => {
  const { syncSampleData } = await import("../app/modules/benchmark/sample-data.server");
  const { db } = await import("../app/modules/db.server");
  const result = await db().transaction((tx) => syncSampleData(tx));
  console.log(`[idsl] sample data: ${result.assessments} assessments (kind "sample", synthetic)`);
});
