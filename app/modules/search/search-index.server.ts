/**
 * Creating, configuring and rebuilding the Meilisearch indexes. A rebuild writes into fresh
 * indexes and swaps them in with one atomic swap, so searches never see a half-built index.
 */
import type { EnqueuedTaskPromise, Meilisearch, RecordAny, Task } from "meilisearch";
import { indicatorDocuments, practiceDocuments, regionDocuments } from "./search-documents.server";
import {
  SEARCH_INDEX_KINDS,
  SEARCH_PRIMARY_KEY,
  SEARCH_SETTINGS,
  type SearchIndexKind,
  searchIndexUid,
} from "./search-settings";

export interface SearchIndexOptions {
  /** Prepended to every index uid; tests use a unique one so they never touch real indexes. */
  prefix?: string;
}

/** Documents per addDocuments call: large enough to be quick, small enough for one payload. */
const BATCH_SIZE = 5_000;
/** Settings and small tasks finish in well under a second; indexing all practices can take longer. */
const TASK_TIMEOUT_MS = 120_000;

/** Waits for an enqueued task and turns a failed task into an exception (the client only reports it). */
async function settle(enqueued: EnqueuedTaskPromise): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status !== "succeeded") {
    throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no details"}`);
  }
  return task;
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

async function documentsOf(kind: SearchIndexKind): Promise<RecordAny[]> {
  switch (kind) {
    case "practices":
      return practiceDocuments();
    case "regions":
      return regionDocuments();
    case "indicators":
      return indicatorDocuments();
  }
}

export interface ReindexResult {
  counts: Record<SearchIndexKind, number>;
  durationMs: number;
}

/**
 * Rebuilds every index from PostgreSQL into `<uid>_reindex_<timestamp>`, then swaps all of
 * them in at once and deletes the old ones. On failure the live indexes stay untouched.
 */
export async function reindexAll(client: Meilisearch, options: SearchIndexOptions = {}): Promise<ReindexResult> {
  const startedAt = performance.now();
  const suffix = `_reindex_${Date.now()}`;
  const builds = SEARCH_INDEX_KINDS.map((kind) => {
    const uid = searchIndexUid(kind, options.prefix);
    return { kind, uid, freshUid: `${uid}${suffix}` };
  });
  const counts = { practices: 0, regions: 0, indicators: 0 } satisfies Record<SearchIndexKind, number>;

  try {
    for (const { kind, freshUid } of builds) {
      await settle(client.createIndex(freshUid, { primaryKey: SEARCH_PRIMARY_KEY }));
      // Settings first: documents added afterwards are indexed once, with the final settings.
      await settle(client.index(freshUid).updateSettings(SEARCH_SETTINGS[kind]));
      const documents = await documentsOf(kind);
      for (let start = 0; start < documents.length; start += BATCH_SIZE) {
        await settle(client.index(freshUid).addDocuments(documents.slice(start, start + BATCH_SIZE)));
      }
      counts[kind] = documents.length;
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
  } catch (error) {
    // Leave no half-built indexes behind; the live ones were never touched before the swap.
    await Promise.allSettled(builds.map(({ freshUid }) => client.deleteIndex(freshUid).waitTask()));
    throw error;
  }

  return { counts, durationMs: Math.round(performance.now() - startedAt) };
}
