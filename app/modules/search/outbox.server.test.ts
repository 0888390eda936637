import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { searchOutbox } from "../../../db/schema";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { recordAdoption } from "../practices/index.server";
import { createPractice, decideOnPractice } from "../practices/index.server";
import { type PracticeSearchDocument, practiceDocuments } from "./search-documents.server";
import { applySearchSettings, reindexAll } from "./search-index.server";
import { enqueueSearchUpdate } from "../change-feed/enqueue.server";
import { drainSearchOutbox, requeueChangesAfter, searchOutboxBacklog, startSearchWorker } from "./outbox.server";
import { SEARCH_INDEX_KINDS, searchIndexUid } from "./search-settings";
import { createMeilisearchClient } from "./meilisearch.server";

// A prefix of its own, so other test files (or workers) using the same server never collide.
const prefix = `test_outbox_${process.env.VITEST_POOL_ID ?? "0"}_${Date.now()}_`;
const client = createMeilisearchClient({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY, timeout: 10_000 });
const unreachable = createMeilisearchClient({ host: "http://127.0.0.1:1", timeout: 1_000 });
const practicesIndex = client.index<PracticeSearchDocument>(searchIndexUid("practices", prefix));
const ip = "127.0.0.1";

let editor: Actor;
let curator: Actor;

/** A practice of Sumedang with a title no other test uses, created and published for real. */
function publish(title = `Praktik ${randomUUID()}`): Promise<number> {
  return publishPractice(practiceContent({ title }), { editor, curator });
}

async function archive(id: number) {
  const result = await decideOnPractice({ practiceId: id, decision: "archive", comment: "", seenVersion: 1, actor: curator, ip });
  expect(result).toEqual({ ok: true, state: "archived" });
}

/** The rows of a practice the worker has yet to apply. */
async function outboxRows(entityId: number) {
  return db()
    .select()
    .from(searchOutbox)
    .where(and(eq(searchOutbox.entityId, String(entityId)), isNull(searchOutbox.processedAt)));
}

async function indexedIds(): Promise<number[]> {
  const documents = await practicesIndex.getDocuments({ fields: ["id"], limit: 10_000 });
  return documents.results.map((document) => document.id).sort((a, b) => a - b);
}

/** Drains until nothing is due, so a test starts from (and ends at) a caught-up index. */
async function drainAll(meili = client) {
  for (;;) {
    const result = await drainSearchOutbox(meili, { prefix });
    if (result.processed === 0 && result.failed === 0) return;
    if (result.failed > 0) throw new Error(result.error);
  }
}

beforeAll(async () => {
  [editor, curator] = await Promise.all([testActor("editor", "32.11"), testActor("curator")]);
  await applySearchSettings(client, { prefix });
  await reindexAll(client, { prefix });
});

// Rows left by other test files of this worker's database refer to the real index; they are
// drained into ours, harmlessly, so every test starts with an empty outbox.
beforeEach(() => drainAll());

afterAll(async () => {
  await Promise.all(SEARCH_INDEX_KINDS.map((kind) => client.deleteIndex(searchIndexUid(kind, prefix)).waitTask()));
});

describe("search outbox", () => {
  it("makes a published practice searchable within 2 s and removes it when archived", async () => {
    const title = `Sinkronisasi ${randomUUID().slice(0, 8)} Kependudukan`;
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent({ title }), submit: true, actorId: editor.id, ip });
    // Only publishing changes what is public: a draft or submitted practice enqueues nothing.
    expect(await outboxRows(id)).toHaveLength(0);

    // Measured from the curator's publish to the document being found.
    const started = performance.now();
    expect(await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip })).toMatchObject({ ok: true });
    expect(await outboxRows(id)).toHaveLength(1);
    expect(await drainSearchOutbox(client, { prefix })).toMatchObject({ processed: 1, failed: 0 });
    const hits = await practicesIndex.search(title, { attributesToRetrieve: ["id"] });
    const elapsedMs = performance.now() - started;
    console.log(`[outbox test] publish → searchable in ${Math.round(elapsedMs)} ms`);
    expect(hits.hits.map((hit) => hit.id)).toContain(id);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(await outboxRows(id)).toHaveLength(0);

    await archive(id);
    expect(await drainSearchOutbox(client, { prefix })).toMatchObject({ processed: 1, failed: 0 });
    expect(await indexedIds()).not.toContain(id);
  });

  it("commits writes while Meilisearch is down and catches up when it returns", async () => {
    const id = await publish();
    // The publish committed although no search server answered.
    expect((await practiceDocuments([id])).map((document) => document.id)).toEqual([id]);

    const failed = await drainSearchOutbox(unreachable, { prefix });
    expect(failed).toMatchObject({ processed: 0, failed: 1, error: expect.any(String) });
    const [row] = await outboxRows(id);
    expect(row).toMatchObject({ attempts: 1, lastError: expect.any(String) });
    expect(row!.availableAt.getTime()).toBeGreaterThan(Date.now());
    expect(await searchOutboxBacklog()).toBe(1);
    // Not due yet: a drain right away leaves the row alone.
    expect(await drainSearchOutbox(client, { prefix })).toEqual({ processed: 0, failed: 0 });

    // Instead of waiting out the backoff, make the row due now.
    await db().update(searchOutbox).set({ availableAt: sql`now()` }).where(eq(searchOutbox.entityId, String(id)));
    expect(await drainSearchOutbox(client, { prefix })).toMatchObject({ processed: 1, failed: 0 });
    expect(await searchOutboxBacklog()).toBe(0);
    const expected = (await practiceDocuments()).map((document) => document.id).sort((a, b) => a - b);
    expect(await indexedIds()).toEqual(expected);
  });

  it("updates the adoption count of the source practice", async () => {
    const source = await publish();
    // Adoptions come from another region: a Blora practice adopts the Sumedang one.
    const bloraEditor = await testActor("editor", "33.16");
    const { id: adopter } = await createPractice({
      regionCode: "33.16",
      content: practiceContent({ title: `Adopsi ${randomUUID()}` }),
      submit: true,
      actorId: bloraEditor.id,
      ip,
    });
    await drainAll();
    expect(await recordAdoption({ adopterPracticeId: adopter, sourcePracticeId: source, sourceRegionCode: "32.11", note: "", actorId: bloraEditor.id, ip })).toEqual({
      ok: true,
    });
    expect(await outboxRows(source)).toHaveLength(1);
    await drainAll();
    // Only public adopters count, and this one is not published yet.
    expect((await practicesIndex.getDocument(source)).adoptionCount).toBe(0);

    await decideOnPractice({ practiceId: adopter, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip });
    expect(await outboxRows(source)).toHaveLength(1);
    await drainAll();
    expect((await practicesIndex.getDocument(source)).adoptionCount).toBe(1);
  });

  it("never lets two concurrent drains apply the same row", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => publish()));
    // A few extra rows for the same practices, as repeated changes would leave.
    for (const id of ids.slice(0, 3)) await enqueueSearchUpdate(db(), "practice", id);
    const rows = await db().select({ id: searchOutbox.id }).from(searchOutbox).where(inArray(searchOutbox.entityId, ids.map(String)));
    expect(rows).toHaveLength(9);

    const results = await Promise.all([drainSearchOutbox(client, { prefix, limit: 5 }), drainSearchOutbox(client, { prefix, limit: 5 })]);
    expect(results.every((result) => result.failed === 0)).toBe(true);
    // Each row was claimed by exactly one drain: together they handled all nine, once.
    expect(results[0]!.processed + results[1]!.processed).toBe(9);
    expect(await searchOutboxBacklog()).toBe(0);
    expect(await indexedIds()).toEqual(expect.arrayContaining(ids));
  });

  it("runs as a worker loop, woken by the commit's notification, that stops cleanly", async () => {
    // An interval far beyond the deadline: only the notification can wake the worker in time.
    const worker = startSearchWorker(client, { prefix, intervalMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    try {
      const id = await publish();
      const deadline = Date.now() + 5_000;
      while ((await searchOutboxBacklog()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await searchOutboxBacklog()).toBe(0);
      expect(await indexedIds()).toContain(id);
    } finally {
      await worker.stop();
    }
  });

  it("queues again exactly the changes a snapshot did not see", async () => {
    const seen = await publish();
    const [row] = await db().execute<{ snapshot: string }>(sql`select pg_current_snapshot()::text as snapshot`);
    const unseen = await publish();
    await drainAll();
    expect(await searchOutboxBacklog()).toBe(0);

    expect(await requeueChangesAfter(row!.snapshot)).toHaveLength(1);
    expect(await outboxRows(unseen)).toHaveLength(1);
    expect(await outboxRows(seen)).toHaveLength(0);
  });

  it("replays into the new indexes what changed while a reindex ran", async () => {
    // The worker applies the changes to the live indexes, which the swap then replaces.
    const worker = startSearchWorker(client, { prefix, intervalMs: 20 });
    let reindexing = true;
    const reindex = reindexAll(client, { prefix }).finally(() => {
      reindexing = false;
    });
    const publishedMeanwhile: number[] = [];
    try {
      while (reindexing) publishedMeanwhile.push(await publish());
      const result = await reindex;
      expect(result.replayed).toBeGreaterThan(0);
    } finally {
      await worker.stop();
    }
    await drainAll();
    const expected = (await practiceDocuments()).map((document) => document.id).sort((a, b) => a - b);
    expect(expected).toEqual(expect.arrayContaining(publishedMeanwhile));
    expect(await indexedIds()).toEqual(expected);
  });
});
