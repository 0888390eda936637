/**
 * Creating, configuring and rebuilding the Meilisearch indexes. A rebuild writes into fresh
 * indexes and swaps them in with one atomic swap, so searches never see a half-built index.
 */
import { sql } from "drizzle-orm";
import type { EnqueuedTaskPromise, Meilisearch, RecordAny } from "meilisearch";
import { db } from "../db.server";
import { settleTask } from "./meilisearch.server";
import { announceIndexChange, applyOutboxRows, requeueChangesAfter } from "./outbox.server";
import { indicatorDocuments, practiceDocuments, regionDocuments } from "./search-documents.server";
import {
  SEARCH_INDEX_KINDS,
  SEARCH_PRIMARY_KEY,
  SEARCH_SETTINGS,
  type SearchIndexKind,
  searchIndexUid,
  STEMMED_PRACTICE_ATTRIBUTES,
} from "./search-settings";

export interface SearchIndexOptions {
  /** Prepended to every index uid; tests use a unique one so they never touch real indexes. */
  prefix?: string;
}

/** Documents per addDocuments call: large enough to be quick, small enough for one payload. */
const BATCH_SIZE = 5_000;
/** Settings and small tasks finish in well under a second; indexing all practices can take longer. */
const TASK_TIMEOUT_MS = 120_000;

function settle(enqueued: EnqueuedTaskPromise) {
  return settleTask(enqueued, TASK_TIMEOUT_MS);
}

async function existingIndexUids(client: Meilisearch): Promise<Set<string>> {
  const uids = new Set<string>();
  // Paged, as a shared server may hold more indexes than one page returns.
  for (let offset = 0; ; offset += 100) {
    const page = await client.getRawIndexes({ offset, limit: 100 });
    for (const index of page.results) uids.add(index.uid);
    if (offset + 100 >= page.total) return uids;
  }
}

/** Creates missing indexes and applies the settings of SEARCH_SETTINGS (run at start). */
export async function applySearchSettings(client: Meilisearch, options: SearchIndexOptions = {}): Promise<void> {
  const existing = await existingIndexUids(client);
  for (const kind of SEARCH_INDEX_KINDS) {
    const uid = searchIndexUid(kind, options.prefix);
    if (!existing.has(uid)) await settle(client.createIndex(uid, { primaryKey: SEARCH_PRIMARY_KEY }));
    await settle(client.index(uid).updateSettings(SEARCH_SETTINGS[kind]));
  }
}

/**
 * Practice fields the searches rely on that older versions did not write. Settings apply to
 * an existing index at once, but stored documents keep their fields until rebuilt: add a field
 * here when searches start to need it, so start-up rebuilds an index built before.
 */
const REQUIRED_PRACTICE_FIELDS = STEMMED_PRACTICE_ATTRIBUTES;

/** Whether the practices index must be rebuilt: it is empty, or its documents lack a field searches need. */
export async function practicesIndexOutdated(client: Meilisearch, options: SearchIndexOptions = {}): Promise<boolean> {
  const stats = await client.index(searchIndexUid("practices", options.prefix)).getStats();
  if (stats.numberOfDocuments === 0) return true;
  return REQUIRED_PRACTICE_FIELDS.some((field) => !(field in stats.fieldDistribution));
}

interface Snapshot {
  /** `pg_current_snapshot()` of the reading transaction, for requeueChangesAfter. */
  snapshot: string;
  documents: Record<SearchIndexKind, RecordAny[]>;
}

/** Every index's documents, read in one database snapshot so they agree with each other. */
async function readAllDocuments(): Promise<Snapshot> {
  return db().transaction(
    async (tx) => {
      const [row] = await tx.execute<{ snapshot: string }>(sql`select pg_current_snapshot()::text as snapshot`);
      const practices = await practiceDocuments(undefined, tx);
      const regions = await regionDocuments(tx);
      const indicators = await indicatorDocuments();
      return { snapshot: row!.snapshot, documents: { practices, regions, indicators } };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export interface ReindexResult {
  counts: Record<SearchIndexKind, number>;
  /** Changes made while rebuilding, queued again and applied to the new indexes. */
  replayed: number;
  /** Replayed changes not yet applied (Meilisearch failed one); the worker retries them. */
  pending: number;
  durationMs: number;
}

/**
 * Rebuilds every index from one PostgreSQL snapshot into `<uid>_reindex_<timestamp>`, swaps
 * them in at once and deletes the old ones; on failure the live indexes stay untouched.
 * Changes committed after the snapshot may have gone to the replaced indexes, so they are
 * queued again and drained into the new ones.
 */
export async function reindexAll(client: Meilisearch, options: SearchIndexOptions = {}): Promise<ReindexResult> {
  const startedAt = performance.now();
  const suffix = `_reindex_${Date.now()}`;
  const builds = SEARCH_INDEX_KINDS.map((kind) => {
    const uid = searchIndexUid(kind, options.prefix);
    return { kind, uid, freshUid: `${uid}${suffix}` };
  });
  const { snapshot, documents } = await readAllDocuments();

  try {
    for (const { kind, freshUid } of builds) {
      await settle(client.createIndex(freshUid, { primaryKey: SEARCH_PRIMARY_KEY }));
      // Settings first: documents added afterwards are indexed once, with the final settings.
      await settle(client.index(freshUid).updateSettings(SEARCH_SETTINGS[kind]));
      for (let start = 0; start < documents[kind].length; start += BATCH_SIZE) {
        await settle(client.index(freshUid).addDocuments(documents[kind].slice(start, start + BATCH_SIZE)));
      }
    }

    // An existing index is exchanged with its fresh copy; a missing one (first run) is
    // created by renaming the fresh copy (rename moves the first uid to the second). Both
    // happen in one atomic task.
    const existing = await existingIndexUids(client);
    await settle(
      client.swapIndexes(
        builds.map(({ uid, freshUid }) => ({ indexes: [freshUid, uid], rename: !existing.has(uid) })),
      ),
    );
    // After a swap the fresh uids hold the previous data; after a rename they no longer exist.
    for (const { uid, freshUid } of builds) {
      if (existing.has(uid)) await settle(client.deleteIndex(freshUid));
    }
    await announceIndexChange();
  } catch (error) {
    // Leave no half-built indexes behind; the live ones were never touched before the swap.
    await Promise.allSettled(builds.map(({ freshUid }) => client.deleteIndex(freshUid).waitTask()));
    throw error;
  }

  const replayedRows = await requeueChangesAfter(snapshot);
  // Applied here too, so a reindex is complete without a running worker; SKIP LOCKED keeps
  // this safe next to one.
  const pending = await applyOutboxRows(client, replayedRows, { prefix: options.prefix });

  return {
    counts: { practices: documents.practices.length, regions: documents.regions.length, indicators: documents.indicators.length },
    replayed: replayedRows.length,
    pending,
    durationMs: Math.round(performance.now() - startedAt),
  };
}
