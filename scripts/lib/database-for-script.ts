import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { readOrCreateLocalSecret } from "./local-secrets";

/**
 * The database a command-line script works on: DATABASE_URL when set; otherwise the embedded
 * one of `npm start`, reached while it runs or started just for the script.
 */
export async function databaseForScript(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.resolve(process.env.IDSL_DATA_DIR || ".data");
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329);
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
