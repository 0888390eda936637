import path from "node:path";
import postgres from "postgres";
import { prepareDatabase } from "./database-startup";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { readOrCreateLocalSecret } from "./local-secrets";
import { readSettings } from "../../app/modules/env.server";
import { errorMessage } from "../../app/modules/error-message";

/**
 * The database a command-line script works on: DATABASE_URL when set; otherwise the embedded
 * one of `npm start`, reached while it runs or started just for the script.
 */
export async function databaseForScript(): Promise<{ url: string; stop: () => Promise<void> }> {
  const settings = readSettings();
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, stop: async () => {} };
  const dataDir = path.resolve(settings.IDSL_DATA_DIR);
  const port = settings.EMBEDDED_PG_PORT;
  const password = encodeURIComponent(readOrCreateLocalSecret(dataDir, "postgres-password"));
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/idsl`;
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return { url, stop: async () => {} };
  } catch {
    const cluster = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port });
    return { url: cluster.url, stop: cluster.stop };
  } finally {
    await probe.end({ timeout: 1 });
  }
}

/**
 * Runs a one-off command against the script's database, migrated and seeded first. The app's
 * modules, which read DATABASE_URL when first used, must be imported inside `task`. A failure
 * is printed as one line and sets exit code 1; the connections are closed either way.
 */
export async function runWithAppDatabase(task: () => Promise<void>): Promise<void> {
  const database = await databaseForScript();
  try {
    await prepareDatabase(database.url);
    process.env.DATABASE_URL = database.url;
    await task();
  } catch (error) {
    console.error(`[idsl] ${errorMessage(error)}`);
    process.exitCode = 1;
  } finally {
    const { closeDb } = await import("../../app/modules/db.server");
    await closeDb();
    await database.stop();
  }
}
