/**
 * Keeps Meilisearch in step with PostgreSQL through the search outbox: every content change
 * writes an outbox row in its own transaction (outbox-enqueue.server.ts); the worker here
 * claims rows, re-reads the current documents and only deletes the rows once Meilisearch
 * confirmed the update. While Meilisearch is down, writes still succeed and the rows wait.
 */
import { asc, count, inArray, lte, sql } from "drizzle-orm";
import type { EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import { searchOutbox } from "../../../db/schema";
import { type DatabaseOrTransaction, db } from "../db.server";
import { practiceDocuments } from "./search-documents.server";
import { searchIndexUid } from "./search-settings";

export { enqueueAdoptionSourceUpdate, enqueueSearchUpdate } from "./outbox-enqueue.server";

/**
 * How long one drain waits for its Meilisearch tasks. The claimed rows stay locked meanwhile,
 * so it is much shorter than a full reindex's wait; a slower task is simply retried.
 */
const TASK_TIMEOUT_MS = 30_000;
/** The longest wait before a failed row is tried again. */
const MAX_BACKOFF_SECONDS = 300;

export interface DrainOptions {
  /** Index uid prefix, as in search-index.server.ts (tests use their own). */
  prefix?: string;
  /** Outbox rows claimed per drain. */
  limit?: number;
}

export interface DrainResult {
  /** Outbox rows whose update Meilisearch confirmed (and which are now deleted). */
  processed: number;
  /** Outbox rows claimed but not applied; they are retried after a backoff. */
  failed: number;
  error?: string;
}

/** Waits for a task and turns a failed one into an exception (the client only reports it). */
async function settle(enqueued: EnqueuedTaskPromise): Promise<void> {
  const task = await enqueued.waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status !== "succeeded") {
    throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no details"}`);
  }
}

/** Puts the current state of the given practices into the index: public ones upserted, the rest deleted. */
async function syncPractices(client: Meilisearch, ids: number[], prefix: string | undefined): Promise<void> {
  const documents = await practiceDocuments(ids);
  const found = new Set(documents.map((document) => document.id));
  const missing = ids.filter((id) => !found.has(id));
  const index = client.index(searchIndexUid("practices", prefix));
  // Both are enqueued before waiting: Meilisearch applies one index's tasks in order.
  const tasks: EnqueuedTaskPromise[] = [];
  if (documents.length > 0) tasks.push(index.addDocuments(documents));
  if (missing.length > 0) tasks.push(index.deleteDocuments(missing));
  for (const task of tasks) await settle(task);
}

/**
 * Applies up to `limit` due outbox rows in one transaction. `SKIP LOCKED` lets several
 * workers drain at once without ever claiming the same row. On failure the rows get a later
 * `available_at` and the error, and the transaction still commits, so nothing is lost.
 */
export async function drainSearchOutbox(client: Meilisearch, options: DrainOptions = {}): Promise<DrainResult> {
  const limit = options.limit ?? 100;
  return db().transaction(async (tx) => {
    const claimed = await tx
      .select({ id: searchOutbox.id, kind: searchOutbox.kind, entityId: searchOutbox.entityId })
      .from(searchOutbox)
      .where(lte(searchOutbox.availableAt, sql`now()`))
      .orderBy(asc(searchOutbox.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (claimed.length === 0) return { processed: 0, failed: 0 };
    const rowIds = claimed.map((row) => row.id);

    // Several rows for one practice need one update; unknown kinds (none today) are dropped.
    const practiceIds = [...new Set(claimed.filter((row) => row.kind === "practice").map((row) => Number(row.entityId)))].sort(
      (a, b) => a - b,
    );
    try {
      // Two workers holding different rows of the same practice must not both write it:
      // the second could read older data yet reach Meilisearch last. This lock (held until
      // commit, taken in id order so workers never deadlock) makes the later one wait and
      // then read the newer data.
      for (const id of practiceIds) await tx.execute(sql`select pg_advisory_xact_lock(hashtext('search_outbox'), ${id})`);
      await syncPractices(client, practiceIds, options.prefix);
      await tx.delete(searchOutbox).where(inArray(searchOutbox.id, rowIds));
      return { processed: claimed.length, failed: 0 };
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
      // 1 s, 2 s, 4 s … up to 5 minutes: a long outage costs a few requests, not a flood.
      await tx
        .update(searchOutbox)
        .set({
          attempts: sql`${searchOutbox.attempts} + 1`,
          availableAt: sql`now() + least(power(2, ${searchOutbox.attempts}), ${MAX_BACKOFF_SECONDS}) * interval '1 second'`,
          lastError: message,
        })
        .where(inArray(searchOutbox.id, rowIds));
      return { processed: 0, failed: claimed.length, error: message };
    }
  });
}

/** Outbox rows not yet applied (due or waiting for a retry), for /healthz. */
export async function searchOutboxBacklog(executor: DatabaseOrTransaction = db()): Promise<number> {
  const [row] = await executor.select({ rows: count() }).from(searchOutbox);
  return row?.rows ?? 0;
}

export interface SearchWorker {
  /** Finishes the drain under way (its transaction commits) and ends the loop. */
  stop(): Promise<void>;
}

/**
 * Drains the outbox in a loop: again at once after a full batch, else after `intervalMs`.
 * It never throws; an error is logged as one line (repeats of the same error are not).
 */
export function startSearchWorker(
  client: Meilisearch,
  options: { intervalMs?: number; prefix?: string; limit?: number } = {},
): SearchWorker {
  const intervalMs = options.intervalMs ?? 500;
  const limit = options.limit ?? 100;
  let stopping = false;
  let wakeUp: (() => void) | undefined;
  let lastError: string | undefined;

  const report = (error: string | undefined) => {
    if (error !== undefined && error !== lastError) console.error(`[idsl] search outbox: ${error}`);
    lastError = error;
  };

  const loop = async () => {
    while (!stopping) {
      let fullBatch = false;
      try {
        const result = await drainSearchOutbox(client, { prefix: options.prefix, limit });
        fullBatch = result.processed === limit;
        // Only failures are reported; an idle drain says nothing about Meilisearch's health.
        if (result.failed > 0 || result.processed > 0) report(result.error);
      } catch (error) {
        // The database itself failed (e.g. restarting): try again after the interval.
        report(error instanceof Error ? error.message : String(error));
      }
      if (fullBatch || stopping) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  };
  const running = loop();

  return {
    async stop() {
      stopping = true;
      wakeUp?.();
      await running;
    },
  };
}
