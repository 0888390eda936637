/** `npm run db:migrate`: applies migrations and reference data to DATABASE_URL (production deploys). */
import { prepareDatabase } from "./lib/database-startup";
import { StartupError } from "./lib/startup-error";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("[idsl] DATABASE_URL is not set.");
  process.exit(1);
}
prepareDatabase(url)
  .then(() => console.log("[idsl] database migrated and reference data seeded"))
  .catch((error: unknown) => {
    console.error(error instanceof StartupError ? `[idsl] ${error.message}` : error);
    process.exit(1);
  });
