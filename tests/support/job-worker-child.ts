/**
 * A job worker in a process of its own, for the test that kills one mid-job: it runs the
 * `test.slow` queue, whose handler records that it started and then never finishes.
 * Reads DATABASE_URL from the environment; prints "ready" once it polls.
 */
import { sql } from "drizzle-orm";
import { db } from "../../app/modules/db.server";
import { startJobWorker } from "../../app/modules/jobs/index.server";
import { slowJob } from "./job-fixtures";

await startJobWorker(
  [
    {
      ...slowJob,
      async run(_payload, job) {
        await db().execute(sql`insert into job_test_runs (job_id, phase) values (${job.id}, 'started')`);
        await new Promise(() => {});
      },
    },
  ],
  { pollingIntervalSeconds: 0.5 },
);
console.log("ready");
