import { and, count, eq, isNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { assessmentLevels, assessments, cohortMembers, frameworkNodes, frameworks, publishedResults, sources } from "../../../db/schema";
import { PEMDI_2026, SPBE_2020 } from "../frameworks/index.server";
import { seedReferenceData } from "../../../seed/reference";
import { upsertSource } from "../../../db/sources";
import { createScratchDatabase } from "../../../tests/support/scratch-database";
import { EXTRA_SAMPLE_REGIONS, PEMDI_SAMPLE_YEARS, removeSampleData, SAMPLE_SOURCE_KEY, SAMPLE_YEARS, syncSampleData } from "./sample-data.server";

describe("sample data", () => {
  let database: ReturnType<typeof createDatabase>;
  let drop: () => Promise<void>;
  let firstRun: { assessments: number; written: number };
  let firstRows: SampleRow[];
  const frameworkIds = new Map<string, number>();

  interface SampleRow {
    frameworkId: number;
    regionCode: string;
    year: number;
    computedIndex: number | null;
    sourceId: number | null;
  }

  async function sampleRows(): Promise<SampleRow[]> {
    return database.db
      .select({ frameworkId: assessments.frameworkId, regionCode: assessments.regionCode, year: assessments.year, computedIndex: assessments.computedIndex, sourceId: assessments.sourceId })
      .from(assessments)
      .where(eq(assessments.kind, "sample"))
      .orderBy(assessments.frameworkId, assessments.regionCode, assessments.year);
  }

  const rowsOf = (rows: SampleRow[], slug: string) => rows.filter((row) => row.frameworkId === frameworkIds.get(slug));

  async function levelRows() {
    return database.db
      .select({ regionCode: assessments.regionCode, year: assessments.year, nodeId: assessmentLevels.nodeId, level: assessmentLevels.level })
      .from(assessmentLevels)
      .innerJoin(assessments, eq(assessments.id, assessmentLevels.assessmentId))
      .where(eq(assessments.kind, "sample"))
      .orderBy(assessments.regionCode, assessments.year, assessmentLevels.nodeId);
  }

  /** Current official values of kabupaten/kota, one per region-year where sources agree. */
  async function officialValues() {
    const rows = await database.db
      .select({ regionCode: publishedResults.regionCode, year: publishedResults.year, value: publishedResults.value })
      .from(publishedResults)
      .where(isNull(publishedResults.supersededAt));
    return rows.filter((row) => row.regionCode !== null);
  }

  /** What a curator's import does to one region-year: a new source's value supersedes the old one. */
  async function importOfficial(regionCode: string, year: number, value: number, slug = SPBE_2020) {
    const sourceId = await upsertSource(database.db, "official_decree", `https://menpan.go.id/sample-test/${regionCode}/${year}`);
    await database.db.update(publishedResults).set({ supersededAt: new Date() }).where(and(eq(publishedResults.subjectCode, regionCode), eq(publishedResults.year, year)));
    await database.db.insert(publishedResults).values({ frameworkId: frameworkIds.get(slug)!, regionCode, year, value, sourceId, origin: "import" });
  }

  beforeAll(async () => {
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    await migrateDatabase(scratch.url);
    database = createDatabase(scratch.url, { max: 2 });
    await seedReferenceData(database.db);
    for (const row of await database.db.select({ id: frameworks.id, slug: frameworks.slug }).from(frameworks)) frameworkIds.set(row.slug, row.id);
    firstRun = await syncSampleData(database.db);
    firstRows = await sampleRows();
  });

  afterAll(async () => {
    await database.close();
    await drop();
  });

  it("covers the IDSL cohort, every kabupaten/kota with a shipped published index and the extra regions: SPBE 2020 for 2021–2024, Pemdi 2026 for 2026", async () => {
    const shipped = await database.db.select({ regionCode: publishedResults.regionCode }).from(publishedResults).where(eq(publishedResults.origin, "seed"));
    const cohort = await database.db.select({ regionCode: cohortMembers.regionCode }).from(cohortMembers);
    const expected = [...new Set([...shipped, ...cohort].flatMap((row) => (row.regionCode ? [row.regionCode] : [])).concat(EXTRA_SAMPLE_REGIONS))].sort();
    for (const [slug, years] of [
      [SPBE_2020, SAMPLE_YEARS],
      [PEMDI_2026, PEMDI_SAMPLE_YEARS],
    ] as const) {
      const rows = rowsOf(firstRows, slug);
      expect([...new Set(rows.map((row) => row.regionCode))].sort(), slug).toEqual(expected);
      expect(rows, slug).toHaveLength(expected.length * years.length);
      expect([...new Set(rows.map((row) => row.year))].sort(), slug).toEqual([...years]);
    }
    expect(firstRows).toHaveLength(expected.length * (SAMPLE_YEARS.length + PEMDI_SAMPLE_YEARS.length));
    expect(firstRun).toEqual({ assessments: firstRows.length, written: firstRows.length });
  });

  it("reproduces every agreed official index of the same region and year within 0.01", async () => {
    let compared = 0;
    for (const official of await officialValues()) {
      const sample = firstRows.find((row) => row.regionCode === official.regionCode && row.year === official.year);
      if (!sample) continue;
      expect(Math.abs(sample.computedIndex! - official.value), `${official.regionCode} ${official.year}`).toBeLessThanOrEqual(0.01);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(50);
  });

  it("gives every sample a level from 1 to 5 for each of its framework's indicators (SPBE 2020: 47, Pemdi 2026: 20), an index in range, and the sample source", async () => {
    const perAssessment = await database.db
      .select({ id: assessments.id, frameworkId: assessments.frameworkId, n: count(assessmentLevels.nodeId) })
      .from(assessments)
      .leftJoin(assessmentLevels, eq(assessmentLevels.assessmentId, assessments.id))
      .where(eq(assessments.kind, "sample"))
      .groupBy(assessments.id);
    for (const row of perAssessment) expect(row.n).toBe(row.frameworkId === frameworkIds.get(PEMDI_2026) ? 20 : 47);
    // Every level belongs to its assessment's framework: no sample mixes frameworks.
    const foreign = await database.db
      .select({ id: assessments.id })
      .from(assessmentLevels)
      .innerJoin(assessments, eq(assessments.id, assessmentLevels.assessmentId))
      .innerJoin(frameworkNodes, eq(frameworkNodes.id, assessmentLevels.nodeId))
      .where(and(eq(assessments.kind, "sample"), ne(frameworkNodes.frameworkId, assessments.frameworkId)));
    expect(foreign).toEqual([]);
    for (const level of await levelRows()) expect(level.level >= 1 && level.level <= 5).toBe(true);
    const source = await database.db.query.sources.findFirst({ where: eq(sources.key, SAMPLE_SOURCE_KEY) });
    expect(source).toMatchObject({ kind: "sample", url: null, citation: "Data contoh sintetis IDSL — bukan hasil evaluasi resmi" });
    for (const row of firstRows) {
      expect(row.computedIndex! >= 1 && row.computedIndex! <= 5).toBe(true);
      expect(row.sourceId).toBe(source!.id);
    }
  });

  it("writes nothing when run again: the same numbers across restarts", async () => {
    const levelsBefore = await levelRows();
    expect(await syncSampleData(database.db)).toEqual({ assessments: firstRows.length, written: 0 });
    expect(await sampleRows()).toEqual(firstRows);
    expect(await levelRows()).toEqual(levelsBefore);
  });

  it("follows a changed official value for that region-year only, leaving every other sample as it was", async () => {
    const levelsBefore = await levelRows();
    await importOfficial("33.16", 2023, 3.3);
    // Another region's new result, outside the demo set: changes no sample at all.
    await importOfficial("11.01", 2024, 2.5);
    expect(await syncSampleData(database.db, [{ regionCode: "33.16", year: 2023 }, { regionCode: "11.01", year: 2024 }])).toMatchObject({ written: 1 });
    const after = await sampleRows();
    const blora = after.find((row) => row.regionCode === "33.16" && row.year === 2023)!;
    expect(blora.computedIndex).toBeCloseTo(3.3, 2);
    const others = (rows: SampleRow[]) => rows.filter((row) => !(row.regionCode === "33.16" && row.year === 2023));
    expect(others(after)).toEqual(others(firstRows));
    const otherLevels = (rows: Awaited<ReturnType<typeof levelRows>>) => rows.filter((row) => !(row.regionCode === "33.16" && row.year === 2023));
    expect(otherLevels(await levelRows())).toEqual(otherLevels(levelsBefore));
    // A full run (a restart after the import) agrees and writes nothing more.
    expect(await syncSampleData(database.db)).toMatchObject({ written: 0 });
  });

  it("draws Pemdi 2026 values on their own, not copied from the region's SPBE 2020 samples", () => {
    const spbe = new Map(rowsOf(firstRows, SPBE_2020).map((row) => [`${row.regionCode}:${row.year}`, row.computedIndex]));
    const pemdi = rowsOf(firstRows, PEMDI_2026);
    const sameAsAnSpbeYear = pemdi.filter((row) => SAMPLE_YEARS.some((year) => spbe.get(`${row.regionCode}:${year}`) === row.computedIndex));
    expect(sameAsAnSpbeYear.length).toBeLessThan(pemdi.length / 4);
  });

  it("follows a changed official Pemdi 2026 value with that framework's sample only", async () => {
    const before = await sampleRows();
    await importOfficial("32.11", 2026, 3.07, PEMDI_2026);
    expect(await syncSampleData(database.db, [{ regionCode: "32.11", year: 2026 }])).toMatchObject({ written: 1 });
    const after = await sampleRows();
    const sumedang = rowsOf(after, PEMDI_2026).find((row) => row.regionCode === "32.11")!;
    expect(sumedang.computedIndex).toBeCloseTo(3.07, 2);
    const others = (rows: SampleRow[]) => rows.filter((row) => !(row.regionCode === "32.11" && row.year === 2026));
    expect(others(after)).toEqual(others(before));
    expect(await syncSampleData(database.db)).toMatchObject({ written: 0 });
  });

  it("comes within 0.01 of an official value the framework's weights cannot reproduce exactly, and stays put", async () => {
    // Pemdi 2026 indices are whole hundredths and its smallest weight is 3: 4,98 is out of reach.
    await importOfficial("33.16", 2026, 4.98, PEMDI_2026);
    expect(await syncSampleData(database.db, [{ regionCode: "33.16", year: 2026 }])).toMatchObject({ written: 1 });
    const blora = rowsOf(await sampleRows(), PEMDI_2026).find((row) => row.regionCode === "33.16")!;
    expect(Math.abs(blora.computedIndex! - 4.98)).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(await syncSampleData(database.db)).toMatchObject({ written: 0 });
  });

  it("removes sample rows of region-years it no longer generates, and all of them when turned off", async () => {
    const frameworkId = (await database.db.query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020) }))!.id;
    await database.db.insert(assessments).values({ regionCode: "11.01", frameworkId, year: 2021, kind: "sample", computedIndex: 2 });
    await syncSampleData(database.db);
    expect((await sampleRows()).some((row) => row.regionCode === "11.01")).toBe(false);
    expect(await removeSampleData(database.db)).toBe(firstRows.length);
    expect(await sampleRows()).toEqual([]);
  });
});
