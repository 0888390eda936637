import { randomUUID } from "node:crypto";
import { desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { practiceAdoptions, practiceRevisions, practices } from "../../../db/schema";
import { indicatorId, practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { type DatabaseOrTransaction, db } from "../db.server";
import { createPractice } from "./practice-commands.server";
import { listPublishedPractices } from "./practice-list.server";
import type { PracticeListQuery } from "./practice-query";
import { isPublicSql, selectPublicPractices } from "./public-practices.server";

const adopter = alias(practices, "adopter");
const TAG = `daftar-${randomUUID().slice(0, 8)}`;
const noFilter: PracticeListQuery = { province: null, region: null, indicator: null, stage: null, tag: null, sort: "terbanyak-diadopsi", page: 1 };

let editor: Actor;
let adopterEditor: Actor;
let curator: Actor;
/** Six sources in 32.11 with 2, 2, 1 (plus a draft's), 0, 0, 0 adoptions by public practices. */
let sources: number[];

beforeAll(async () => {
  [editor, adopterEditor, curator] = await Promise.all([testActor("editor", "32.11"), testActor("editor", "33.16"), testActor("curator")]);
  sources = [];
  for (let index = 0; index < 6; index++) {
    sources.push(await publishPractice(practiceContent({ title: `Sumber ${index}`, tags: [TAG] }), { editor, curator }));
  }
  // Ties on both keys: equal counts published at the same moment are ordered by id alone.
  const sameMoment = new Date("2025-03-01T00:00:00Z");
  await db().update(practices).set({ publishedAt: sameMoment }).where(inArray(practices.id, [sources[0]!, sources[1]!, sources[3]!, sources[4]!]));
  const adopt = async (sourceIndex: number, publish = true) => {
    const content = practiceContent({ title: `Pengadopsi ${sourceIndex}` });
    const adopterId = publish
      ? await publishPractice(content, { editor: adopterEditor, curator })
      : (await createPractice({ regionCode: "33.16", content, submit: false, actorId: adopterEditor.id, ip: "127.0.0.1" })).id;
    await db().insert(practiceAdoptions).values({ adopterPracticeId: adopterId, sourcePracticeId: sources[sourceIndex]!, sourceRegionCode: "32.11" });
  };
  for (const sourceIndex of [0, 0, 1, 1, 2]) await adopt(sourceIndex);
  await adopt(2, false);
});

/** A practice's public adopters, counted from the adoptions themselves (what the triggers keep in public_adoption_count). */
const countedAdoptions = sql<number>`(
  select count(*)::int from ${practiceAdoptions}
  join ${practices} ${adopter} on ${adopter.id} = ${practiceAdoptions.adopterPracticeId}
  where ${practiceAdoptions.sourcePracticeId} = ${practices.id} and ${isPublicSql(adopter)}
)`;

/** The order as the list computed it before it picked the page of ids first: every row joined, counted, then sorted. */
async function referenceOrder(sort: PracticeListQuery["sort"], where?: SQL) {
  const rows = await selectPublicPractices({ id: practices.id, adoptionCount: countedAdoptions }, { where })
    .orderBy(...(sort === "terbanyak-diadopsi" ? [desc(countedAdoptions)] : []), desc(practices.publishedAt), desc(practices.id));
  return rows.map((row) => [row.id, row.adoptionCount]);
}

/** Practices whose kept count differs from their adopters counted (none, when the triggers are right). */
async function miscounted() {
  return db()
    .select({ id: practices.id, kept: practices.publicAdoptionCount, counted: countedAdoptions })
    .from(practices)
    .where(sql`${practices.publicAdoptionCount} <> ${countedAdoptions}`);
}

/** Every page of the list, `pageSize` a page, concatenated. */
async function allPages(query: PracticeListQuery, pageSize: number) {
  const rows: (number | undefined)[][] = [];
  for (let page = 1; ; page++) {
    const result = await listPublishedPractices({ ...query, page }, pageSize);
    rows.push(...result.practices.map((practice) => [practice.id, practice.adoptionCount]));
    if (page >= result.pageCount) return { rows, total: result.total };
  }
}

describe("public list order", () => {
  it("sorts the most adopted first, ties by newest publication then id, pages as the full sort did", async () => {
    const [first, second, third] = sources as [number, number, number];
    const tagged = await allPages({ ...noFilter, tag: TAG }, 2);
    expect(tagged.rows.slice(0, 3)).toEqual([
      [Math.max(first, second), 2],
      [Math.min(first, second), 2],
      [third, 1],
    ]);
    expect(tagged.rows).toEqual(await referenceOrder("terbanyak-diadopsi", sql`${practiceRevisions.tags} @> array[${TAG}]::text[]`));

    for (const sort of ["terbanyak-diadopsi", "terbaru"] as const) {
      const all = await allPages({ ...noFilter, sort }, 7);
      expect(all.rows).toEqual(await referenceOrder(sort));
      expect(all.total).toBe(all.rows.length);
      const region = await allPages({ ...noFilter, sort, region: "32.11" }, 3);
      expect(region.rows).toEqual(await referenceOrder(sort, eq(practices.regionCode, "32.11")));
    }
  });

  it("gives the last page when asked for one past it", async () => {
    const { pageCount, page, practices: rows } = await listPublishedPractices({ ...noFilter, tag: TAG, page: 99 }, 4);
    expect([pageCount, page]).toEqual([2, 2]);
    expect(rows.map((row) => row.id)).toEqual((await referenceOrder("terbanyak-diadopsi", sql`${practiceRevisions.tags} @> array[${TAG}]::text[]`)).slice(4).map(([id]) => id));
  });
});

describe("each practice's count of public adopters (kept by triggers)", () => {
  /** A practice of 33.16 adopting `sourceId`, public or a draft. */
  async function adopterOf(sourceId: number, isPublic: boolean) {
    const content = practiceContent({ title: "Pengadopsi hitungan" });
    const adopterId = isPublic
      ? await publishPractice(content, { editor: adopterEditor, curator })
      : (await createPractice({ regionCode: "33.16", content, submit: false, actorId: adopterEditor.id, ip: "127.0.0.1" })).id;
    await db().insert(practiceAdoptions).values({ adopterPracticeId: adopterId, sourcePracticeId: sourceId, sourceRegionCode: "32.11" });
    return adopterId;
  }
  const countOf = async (practiceId: number) =>
    (await db().select({ count: practices.publicAdoptionCount }).from(practices).where(eq(practices.id, practiceId)))[0]!.count;

  it("follows adoptions recorded, moved and removed, and adopters published, archived, unpublished and deleted", async () => {
    const [source, other] = [sources[3]!, sources[4]!];
    const publicAdopter = await adopterOf(source, true);
    const draftAdopter = await adopterOf(source, false);
    expect([await countOf(source), await countOf(other)]).toEqual([1, 0]);

    const [latest] = await db().select({ revisionId: practices.latestRevisionId }).from(practices).where(eq(practices.id, draftAdopter));
    await db().update(practices).set({ state: "published", publishedRevisionId: latest!.revisionId }).where(eq(practices.id, draftAdopter));
    expect(await countOf(source)).toBe(2);
    await db().update(practices).set({ state: "archived" }).where(eq(practices.id, publicAdopter));
    expect(await countOf(source)).toBe(1);
    await db().update(practices).set({ state: "published" }).where(eq(practices.id, publicAdopter));
    await db().update(practiceAdoptions).set({ sourcePracticeId: other }).where(eq(practiceAdoptions.adopterPracticeId, draftAdopter));
    expect([await countOf(source), await countOf(other)]).toEqual([1, 1]);
    await db().update(practiceAdoptions).set({ note: "catatan saja" }).where(eq(practiceAdoptions.adopterPracticeId, draftAdopter));
    expect(await countOf(other)).toBe(1);
    await db().update(practices).set({ publishedRevisionId: null, state: "draft" }).where(eq(practices.id, draftAdopter));
    expect(await countOf(other)).toBe(0);
    await db().delete(practiceAdoptions).where(eq(practiceAdoptions.adopterPracticeId, publicAdopter));
    expect(await countOf(source)).toBe(0);
    const deleted = await adopterOf(source, true);
    expect(await countOf(source)).toBe(1);
    await db().delete(practices).where(eq(practices.id, deleted));
    expect(await countOf(source)).toBe(0);
    expect(await miscounted()).toEqual([]);
  });

  /**
   * Runs `held` in a transaction kept open while `waiting` starts on another connection and blocks
   * on its locks, then commits it and waits for both: two writers overlapping.
   */
  async function overlapping(held: (tx: DatabaseOrTransaction) => Promise<unknown>, waiting: () => Promise<unknown>) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let signalHeld!: () => void;
    const heldWritten = new Promise<void>((resolve) => (signalHeld = resolve));
    const holding = db().transaction(async (tx) => {
      await held(tx);
      signalHeld();
      await released;
    });
    await heldWritten;
    const blocked = waiting();
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await Promise.all([holding, blocked]);
  }

  it("loses no change when an adopter is published while its adoption is being recorded, or two adopters at once", async () => {
    const source = sources[5]!;
    const latestRevision = async (practiceId: number) =>
      (await db().select({ revisionId: practices.latestRevisionId }).from(practices).where(eq(practices.id, practiceId)))[0]!.revisionId;
    const publish = async (executor: DatabaseOrTransaction, practiceId: number) =>
      executor.update(practices).set({ state: "published", publishedRevisionId: await latestRevision(practiceId) }).where(eq(practices.id, practiceId));

    // The adoption is recorded first and the publication waits for it, then finds it.
    const first = (await createPractice({ regionCode: "33.16", content: practiceContent(), submit: false, actorId: adopterEditor.id, ip: "127.0.0.1" })).id;
    await overlapping(
      (tx) => tx.insert(practiceAdoptions).values({ adopterPracticeId: first, sourcePracticeId: source, sourceRegionCode: "32.11" }),
      () => publish(db(), first),
    );
    expect(await countOf(source)).toBe(1);

    // Two adopters of one source published in overlapping transactions: both count.
    const [second, third] = [await adopterOf(source, false), await adopterOf(source, false)];
    await overlapping(
      (tx) => publish(tx, second),
      () => publish(db(), third),
    );
    expect(await countOf(source)).toBe(3);
    expect(await miscounted()).toEqual([]);
  });
});

describe("each practice's published indicators (copied by a trigger)", () => {
  /** Practices whose copy differs from their published revision's indicators (none, when the trigger is right). */
  const miscopied = () =>
    db()
      .select({ id: practices.id })
      .from(practices)
      .leftJoin(practiceRevisions, eq(practiceRevisions.id, practices.publishedRevisionId))
      .where(sql`${practices.publishedIndicatorIds} <> coalesce(${practiceRevisions.indicatorIds}, '{}')`);

  it("follows the published revision, and the list filters by it", async () => {
    const [first, second] = [await indicatorId(37), await indicatorId(12)];
    const practiceId = await publishPractice(practiceContent({ title: "Indikator tersalin", indicatorIds: [first], tags: [TAG] }), { editor, curator });
    const copied = async () => (await db().select({ ids: practices.publishedIndicatorIds }).from(practices).where(eq(practices.id, practiceId)))[0]!.ids;
    expect(await copied()).toEqual([first]);
    const listed = async (number: number) => (await listPublishedPractices({ ...noFilter, tag: TAG, indicator: number }, 50)).practices.map((practice) => practice.id);
    expect(await listed(37)).toContain(practiceId);

    // A newer revision published: the copy follows it, and the list with it.
    const [revision] = await db()
      .insert(practiceRevisions)
      .values({ practiceId, number: 2, title: "Indikator tersalin 2", summary: "Ringkasan", body: "Isi", stage: "penerapan", indicatorIds: [second], tags: [TAG] })
      .returning({ id: practiceRevisions.id });
    await db().update(practices).set({ publishedRevisionId: revision!.id, latestRevisionId: revision!.id }).where(eq(practices.id, practiceId));
    expect(await copied()).toEqual([second]);
    expect(await listed(37)).not.toContain(practiceId);
    expect(await listed(12)).toContain(practiceId);

    await db().update(practices).set({ publishedRevisionId: null, state: "draft" }).where(eq(practices.id, practiceId));
    expect(await copied()).toEqual([]);
    expect(await miscopied()).toEqual([]);
  });
});
