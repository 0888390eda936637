/**
 * Runs the registered jobs: one polling loop per queue, pg-boss's maintenance (a job whose run
 * outlived its expiry, e.g. because the worker was killed, is failed and retried) and the
 * cron schedules. Several workers may run at once: pg-boss claims jobs with SKIP LOCKED, and
 * maintenance and schedules run in one of them at a time.
 */
import PgBoss from "pg-boss";
import { dbClient } from "../db.server";
import { errorMessage } from "../error-message";
import { log } from "../log.server";
import { type JobHandler, poolExecutor, queuePolicy } from "./queue.server";

export interface JobWorkerOptions {
  /** How often each queue looks for due jobs (default 2 s). */
  pollingIntervalSeconds?: number;
  /** How often expired runs are failed and old jobs archived (default 60 s). */
  maintenanceIntervalSeconds?: number;
}

export interface JobWorker {
  /** Lets the jobs under way finish (up to 30 s; then they fail and are retried later), then stops. */
  stop(): Promise<void>;
}

export async function startJobWorker(handlers: readonly JobHandler<never>[], options: JobWorkerOptions = {}): Promise<JobWorker> {
  const boss = new PgBoss({
    db: poolExecutor(dbClient()),
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    // Completed jobs are kept a week for inspection, then dropped.
    deleteAfterDays: 7,
  });
  let lastError: string | undefined;
  boss.on("error", (error: unknown) => {
    const message = errorMessage(error);
    // A database restart would otherwise print the same line every poll.
    if (message !== lastError) log.error({ error: message }, "job queue error");
    lastError = message;
  });
  await boss.start();
  for (const handler of handlers) {
    const policy = { ...queuePolicy(handler), name: handler.name };
    await boss.createQueue(handler.name, policy);
    // A queue an earlier enqueue created has the default policy: this one is the handler's.
    await boss.updateQueue(handler.name, policy);
    const worker: { id?: string } = {};
    worker.id = await boss.work<object>(handler.name, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) => {
      if (!job) return;
      try {
        await handler.run(job.data as never, { id: job.id });
      } catch (error) {
        // pg-boss records the error on the job and retries it; the log says it happened.
        log.error({ queue: handler.name, jobId: job.id, error: errorMessage(error) }, "job failed");
        throw error;
      } finally {
        // pg-boss waits the polling interval after every fetch, even one that found a job: a
        // worker that found one looks for the next at once, so a burst (one email per
        // recipient of an event) drains at the speed of its jobs, not one job per interval.
        if (worker.id) boss.notifyWorker(worker.id);
      }
    });
    if (handler.schedule) await boss.schedule(handler.name, handler.schedule, {}, { tz: "UTC" });
  }
  return {
    async stop() {
      await boss.stop({ graceful: true, close: false, timeout: 30_000, wait: true });
    },
  };
}
