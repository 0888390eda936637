import { and, count, eq, isNotNull, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "../tests/support/scratch-database";
import { createDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import {
  cohortMembers,
  frameworkLevelCriteria,
  frameworkLevels,
  frameworkNodes,
  frameworkPredikatBands,
  frameworks,
  frameworkVersions,
  practiceAdoptions,
  practiceRevisions,
  practices,
  provinces,
  publishedGroupAverages,
  publishedResults,
  regions,
  sources,
} from "../db/schema";
import { seedReferenceData, shortRegionName } from "./reference";

describe("seedReferenceData", () => {
  let database: ReturnType<typeof createDatabase>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    await migrateDatabase(scratch.url);
    database = createDatabase(scratch.url, { max: 2 });
    await seedReferenceData(database.db);
  });

  afterAll(async () => {
    await database.close();
    await drop();
  });

  async function tableCounts() {
    const db = database.db;
    const [p, r, n, c, pub, s, avg, crit, pr, rev, ad] = await Promise.all([
      db.select({ n: count() }).from(provinces),
      db.select({ n: count() }).from(regions),
      db.select({ n: count() }).from(frameworkNodes),
      db.select({ n: count() }).from(cohortMembers),
      db.select({ n: count() }).from(publishedResults),
      db.select({ n: count() }).from(sources),
      db.select({ n: count() }).from(publishedGroupAverages),
      db.select({ n: count() }).from(frameworkLevelCriteria),
      db.select({ n: count() }).from(practices),
      db.select({ n: count() }).from(practiceRevisions),
      db.select({ n: count() }).from(practiceAdoptions),
    ]);
    return { p, r, n, c, pub, s, avg, crit, pr, rev, ad };
  }

  it("loads 38 provinces, 416 kabupaten and 98 kota with population and area", async () => {
    const byType = await database.db.select({ type: regions.type, n: count() }).from(regions).groupBy(regions.type);
    expect(Object.fromEntries(byType.map((row) => [row.type, row.n]))).toEqual({ kabupaten: 416, kota: 98 });
    expect((await database.db.select({ n: count() }).from(provinces))[0]?.n).toBe(38);
    const sumedang = await database.db.query.regions.findFirst({ where: eq(regions.code, "32.11") });
    expect(sumedang).toMatchObject({ name: "Kabupaten Sumedang", shortName: "Sumedang", provinceCode: "32" });
    expect(sumedang?.population).toBeGreaterThan(1_000_000);
    expect(sumedang?.areaKm2).toBeCloseTo(1566.204, 3);
  });

  it("stores the SPBE 2020 framework as data: 4 domains, 8 aspects, 47 indicators weighing 100", async () => {
    const framework = await database.db.query.frameworks.findFirst({ where: eq(frameworks.slug, "spbe-2020") });
    expect(framework).toBeDefined();
    const byKind = await database.db
      .select({ kind: frameworkNodes.kind, n: count(), weight: sum(frameworkNodes.weight) })
      .from(frameworkNodes)
      .where(eq(frameworkNodes.frameworkId, framework!.id))
      .groupBy(frameworkNodes.kind);
    const summary = Object.fromEntries(byKind.map((row) => [row.kind, [row.n, Number(row.weight)]]));
    expect(summary).toEqual({ domain: [4, 100], aspect: [8, 100], indicator: [47, 100] });
    const bands = await database.db
      .select()
      .from(frameworkPredikatBands)
      .where(eq(frameworkPredikatBands.frameworkId, framework!.id));
    expect(bands.map((band) => [band.name, band.minValue]).sort()).toEqual([
      ["Baik", 2.6],
      ["Cukup", 1.8],
      ["Kurang", 0],
      ["Memuaskan", 4.2],
      ["Sangat Baik", 3.5],
    ]);
  });

  it("stores the Indeks Pemerintah Digital 2026 as data too: 7 aspects holding 20 indicators, no domains, its own bands and levels", async () => {
    const framework = await database.db.query.frameworks.findFirst({ where: eq(frameworks.slug, "pemdi-2026") });
    expect(framework).toMatchObject({ scaleMin: 1, scaleMax: 5, decimals: 2 });
    const nodes = await database.db
      .select({ id: frameworkNodes.id, parentId: frameworkNodes.parentId, kind: frameworkNodes.kind, weight: frameworkNodes.weight })
      .from(frameworkNodes)
      .where(eq(frameworkNodes.frameworkId, framework!.id));
    const aspects = nodes.filter((node) => node.kind === "aspect");
    const indicators = nodes.filter((node) => node.kind === "indicator");
    expect([aspects.length, indicators.length, nodes.length]).toEqual([7, 20, 27]);
    expect(aspects.every((aspect) => aspect.parentId === null)).toBe(true);
    const aspectIds = new Set(aspects.map((aspect) => aspect.id));
    expect(indicators.every((indicator) => aspectIds.has(indicator.parentId!))).toBe(true);
    expect(indicators.reduce((total, indicator) => total + indicator.weight, 0)).toBeCloseTo(100, 10);
    const bands = await database.db.select().from(frameworkPredikatBands).where(eq(frameworkPredikatBands.frameworkId, framework!.id));
    expect(bands.map((band) => [band.name, band.minValue]).sort()).toEqual([
      ["Baik", 2.5],
      ["Cukup", 1.5],
      ["Kurang", 0],
      ["Memuaskan", 4],
      ["Sangat Baik", 3.5],
    ]);
    const levels = await database.db.select().from(frameworkLevels).where(eq(frameworkLevels.frameworkId, framework!.id));
    expect(levels.sort((a, b) => a.level - b.level).map((level) => level.name)).toEqual(["Merintis", "Membangun", "Berkembang", "Melembaga", "Unggul"]);
  });

  it("records each framework's status, years and first version, and which Pemdi indicators another agency scores", async () => {
    const stored = await database.db.select().from(frameworks);
    const bySlug = new Map(stored.map((framework) => [framework.slug, framework]));
    expect(bySlug.get("pemdi-2026")).toMatchObject({ shortName: "Indeks Pemdi 2026", sourceStatus: "secondary_sources", firstYear: 2026, lastYear: null, version: 1 });
    expect(bySlug.get("pemdi-2026")!.statusNote).toMatch(/official text was not available/);
    expect(bySlug.get("spbe-2020")).toMatchObject({ shortName: "Indeks SPBE 2020", sourceStatus: "official_text", statusNote: null, firstYear: null, lastYear: 2025 });
    const scored = await database.db
      .select({ number: frameworkNodes.number, scoreFrom: frameworkNodes.scoreFrom })
      .from(frameworkNodes)
      .where(and(eq(frameworkNodes.frameworkId, bySlug.get("pemdi-2026")!.id), isNotNull(frameworkNodes.scoreFrom)));
    expect(scored.sort((a, b) => a.number - b.number)).toEqual([
      { number: 5, scoreFrom: expect.stringContaining("Bappenas") },
      { number: 6, scoreFrom: expect.stringContaining("BIG") },
      { number: 7, scoreFrom: expect.stringContaining("BPS") },
    ]);
    const versions = await database.db.select().from(frameworkVersions);
    expect(versions.map((version) => [version.frameworkId, version.version]).sort()).toEqual(stored.map((framework) => [framework.id, 1]).sort());
    const pemdi = versions.find((version) => version.frameworkId === bySlug.get("pemdi-2026")!.id)!;
    expect(pemdi.definition.nodes).toHaveLength(27);
    expect(pemdi.definition.bands[0]).toEqual({ name: "Memuaskan", minValue: 4 });
  });

  it("stores every published index of both files with its source, quote and printed decimals", async () => {
    const rows = await database.db
      .select({ code: publishedResults.subjectCode, province: publishedResults.provinceCode, year: publishedResults.year, value: publishedResults.value, decimals: publishedResults.decimals, quote: publishedResults.quote, url: sources.url, citation: sources.citation })
      .from(publishedResults)
      .innerJoin(sources, eq(sources.id, publishedResults.sourceId));
    // 16 rows in spbe-published-scores.csv and 203 in spbe-published-scores-news.csv.
    expect(rows).toHaveLength(219);
    const find = (code: string, year: number) => rows.find((row) => row.code === code && row.year === year);
    expect(find("32.11", 2020)).toMatchObject({ value: 3.81, decimals: 2, url: expect.stringMatching(/^https:\/\/www\.tinewss\.com\//) });
    // A radio broadcast cited without a link.
    expect(find("32.11", 2018)).toMatchObject({ value: 2.48, url: null, citation: expect.stringContaining("KBRN") });
    expect(find("11.71", 2022)).toMatchObject({ value: 3.15, quote: "indeks SPBE Banda Aceh mencapai 3,15 poin dengan predikat Baik" });
    // Printed with one decimal, kept that way.
    expect(find("35.71", 2023)).toMatchObject({ value: 3.6, decimals: 1 });
    // Provinces' own results are the provincial government's, apart from its kabupaten/kota.
    expect(find("11", 2021)).toMatchObject({ province: "11", value: 3.19 });
    expect(rows.filter((row) => row.province !== null).length).toBeGreaterThan(40);
  });

  it("stores the national index and published group averages, never computed ones", async () => {
    const averages = await database.db
      .select({ scope: publishedGroupAverages.scope, label: publishedGroupAverages.label, year: publishedGroupAverages.year, value: publishedGroupAverages.value, decree: publishedGroupAverages.decree, quote: publishedGroupAverages.quote, province: publishedGroupAverages.provinceCode, members: publishedGroupAverages.memberCount })
      .from(publishedGroupAverages);
    expect(averages.filter((row) => row.scope === "national" && row.year === 2021)).toEqual([expect.objectContaining({ value: 2.24, decree: "Kepmen PANRB 1503/2021" })]);
    // Two sources give the 2023 national index; the decree's source also carries its quote.
    expect(averages.filter((row) => row.scope === "national" && row.year === 2023)).toHaveLength(2);
    expect(averages.find((row) => row.scope === "national" && row.year === 2023 && row.decree)?.quote).toContain("2,79");
    expect(averages.find((row) => row.scope === "province_regions" && row.year === 2024)).toMatchObject({ province: "32", members: 27, value: 3.89 });
    expect(averages.find((row) => row.scope === "named_group")).toMatchObject({ label: "Rata-rata 6 daerah Priangan Timur (Jawa Barat)", members: 6 });
  });

  it("stores the criteria of all 47 × 5 levels, marking the cells the public copies disagree on", async () => {
    const criteria = await database.db
      .select({ number: frameworkNodes.number, level: frameworkLevelCriteria.level, text: frameworkLevelCriteria.criteria, uncertain: frameworkLevelCriteria.uncertain })
      .from(frameworkLevelCriteria)
      .innerJoin(frameworkNodes, eq(frameworkNodes.id, frameworkLevelCriteria.nodeId));
    expect(criteria).toHaveLength(235);
    expect(criteria.filter((row) => row.uncertain).map((row) => `${row.number}:${row.level}`).sort()).toEqual(["2:5", "3:2", "3:3", "3:4"]);
    expect(criteria.find((row) => row.number === 1 && row.level === 1)?.text).toMatch(/^Konsep kebijakan internal terkait Arsitektur SPBE/);
  });

  it("leaves a curator's import and a superseded value as they are", async () => {
    const [sumedang] = await database.db.select().from(publishedResults).where(and(eq(publishedResults.subjectCode, "32.11"), eq(publishedResults.year, 2024)));
    const [blora] = await database.db.select().from(publishedResults).where(and(eq(publishedResults.subjectCode, "33.16"), eq(publishedResults.year, 2023)));
    await database.db.update(publishedResults).set({ origin: "import", value: 4.5 }).where(eq(publishedResults.id, sumedang!.id));
    await database.db.update(publishedResults).set({ supersededAt: new Date() }).where(eq(publishedResults.id, blora!.id));
    await seedReferenceData(database.db);
    expect((await database.db.query.publishedResults.findFirst({ where: eq(publishedResults.id, sumedang!.id) }))?.value).toBe(4.5);
    const bloraRows = await database.db.select().from(publishedResults).where(and(eq(publishedResults.subjectCode, "33.16"), eq(publishedResults.year, 2023), isNotNull(publishedResults.supersededAt)));
    expect(bloraRows).toHaveLength(1);
    await database.db.update(publishedResults).set({ origin: "seed", value: 4.51 }).where(eq(publishedResults.id, sumedang!.id));
    await database.db.update(publishedResults).set({ supersededAt: null }).where(eq(publishedResults.id, blora!.id));
  });

  it("adds only the publicly confirmed IDSL pilots", async () => {
    const members = await database.db.select({ code: cohortMembers.regionCode }).from(cohortMembers);
    expect(members.map((member) => member.code).sort()).toEqual(["16.01", "16.06", "16.10", "18.09", "32.11", "32.12"]);
  });

  it("publishes the 16 case studies compiled from public sources, each citing its sources", async () => {
    const rows = await database.db
      .select({ state: practices.state, compiled: practices.compiledFromPublicSources, sources: practiceRevisions.sources, indicatorIds: practiceRevisions.indicatorIds })
      .from(practices)
      .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.publishedRevisionId));
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      expect(row).toMatchObject({ state: "published", compiled: true });
      expect(row.sources.length).toBeGreaterThan(0);
      expect(row.indicatorIds.length).toBeGreaterThan(0);
    }
    const adoptions = await database.db.select().from(practiceAdoptions);
    expect(adoptions).toEqual([expect.objectContaining({ sourceRegionCode: "32.11" })]);
    const [adopter] = await database.db.select({ regionCode: practices.regionCode }).from(practices).where(eq(practices.id, adoptions[0]!.adopterPracticeId));
    expect(adopter?.regionCode).toBe("33.16");
  });

  it("is idempotent: a second run changes no counts", async () => {
    const before = await tableCounts();
    await seedReferenceData(database.db);
    expect(await tableCounts()).toEqual(before);
  });

  it("keeps members a curator added", async () => {
    const cohort = await database.db.query.cohorts.findFirst();
    await database.db.insert(cohortMembers).values({ cohortId: cohort!.id, regionCode: "33.16", evidence: "curator" });
    await seedReferenceData(database.db);
    const blora = await database.db.query.cohortMembers.findFirst({ where: eq(cohortMembers.regionCode, "33.16") });
    expect(blora?.evidence).toBe("curator");
  });
});

describe("shortRegionName", () => {
  it.each([
    ["Kabupaten Sumedang", "Sumedang"],
    ["Kota Batu", "Batu"],
    ["Kota Administrasi Jakarta Pusat", "Jakarta Pusat"],
    ["Kabupaten Administrasi Kepulauan Seribu", "Kepulauan Seribu"],
    ["Kabupaten Kota Baru", "Kota Baru"],
  ])("%s → %s", (name, expected) => {
    expect(shortRegionName(name)).toBe(expected);
  });
});
