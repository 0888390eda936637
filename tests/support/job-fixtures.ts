import { sql } from "drizzle-orm";
import { db } from "../../app/modules/db.server";
import type { JobHandler } from "../../app/modules/jobs/index.server";

/** What the job tests' handlers record: one row per run (phase) or per effect. */
export async function createJobTestTable(): Promise<void> {
  await db().execute(sql`create table if not exists job_test_runs (job_id text not null, phase text not null, effect_key text unique)`);
}

/** A queue whose runs count as failed after 2 s: a killed worker's job comes back quickly. */
export const slowJob: JobHandler<{ label: string }> = {
  name: "test.slow",
  expireInSeconds: 2,
  retryDelaySeconds: 1,
  async run() {},
};
