/**
 * Keeps Meilisearch in step with PostgreSQL through the search outbox: every content change
 * writes an outbox row in its own transaction (change-feed/enqueue.server.ts); the worker here
 * claims rows, re-reads the current documents and only marks the rows processed once
 * Meilisearch confirmed the update. While Meilisearch is down, writes still succeed and the
 * rows wait.
 */
import { and, asc, count, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import { searchOutbox } from "../../../db/schema";
import { broadcast } from "../cluster/broadcast.server";
import { type DatabaseOrTransaction, db, dbClient, lockForTransaction } from "../db.server";
import { settleTask } from "./meilisearch.server";
import { SEARCH_OUTBOX_CHANNEL } from "../change-feed/enqueue.server";
import { practiceDocuments } from "./search-documents.server";
import { searchIndexUid } from "./search-settings";
import { errorMessage } from "../error-message";
import { log } from "../log.server";

/**
 * How long one drain waits for its Meilisearch tasks. The claimed rows stay locked meanwhile,
 * so it is much shorter than a full reindex's wait; a slower task is simply retried.
 */
const TASK_TIMEOUT_MS = 30_000;
/** The longest wait before a failed row is tried again. */
const MAX_BACKOFF_SECONDS = 300;
/**
 * How long processed rows are kept: a reindex replays the changes its snapshot missed from
 * them, so this must exceed the longest reindex (15–20 s at 20,000 practices in `npm run bench`).
 */
const PROCESSED_RETENTION = sql`interval '1 day'`;

export interface DrainOptions {
  /** Index uid prefix, as in search-index.server.ts (tests use their own). */
  prefix?: string;
  /** Outbox rows claimed per drain. */
  limit?: number;
}

export interface DrainResult {
  /** Outbox rows whose update Meilisearch confirmed (and which are now marked processed). */
  processed: number;
  /** Outbox rows claimed but not applied; they are retried after a backoff. */
  failed: number;
  error?: string;
}

/**
 * Tells every server that the index changed: their anonymous search pages (decision 0032) were
 * rendered from the old one. A publish broadcasts before the worker has applied it, so without
 * this a search page cached in between would miss the practice for up to 60 s. Nothing listening
 * drains the outbox, so this cannot loop.
 */
export function announceIndexChange(): Promise<void> {
  return broadcast("search-index");
}

function settle(enqueued: EnqueuedTaskPromise) {
  return settleTask(enqueued, TASK_TIMEOUT_MS);
}

/**
 * Puts the current state of the given practices into the index: public ones upserted, the
 * rest deleted. (Regions and indicators are reference data: only a reindex changes them.)
 */
async function syncPractices(client: Meilisearch, ids: number[], prefix: string | undefined): Promise<void> {
  const documents = await practiceDocuments(ids);
  const found = new Set(documents.map((document) => document.id));
  const missing = ids.filter((id) => !found.has(id));
  const index = client.index(searchIndexUid("practices", prefix));
  const tasks: EnqueuedTaskPromise[] = [];
  if (documents.length > 0) tasks.push(index.addDocuments(documents));
  if (missing.length > 0) tasks.push(index.deleteDocuments(missing));
  // Both are queued before waiting (Meilisearch applies an index's tasks in order); waiting on
  // all at once also catches every failure (one unwaited rejection would crash the process).
  await Promise.all(tasks.map(settle));
}

/**
 * Applies up to `limit` due outbox rows in one transaction. `SKIP LOCKED` lets several
 * workers drain at once without ever claiming the same row. On failure the rows get a later
 * `available_at` and the error, and the transaction still commits, so nothing is lost.
 * Once rows were applied and committed, every server is told the index changed.
 */
export async function drainSearchOutbox(client: Meilisearch, options: DrainOptions = {}): Promise<DrainResult> {
  const result = await claimAndApply(client, options);
  if (result.processed > 0) await announceIndexChange();
  return result;
}

/** One drain's transaction: claims due rows, applies them to Meilisearch, marks them. */
async function claimAndApply(client: Meilisearch, options: DrainOptions): Promise<DrainResult> {
  const limit = options.limit ?? 100;
  return db().transaction(async (tx) => {
    const claimed = await tx
      .select({ id: searchOutbox.id, kind: searchOutbox.kind, entityId: searchOutbox.entityId })
      .from(searchOutbox)
      .where(and(isNull(searchOutbox.processedAt), lte(searchOutbox.availableAt, sql`now()`)))
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
      for (const id of practiceIds) await lockForTransaction(tx, "search_outbox", id);
      if (practiceIds.length > 0) await syncPractices(client, practiceIds, options.prefix);
      await tx.update(searchOutbox).set({ processedAt: sql`now()`, lastError: null }).where(inArray(searchOutbox.id, rowIds));
      await tx.delete(searchOutbox).where(lt(searchOutbox.processedAt, sql`now() - ${PROCESSED_RETENTION}`));
      return { processed: claimed.length, failed: 0 };
    } catch (error) {
      const message = errorMessage(error).slice(0, 1_000);
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

/** Outbox rows not yet applied (due or waiting for a retry), and how long the oldest has waited (0 without any), for /metrics. */
export async function searchOutboxStatus(executor: DatabaseOrTransaction = db()): Promise<{ backlog: number; oldestAgeSeconds: number }> {
  const [row] = await executor
    .select({
      rows: count(),
      oldestAgeSeconds: sql<number>`coalesce(extract(epoch from now() - min(${searchOutbox.createdAt})), 0)::float8`,
    })
    .from(searchOutbox)
    .where(isNull(searchOutbox.processedAt));
  return { backlog: row?.rows ?? 0, oldestAgeSeconds: row?.oldestAgeSeconds ?? 0 };
}

/** Outbox rows not yet applied (due or waiting for a retry), for /healthz. */
export async function searchOutboxBacklog(executor: DatabaseOrTransaction = db()): Promise<number> {
  return (await searchOutboxStatus(executor)).backlog;
}

/**
 * Queues again every change the given snapshot (`pg_current_snapshot()` text) did not see:
 * a reindex built from that snapshot, and the worker may have applied those changes to the
 * index the swap replaced. Returns the new outbox rows' ids.
 */
export async function requeueChangesAfter(snapshot: string): Promise<number[]> {
  const queued = await db().execute<{ id: number }>(sql`
    insert into ${searchOutbox} (kind, entity_id)
    select distinct kind, entity_id from ${searchOutbox}
    where not pg_visible_in_snapshot(transaction_id, ${snapshot}::pg_snapshot)
    returning id`);
  return queued.map((row) => Number(row.id));
}

/**
 * Drains until the given outbox rows are applied (by this drain or a running worker), or
 * until Meilisearch fails one: they then stay queued for the worker's retries. Returns how
 * many are still waiting. Rows queued later are left to the worker, so steady writes cannot
 * keep this going.
 */
export async function applyOutboxRows(client: Meilisearch, rowIds: number[], options: DrainOptions = {}): Promise<number> {
  for (;;) {
    const waiting = await countPending(rowIds);
    if (waiting === 0) return 0;
    const drained = await drainSearchOutbox(client, options);
    if (drained.failed > 0) return countPending(rowIds);
    // Nothing was due for this drain (a worker holds the rows): give it a moment.
    if (drained.processed === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function countPending(rowIds: number[]): Promise<number> {
  if (rowIds.length === 0) return 0;
  const [row] = await db()
    .select({ rows: count() })
    .from(searchOutbox)
    .where(and(inArray(searchOutbox.id, rowIds), isNull(searchOutbox.processedAt)));
  return row?.rows ?? 0;
}

export interface SearchWorker {
  /** Finishes the drain under way (its transaction commits) and ends the loop. */
  stop(): Promise<void>;
}

/**
 * Drains the outbox in a loop: at once after a commit that wrote outbox rows (LISTEN/NOTIFY)
 * or after a full batch, else every `intervalMs` (which also picks up retries and anything
 * written while the notification connection was down). It never throws; an error is logged
 * as one line (repeats of the same error are not).
 */
export function startSearchWorker(
  client: Meilisearch,
  options: { intervalMs?: number; prefix?: string; limit?: number } = {},
): SearchWorker {
  const intervalMs = options.intervalMs ?? 1_000;
  const limit = options.limit ?? 100;
  let stopping = false;
  let notified = false;
  let wakeUp: (() => void) | undefined;
  let lastError: string | undefined;

  const report = (error: string | undefined) => {
    if (error !== undefined && error !== lastError) log.error({ error }, "search outbox not drained");
    lastError = error;
  };

  const listening = dbClient()
    .listen(SEARCH_OUTBOX_CHANNEL, () => {
      notified = true;
      wakeUp?.();
    })
    // Without notifications the interval still drains everything, only later.
    .catch((error: unknown) => report(`not listening for changes: ${errorMessage(error)}`));

  const loop = async () => {
    while (!stopping) {
      notified = false;
      let fullBatch = false;
      try {
        const result = await drainSearchOutbox(client, { prefix: options.prefix, limit });
        fullBatch = result.processed === limit;
        // Only failures are reported; an idle drain says nothing about Meilisearch's health.
        if (result.failed > 0 || result.processed > 0) report(result.error);
      } catch (error) {
        // The database itself failed (e.g. restarting): try again after the interval. While
        // stopping it is expected: a terminal's Ctrl-C stops PostgreSQL at the same time.
        if (!stopping) report(errorMessage(error));
      }
      // A notification that came during the drain may be for rows it did not see.
      if (fullBatch || notified || stopping) continue;
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
      // Fails when PostgreSQL has gone first (Ctrl-C reaches it too), taking the LISTEN with it.
      await (await listening)?.unlisten().catch(() => {});
    },
  };
}
