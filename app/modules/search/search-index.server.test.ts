import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { practiceRevisions, practices } from "../../../db/schema";
import { db } from "../db.server";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import { isPublicSql } from "../practices/index.server";
import { type PracticeSearchDocument, markdownToPlainText, practiceDocuments } from "./search-documents.server";
import { applySearchSettings, practicesIndexOutdated, reindexAll } from "./search-index.server";
import { SEARCH_INDEX_KINDS, searchIndexUid, synonymsFromGroups } from "./search-settings";
import { errorMessage } from "../error-message";
import { createMeilisearchClient } from "./meilisearch.server";
import { search } from "./search.server";

// A prefix of its own, so other test files (or workers) using the same server never collide.
const prefix = `test_${process.env.VITEST_POOL_ID ?? "0"}_${Date.now()}_`;
const client = createMeilisearchClient({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY, timeout: 10_000 });
const practicesIndex = client.index<PracticeSearchDocument>(searchIndexUid("practices", prefix));

let documents: PracticeSearchDocument[];
/** Practices this file publishes: the seeded case studies have no procurement one, nor one saying only "MPP". */
let procurement: number;
let mallAbbreviated: number;
/** Word forms: one practice says "pelayanan" only, one "melayani"; a court is not procurement. */
let servicePractice: number;
let servingPractice: number;
let court: number;

beforeAll(async () => {
  const people = { editor: await testActor("editor", "32.11"), curator: await testActor("curator") };
  procurement = await publishPractice(
    practiceContent({
      title: "Pengadaan Barang dan Jasa Lewat Katalog Elektronik Lokal",
      summary: "Belanja pemerintah daerah dari penyedia lokal melalui katalog elektronik.",
      tags: ["pengadaan"],
    }),
    people,
  );
  mallAbbreviated = await publishPractice(
    practiceContent({
      title: "MPP Digital: Izin Usaha dari Rumah",
      summary: "Layanan MPP kini bisa diajukan daring.",
      body: "Warga mengurus izin di MPP tanpa antre.",
      tags: ["perizinan"],
    }),
    people,
  );
  servicePractice = await publishPractice(
    practiceContent({
      title: "Pelayanan Adminduk Keliling untuk Lansia",
      summary: "Petugas Dukcapil datang ke rumah warga yang tidak bisa ke kantor.",
      body: "Perekaman KTP elektronik di rumah warga.",
      tags: ["adminduk"],
    }),
    people,
  );
  servingPractice = await publishPractice(
    practiceContent({
      title: "Petugas Kelurahan Melayani Warga Sampai Malam",
      summary: "Kantor kelurahan buka sampai pukul 21.00.",
      body: "Warga yang bekerja siang hari tetap terlayani.",
      tags: ["kelurahan"],
    }),
    people,
  );
  court = await publishPractice(
    practiceContent({
      title: "Sidang Keliling Pengadilan Agama di Kecamatan",
      summary: "Itsbat nikah tanpa perjalanan jauh.",
      body: "Pengadilan agama bersidang di kantor kecamatan.",
      tags: ["hukum"],
    }),
    people,
  );
  const result = await reindexAll(client, { prefix });
  documents = await practiceDocuments();
  expect(result.counts.practices).toBe(documents.length);
  expect(result.counts.regions).toBe(514);
  expect(result.counts.indicators).toBe(47);
});

afterAll(async () => {
  await Promise.all(SEARCH_INDEX_KINDS.map((kind) => client.deleteIndex(searchIndexUid(kind, prefix)).waitTask()));
});

async function hitIds(query: string, filter?: string): Promise<number[]> {
  const result = await practicesIndex.search(query, { filter, limit: 100, attributesToRetrieve: ["id"] });
  return result.hits.map((hit) => hit.id).sort((a, b) => a - b);
}

function idsWhere(predicate: (document: PracticeSearchDocument) => boolean): number[] {
  return documents
    .filter(predicate)
    .map((document) => document.id)
    .sort((a, b) => a - b);
}

describe("search documents", () => {
  it("turns Markdown into plain text and caps it", () => {
    expect(markdownToPlainText("## Latar\n\n- **TTE** di [BSrE](https://bsre.bssn.go.id)\n")).toBe("Latar\n\nTTE di BSrE");
    expect(markdownToPlainText("kata ".repeat(10), 22).length).toBeLessThanOrEqual(22);
  });

  it("describes the seeded practices with region, indicators and languages", () => {
    const surabaya = documents.find((document) => document.regionCode === "35.78");
    expect(surabaya).toMatchObject({
      provinceCode: "35",
      regionType: "kota",
      status: "active",
      indicatorNumbers: [20, 22, 37],
      language: ["id", "en"],
    });
    expect(surabaya?.indicatorNames).toHaveLength(3);
    expect(surabaya?.body).not.toMatch(/\]\(|^#/m);
  });
});

describe("search indexes", () => {
  it("tolerates typos in place names", async () => {
    const sumedang = idsWhere((document) => document.regionCode === "32.11");
    expect(sumedang.length).toBeGreaterThan(0);
    const hits = await hitIds("sumedng");
    for (const id of sumedang) expect(hits).toContain(id);
  });

  it("finds a practice through an SPBE synonym", async () => {
    // The Surabaya case study says "tanda tangan elektronik", never "TTE".
    const [surabaya] = idsWhere((document) => document.regionCode === "35.78");
    expect(await hitIds("TTE")).toContain(surabaya);
    expect(await hitIds("tanda tangan elektronik")).toContain(surabaya);
  });

  it("forgives a typo in a content word", async () => {
    expect(await hitIds("pengadaun barang")).toContain(procurement);
  });

  it("finds synonyms in both directions", async () => {
    // The practice says only "MPP"; the query spells it out.
    expect(await hitIds("mal pelayanan publik")).toContain(mallAbbreviated);
    expect(await hitIds("MPP")).toContain(mallAbbreviated);
    // Blora's case study says "e-office", never the national application's name.
    const [blora] = idsWhere((document) => document.regionCode === "33.16");
    expect(await hitIds("srikandi")).toContain(blora);
    expect(await hitIds("naskah dinas elektronik")).toContain(blora);
  });

  it("filters on province and indicator", async () => {
    const expected = idsWhere((document) => document.provinceCode === "32" && document.indicatorNumbers.includes(37));
    expect(expected.length).toBeGreaterThan(0);
    expect(await hitIds("", `provinceCode = "32" AND indicatorNumbers = 37`)).toEqual(expected);
  });

  it("counts stages like PostgreSQL does", async () => {
    const rows = await db()
      .select({ stage: practiceRevisions.stage, count: sql<number>`count(*)`.mapWith(Number) })
      .from(practices)
      .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.publishedRevisionId))
      .where(isPublicSql())
      .groupBy(practiceRevisions.stage);
    const result = await practicesIndex.search("", { facets: ["stage"], limit: 0 });
    expect(result.facetDistribution?.stage).toEqual(Object.fromEntries(rows.map((row) => [row.stage, row.count])));
  });

  it("ignores Indonesian function words", async () => {
    const withoutStopWords = await hitIds("pengaduan warga");
    expect(withoutStopWords.length).toBeGreaterThan(0);
    expect(await hitIds("pengaduan dari para warga")).toEqual(withoutStopWords);
  });

  it("applies the settings as code", async () => {
    const settings = await practicesIndex.getSettings();
    expect(settings.localizedAttributes).toContainEqual({ attributePatterns: ["*"], locales: ["ind"] });
    expect(settings.synonyms?.tte).toEqual(expect.arrayContaining(["tanda tangan elektronik"]));
    expect(settings.stopWords).toContain("yang");
    expect(settings.filterableAttributes).toContain("provinceCode");
    expect(settings.sortableAttributes).toEqual(expect.arrayContaining(["publishedAt", "adoptionCount"]));
    expect(settings.typoTolerance?.disableOnAttributes).toContain("year");

    // Applying again is idempotent and keeps the indexes.
    await applySearchSettings(client, { prefix });
    expect((await practicesIndex.getStats()).numberOfDocuments).toBe(documents.length);
  });

  it("swaps a rebuild in and leaves one index per kind", async () => {
    await reindexAll(client, { prefix });
    const { results } = await client.getRawIndexes({ limit: 1000 });
    const ours = results.map((index) => index.uid).filter((uid) => uid.startsWith(prefix));
    expect(ours.sort()).toEqual(SEARCH_INDEX_KINDS.map((kind) => searchIndexUid(kind, prefix)).sort());
    expect(await hitIds("sumedng")).not.toEqual([]);
  });
});

describe("relevance (decision 0035)", () => {
  const searchFor = (q: string, locale: "id" | "en" = "id") => search(new URLSearchParams({ q }), locale, { indexPrefix: prefix });
  const ids = (results: Awaited<ReturnType<typeof searchFor>>) => results.hits.map((hit) => hit.id);

  it("relates Indonesian word forms, exact words first", async () => {
    expect(ids(await searchFor("melayani")).slice(0, 2)).toEqual([servingPractice, servicePractice]);
    expect(ids(await searchFor("pelayanan"))[0]).toBe(servicePractice);
    expect(ids(await searchFor("pelayanan"))).toContain(servingPractice);
    // The seeded complaint-handling case studies say "pengaduan", never "mengadukan".
    const complaints = idsWhere((document) => /pengaduan/i.test(`${document.title} ${document.summary} ${document.body}`));
    expect(complaints.length).toBeGreaterThan(0);
    expect(ids(await searchFor("mengadukan"))).toEqual(expect.arrayContaining(complaints));
  });

  it("ranks procurement above complaints for a typo of pengadaan, and never a court", async () => {
    const typo = await searchFor("pengadaun barang");
    expect(ids(typo)[0]).toBe(procurement);
    const exact = await searchFor("pengadaan");
    expect(ids(exact)[0]).toBe(procurement);
    expect(ids(exact)).not.toContain(court);
  });

  it("lists no region that only looks like one word of a phrase", async () => {
    const results = await searchFor("tanda tangan elektronik");
    expect(results.regions.map((region) => region.name).join()).not.toMatch(/Tana/);
    expect(results.hits.length).toBeGreaterThan(0);
    // Every word of a region's name still finds it, typo or not.
    expect((await searchFor("sumedng")).regions.map((region) => region.code)).toContain("32.11");
  });

  it("leaves out practices that match the words poorly, and says when the best ones do", async () => {
    // "electronic" is two typos from "elektronik" and "signature" is in one English summary:
    // this listed almost every practice.
    const [surabaya] = idsWhere((document) => document.regionCode === "35.78");
    const signature = await searchFor("electronic signature");
    expect(ids(signature)[0]).toBe(surabaya);
    expect(signature.total).toBeLessThanOrEqual(2);
    expect(signature.weakMatches).toBe(false);
    // A typo of a place, and a word nothing contains.
    const weak = await searchFor("sumedng qwertyuiop");
    expect(weak.hits.length).toBeGreaterThan(0);
    expect(weak.weakMatches).toBe(true);
  });

  it("answers odd queries itself: a failed request would fall back to the database unnoticed", async () => {
    const odd = ["yang dan", "*", "pelayanan -", '"pelayanan', "🙂 pelayanan", "خدمة pelayanan", "pelayanan ".repeat(20).trim()];
    for (const q of odd) expect((await searchFor(q)).engine, q).toBe("meilisearch");
    for (const urut of ["terbaru", "terbanyak-diadopsi"]) {
      const sorted = await search(new URLSearchParams({ q: "pelayanan", urut, hal: "2" }), "id", { indexPrefix: prefix });
      expect(sorted.engine, urut).toBe("meilisearch");
    }
  });

  it("rebuilds at start an index whose documents predate the stemmed fields", async () => {
    expect(await practicesIndexOutdated(client, { prefix })).toBe(false);
    const oldPrefix = `${prefix}old_`;
    const old = client.index(searchIndexUid("practices", oldPrefix));
    await old.addDocuments([{ id: 1, title: "Dokumen lama" }], { primaryKey: "id" }).waitTask();
    try {
      expect(await practicesIndexOutdated(client, { prefix: oldPrefix })).toBe(true);
    } finally {
      await old.delete().waitTask();
    }
  });
});

describe("the Meilisearch client", () => {
  it("answers many concurrent calls on kept-alive connections", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => practicesIndex.search("sumedang", { limit: 1 })));
    expect(answers.every((answer) => answer.hits.length === 1)).toBe(true);
  });

  it("reports Meilisearch's own message when it refuses a call", async () => {
    const wrongKey = createMeilisearchClient({ host: process.env.MEILI_URL!, apiKey: "not-the-key", timeout: 10_000 });
    const refused = await wrongKey.index(searchIndexUid("practices", prefix)).search("sumedang").catch((error: unknown) => error);
    expect(errorMessage(refused)).toMatch(/has failed: The provided API key is invalid\.$/);
    expect((refused as Error).cause).toMatchObject({ status: 403, code: "invalid_api_key" });
  });
});

describe("synonymsFromGroups", () => {
  it("maps every term of a group to all the others", () => {
    expect(synonymsFromGroups([["MPP", "mal pelayanan publik"]])).toEqual({
      mpp: ["mal pelayanan publik"],
      "mal pelayanan publik": ["mpp"],
    });
  });
});
