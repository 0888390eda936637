import { randomUUID } from "node:crypto";
import { desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { practiceAdoptions, practiceRevisions, practices } from "../../../db/schema";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { createPractice } from "./practice-commands.server";
import { adoptionCount, listPublishedPractices } from "./practice-list.server";
import type { PracticeListQuery } from "./practice-query";
import { selectPublicPractices } from "./public-practices.server";

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

/** The order as the list computed it before it picked the page of ids first: every row joined, then sorted. */
async function referenceOrder(sort: PracticeListQuery["sort"], where?: SQL) {
  const rows = await selectPublicPractices({ id: practices.id, adoptionCount }, { where })
    .orderBy(...(sort === "terbanyak-diadopsi" ? [desc(adoptionCount)] : []), desc(practices.publishedAt), desc(practices.id));
  return rows.map((row) => [row.id, row.adoptionCount]);
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
