/**
 * `npm run seed:demo`: writes the synthetic SPBE 2020 indicator levels (assessments of kind
 * "sample", see db/seed/demo.ts). Idempotent; `npm start` runs it too on the embedded database.
 */
import { createDatabase } from "../db/client";
import { seedDemoAssessments } from "../db/seed/demo";
import { databaseForScript } from "./lib/database-for-script";
import { prepareDatabase } from "./lib/database-startup";
import { errorMessage } from "../app/modules/error-message";

const database = await databaseForScript();
try {
  // The samples need the regions, framework and published indices of the reference data.
  await prepareDatabase(database.url);
  const connection = createDatabase(database.url, { max: 1 });
  try {
    const result = await seedDemoAssessments(connection.db);
    console.log(`[idsl] sample data: ${result.assessments} assessments (kind "sample", synthetic)`);
  } finally {
    await connection.close();
  }
} catch (error) {
  console.error(`[idsl] ${errorMessage(error)}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
