import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { assessmentLevels, assessments, cohortMembers, frameworks, publishedResults, sources } from "../../../db/schema";
import { SPBE_2020 } from "../frameworks/index.server";
import { seedReferenceData } from "../../../seed/reference";
import { upsertSource } from "../../../db/sources";
import { createScratchDatabase } from "../../../tests/support/scratch-database";
import { EXTRA_SAMPLE_REGIONS, removeSampleData, SAMPLE_SOURCE_KEY, SAMPLE_YEARS, syncSampleData } from "./sample-data.server";

describe("sample data", () => {
  let database: ReturnType<typeof createDatabase>;
  let drop: () => Promise<void>;
  let firstRun: { assessments: number; written: number };
  let firstRows: SampleRow[];

  interface SampleRow {
    regionCode: string;
    year: number;
    computedIndex: number | null;
    sourceId: number | null;
  }

  async function sampleRows(): Promise<SampleRow[]> {
    return database.db
      .select({ regionCode: assessments.regionCode, year: assessments.year, computedIndex: assessments.computedIndex, sourceId: assessments.sourceId })
      .from(assessments)
      .where(eq(assessments.kind, "sample"))
      .orderBy(assessments.regionCode, assessments.year);
  }

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
  async function importOfficial(regionCode: string, year: number, value: number) {
    const sourceId = await upsertSource(database.db, "official_decree", `https://menpan.go.id/sample-test/${regionCode}/${year}`);
    await database.db.update(publishedResults).set({ supersededAt: new Date() }).where(and(eq(publishedResults.subjectCode, regionCode), eq(publishedResults.year, year)));
    const frameworkId = (await database.db.query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020) }))!.id;
    await database.db.insert(publishedResults).values({ frameworkId, regionCode, year, value, sourceId, origin: "import" });
  }

  beforeAll(async () => {
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    await migrateDatabase(scratch.url);
    database = createDatabase(scratch.url, { max: 2 });
    await seedReferenceData(database.db);
    firstRun = await syncSampleData(database.db);
    firstRows = await sampleRows();
  });

  afterAll(async () => {
    await database.close();
    await drop();
  });

  it("covers the IDSL cohort, every kabupaten/kota with a shipped published index and the extra regions for 2021–2024", async () => {
    const shipped = await database.db.select({ regionCode: publishedResults.regionCode }).from(publishedResults).where(eq(publishedResults.origin, "seed"));
    const cohort = await database.db.select({ regionCode: cohortMembers.regionCode }).from(cohortMembers);
    const expected = new Set([...shipped, ...cohort].flatMap((row) => (row.regionCode ? [row.regionCode] : [])).concat(EXTRA_SAMPLE_REGIONS));
    const covered = new Set(firstRows.map((row) => row.regionCode));
    expect([...covered].sort()).toEqual([...expected].sort());
    expect(firstRows).toHaveLength(expected.size * SAMPLE_YEARS.length);
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

  it("gives every sample 47 levels from 1 to 5, an index in range, and the sample source", async () => {
    const perAssessment = await database.db
      .select({ id: assessments.id, n: count(assessmentLevels.nodeId) })
      .from(assessments)
      .leftJoin(assessmentLevels, eq(assessmentLevels.assessmentId, assessments.id))
      .where(eq(assessments.kind, "sample"))
      .groupBy(assessments.id);
    for (const row of perAssessment) expect(row.n).toBe(47);
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

  it("removes sample rows of region-years it no longer generates, and all of them when turned off", async () => {
    const frameworkId = (await database.db.query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020) }))!.id;
    await database.db.insert(assessments).values({ regionCode: "11.01", frameworkId, year: 2021, kind: "sample", computedIndex: 2 });
    await syncSampleData(database.db);
    expect((await sampleRows()).some((row) => row.regionCode === "11.01")).toBe(false);
    expect(await removeSampleData(database.db)).toBe(firstRows.length);
    expect(await sampleRows()).toEqual([]);
  });
});
