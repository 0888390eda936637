import { and, count, eq, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "../../tests/support/scratch-database";
import { createDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import {
  assessments,
  cohortMembers,
  frameworkNodes,
  frameworkPredikatBands,
  frameworks,
  nationalResults,
  practiceAdoptions,
  practiceRevisions,
  practices,
  provinces,
  regions,
  sources,
} from "../schema";
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
    const [p, r, n, c, a, s, nat, pr, rev, ad] = await Promise.all([
      db.select({ n: count() }).from(provinces),
      db.select({ n: count() }).from(regions),
      db.select({ n: count() }).from(frameworkNodes),
      db.select({ n: count() }).from(cohortMembers),
      db.select({ n: count() }).from(assessments),
      db.select({ n: count() }).from(sources),
      db.select({ n: count() }).from(nationalResults),
      db.select({ n: count() }).from(practices),
      db.select({ n: count() }).from(practiceRevisions),
      db.select({ n: count() }).from(practiceAdoptions),
    ]);
    return { p, r, n, c, a, s, nat, pr, rev, ad };
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

  it("stores published indices as official results with their sources", async () => {
    const [sumedang2020] = await database.db
      .select({ index: assessments.reportedIndex, kind: assessments.kind, url: sources.url })
      .from(assessments)
      .innerJoin(sources, eq(sources.id, assessments.sourceId))
      .where(and(eq(assessments.regionCode, "32.11"), eq(assessments.year, 2020)));
    expect(sumedang2020).toEqual({
      index: 3.81,
      kind: "official",
      url: expect.stringMatching(/^https:\/\/www\.tinewss\.com\//),
    });
    const national = await database.db.query.nationalResults.findFirst({ where: eq(nationalResults.year, 2021) });
    expect(national).toMatchObject({ nationalIndex: 2.24, decree: "Kepmen PANRB 1503/2021" });
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
