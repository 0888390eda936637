/**
 * A real Meilisearch outage: this file runs its own Meilisearch (the shared one stays up for
 * the other test files), stops it while 100 practices are published and archived, starts it
 * again on the same data, and checks that the workers bring the index back to the database.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findFreePort } from "../../../scripts/lib/ports";
import { type RunningMeilisearch, startBundledMeilisearch } from "../../../scripts/lib/meilisearch-server";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { decideOnPractice } from "../practices/index.server";
import { drainSearchOutbox, searchOutboxBacklog, startSearchWorker } from "./outbox.server";
import { indicatorDocuments, type PracticeSearchDocument, practiceDocuments, regionDocuments } from "./search-documents.server";
import { reindexAll } from "./search-index.server";
import { searchIndexUid } from "./search-settings";
import { createMeilisearchClient } from "./meilisearch.server";

const dataDir = mkdtempSync(path.join(tmpdir(), "idsl-meili-outage-"));
const masterKey = randomBytes(24).toString("base64url");
let port: number;
let meili: RunningMeilisearch;
let client: Meilisearch;
let editor: Actor;
let curator: Actor;

function startMeilisearch() {
  return startBundledMeilisearch({ dataDir: path.join(dataDir, "meili"), port, masterKey });
}

/** Every document of an index, sorted by id, as Meilisearch returns them. */
async function allDocuments<T extends { id: number | string }>(kind: "practices" | "regions" | "indicators"): Promise<T[]> {
  const { results } = await client.index<T>(searchIndexUid(kind)).getDocuments({ limit: 10_000 });
  return results.sort((a, b) => String(a.id).localeCompare(String(b.id), "en", { numeric: true }));
}

function sortedById<T extends { id: number | string }>(documents: T[]): T[] {
  return [...documents].sort((a, b) => String(a.id).localeCompare(String(b.id), "en", { numeric: true }));
}

beforeAll(async () => {
  port = await findFreePort();
  meili = await startMeilisearch();
  client = createMeilisearchClient({ host: meili.url, apiKey: masterKey, timeout: 2_000 });
  [editor, curator] = await Promise.all([testActor("editor", "32.11"), testActor("curator")]);
  await reindexAll(client);
  // Rows left by other test files of this worker's database go into this server's index.
  while ((await drainSearchOutbox(client)).processed > 0);
});

afterAll(async () => {
  await meili?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("brings the index back to the database after Meilisearch was stopped during 100 publishes", async () => {
  // Two workers, as several `npm run search:worker` processes would run.
  const workers = [startSearchWorker(client, { intervalMs: 50 }), startSearchWorker(client, { intervalMs: 50 })];
  try {
    const beforeOutage = await publishPractice(practiceContent({ title: `Sebelum gangguan ${randomUUID()}` }), { editor, curator });
    await expect.poll(() => searchOutboxBacklog(), { timeout: 10_000 }).toBe(0);

    await meili.stop();
    const published: number[] = [];
    for (let n = 0; n < 100; n++) {
      published.push(await publishPractice(practiceContent({ title: `Gangguan ${n} ${randomUUID()}` }), { editor, curator }));
    }
    // Unpublishing during the outage too: these must end up absent from the index.
    for (const id of [beforeOutage, ...published.slice(0, 5)]) {
      expect(await decideOnPractice({ practiceId: id, decision: "archive", comment: "", seenVersion: 1, actor: curator, ip: "127.0.0.1" })).toMatchObject({
        ok: true,
      });
    }
    // Every write committed; the workers failed and keep the rows for later.
    expect(await searchOutboxBacklog()).toBeGreaterThanOrEqual(106);

    meili = await startMeilisearch();
    // Rows wait out their backoff (at most a few seconds after a short outage), then apply.
    await expect.poll(() => searchOutboxBacklog(), { timeout: 45_000, interval: 250 }).toBe(0);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }

  // The index matches the database exactly: the same documents, field for field.
  expect(await allDocuments<PracticeSearchDocument>("practices")).toEqual(sortedById(await practiceDocuments()));
  expect(await allDocuments("regions")).toEqual(sortedById(await regionDocuments()));
  expect(await allDocuments("indicators")).toEqual(sortedById(await indicatorDocuments()));
}, 120_000);
