/**
 * The job queue against the real PostgreSQL: jobs exist only when their transaction commits,
 * a failed job is retried (its handler being idempotent, the effect happens once), and a job
 * whose worker is killed mid-run runs again.
 */
import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, expect, it } from "vitest";
import { createJobTestTable, slowJob } from "../../../tests/support/job-fixtures";
import { db } from "../db.server";
import { enqueueJob, type JobHandler, type JobWorker, startJobWorker } from "./index.server";

const workers: JobWorker[] = [];

async function startWorker(handlers: JobHandler<never>[], options: { maintenanceIntervalSeconds?: number; pollingIntervalSeconds?: number } = {}) {
  const worker = await startJobWorker(handlers, { pollingIntervalSeconds: 0.5, ...options });
  workers.push(worker);
  return worker;
}

async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function jobStates(name: string): Promise<string[]> {
  const rows = await db().execute<{ state: string }>(sql`select state::text as state from pgboss.job where name = ${name} order by created_on`);
  return rows.map((row) => row.state);
}

beforeAll(createJobTestTable);

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

it("never runs a job whose transaction rolled back, and runs the committed one once", async () => {
  const ran: string[] = [];
  const recordJob: JobHandler<{ label: string }> = {
    name: "test.record",
    async run({ label }) {
      ran.push(label);
    },
  };
  await expect(
    db().transaction(async (tx) => {
      await enqueueJob(tx, recordJob, { label: "rolled back" });
      throw new Error("the change failed");
    }),
  ).rejects.toThrow("the change failed");
  await db().transaction((tx) => enqueueJob(tx, recordJob, { label: "committed" }));

  await startWorker([recordJob]);
  await eventually(async () => (ran.includes("committed") ? true : undefined));
  // A few more polls: a job that existed would have run by now.
  await pause(1_500);
  expect(ran).toEqual(["committed"]);
  expect(await jobStates(recordJob.name)).toEqual(["completed"]);
});

it("drains a backlog without waiting the polling interval between jobs", async () => {
  let ran = 0;
  const quickJob: JobHandler<{ n: number }> = {
    name: "test.backlog",
    async run() {
      ran += 1;
    },
  };
  await db().transaction(async (tx) => {
    for (let n = 0; n < 20; n += 1) await enqueueJob(tx, quickJob, { n });
  });
  const started = Date.now();
  await startWorker([quickJob], { pollingIntervalSeconds: 2 });
  await eventually(async () => (ran === 20 ? true : undefined));
  // One job per 2-second poll would take 40 seconds.
  expect(Date.now() - started).toBeLessThan(15_000);
});

it("retries a failed job with backoff until it succeeds, and its effect happens once", async () => {
  let attempts = 0;
  const flakyJob: JobHandler<{ key: string }> = {
    name: "test.flaky",
    retryDelaySeconds: 1,
    async run({ key }, job) {
      attempts += 1;
      // The effect is keyed, so a run after a failure that came after the effect does not repeat it.
      await db().execute(sql`insert into job_test_runs (job_id, phase, effect_key) values (${job.id}, 'effect', ${key}) on conflict (effect_key) do nothing`);
      if (attempts === 1) throw new Error("the mail server hung up");
    },
  };
  await enqueueJob(db(), flakyJob, { key: "flaky-1" });
  await startWorker([flakyJob]);

  await eventually(async () => ((await jobStates(flakyJob.name))[0] === "completed" ? true : undefined));
  expect(attempts).toBe(2);
  const effects = await db().execute<{ rows: number }>(sql`select count(*)::int as rows from job_test_runs where effect_key = 'flaky-1'`);
  expect(effects[0]?.rows).toBe(1);
  const [job] = await db().execute<{ retry_count: number }>(sql`select retry_count from pgboss.job where name = ${flakyJob.name}`);
  expect(job?.retry_count).toBe(1);
});

it("runs a job again after its worker was killed in the middle of it", { timeout: 60_000 }, async () => {
  const jobId = await enqueueJob(db(), slowJob, { label: "killed" });
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/job-worker-child.ts"], { env: process.env, stdio: "ignore" });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    await eventually(async () => {
      const [started] = await db().execute(sql`select 1 from job_test_runs where job_id = ${jobId} and phase = 'started'`);
      return started ? true : undefined;
    });
  } finally {
    child.kill("SIGKILL");
    await exited;
  }
  expect(await jobStates(slowJob.name)).toEqual(["active"]);

  // A new worker: the killed run expires after 2 s, pg-boss's maintenance fails it, and it is retried.
  await startWorker(
    [
      {
        ...slowJob,
        async run(_payload, job) {
          await db().execute(sql`insert into job_test_runs (job_id, phase) values (${job.id}, 'finished')`);
        },
      },
    ],
    { maintenanceIntervalSeconds: 1 },
  );
  await eventually(async () => ((await jobStates(slowJob.name))[0] === "completed" ? true : undefined), 30_000);
  const phases = await db().execute<{ phase: string }>(sql`select phase from job_test_runs where job_id = ${jobId} order by phase`);
  expect(phases.map((row) => row.phase)).toEqual(["finished", "started"]);
});
