import { migrateDatabase } from "../../db/migrate";
import { createDatabase } from "../../db/client";
import { seedReferenceData } from "../../seed/reference";
import { backgroundJobs } from "../../app/background-jobs.server";
import { installJobQueue } from "../../app/modules/jobs/index.server";
import { StartupError } from "./startup-error";

const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "CONNECT_TIMEOUT", "EHOSTUNREACH"]);

/** "host:port/db" of a connection URL, without the credentials. */
function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** Migrates under the advisory lock, loads reference data and installs the job queue's schema, with one-line errors for the usual failures. */
export async function prepareDatabase(url: string): Promise<void> {
  try {
    await migrateDatabase(url);
    const database = createDatabase(url, { max: 1 });
    try {
      await seedReferenceData(database.db);
      // Before anything can enqueue a job: web processes only write into pg-boss's tables.
      await installJobQueue(database.client, backgroundJobs);
    } finally {
      await database.close();
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (UNREACHABLE_CODES.has(code) || code === "28P01" || code === "3D000") {
      throw new StartupError(`Cannot use the database at ${describeDatabase(url)} (${code}): check DATABASE_URL.`);
    }
    throw error;
  }
}
