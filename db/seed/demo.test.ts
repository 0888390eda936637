import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "../../tests/support/scratch-database";
import { createDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { assessmentLevels, assessments, cohortMembers, sources } from "../schema";
import { EXTRA_SAMPLE_REGIONS, SAMPLE_SOURCE_KEY, SAMPLE_YEARS, seedDemoAssessments } from "./demo";
import { seedReferenceData } from "./reference";

describe("seedDemoAssessments", () => {
  let database: ReturnType<typeof createDatabase>;
  let drop: () => Promise<void>;
  let firstRun: { assessments: number };
  let secondRun: { assessments: number };
  let firstRows: SampleRow[];

  interface SampleRow {
    regionCode: string;
    year: number;
    computedIndex: number | null;
    reportedIndex: number | null;
    sourceId: number | null;
  }

  async function sampleRows(): Promise<SampleRow[]> {
    return database.db
      .select({
        regionCode: assessments.regionCode,
        year: assessments.year,
        computedIndex: assessments.computedIndex,
        reportedIndex: assessments.reportedIndex,
        sourceId: assessments.sourceId,
      })
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

  beforeAll(async () => {
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    await migrateDatabase(scratch.url);
    database = createDatabase(scratch.url, { max: 2 });
    await seedReferenceData(database.db);
    firstRun = await seedDemoAssessments(database.db);
    firstRows = await sampleRows();
  });

  afterAll(async () => {
    await database.close();
    await drop();
  });

  it("covers the IDSL cohort, every region with a published index and the extra regions for 2021–2024", async () => {
    const official = await database.db
      .select({ regionCode: assessments.regionCode })
      .from(assessments)
      .where(eq(assessments.kind, "official"));
    const cohort = await database.db.select({ regionCode: cohortMembers.regionCode }).from(cohortMembers);
    const expected = new Set([...official, ...cohort].map((row) => row.regionCode).concat(EXTRA_SAMPLE_REGIONS));
    const covered = new Set(firstRows.map((row) => row.regionCode));
    expect([...covered].sort()).toEqual([...expected].sort());
    expect(firstRows).toHaveLength(expected.size * SAMPLE_YEARS.length);
    expect(firstRun.assessments).toBe(firstRows.length);
    expect(new Set(firstRows.map((row) => row.year))).toEqual(new Set(SAMPLE_YEARS));
  });

  it("reproduces every published index of the same region and year within 0.01", async () => {
    const official = await database.db
      .select({ regionCode: assessments.regionCode, year: assessments.year, reportedIndex: assessments.reportedIndex })
      .from(assessments)
      .where(eq(assessments.kind, "official"));
    let compared = 0;
    for (const published of official) {
      const sample = firstRows.find((row) => row.regionCode === published.regionCode && row.year === published.year);
      if (!sample || published.reportedIndex === null) continue;
      expect(Math.abs(sample.computedIndex! - published.reportedIndex), `${published.regionCode} ${published.year}`).toBeLessThanOrEqual(0.01);
      compared++;
    }
    // Sumedang, Indramayu, Blora, Batu, Banyuwangi and Pesawaran have published 2021–2024 values.
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it("gives every sample 47 levels from 1 to 5, an index in range and no reported value", async () => {
    const perAssessment = await database.db
      .select({ id: assessments.id, n: count(assessmentLevels.nodeId) })
      .from(assessments)
      .leftJoin(assessmentLevels, eq(assessmentLevels.assessmentId, assessments.id))
      .where(eq(assessments.kind, "sample"))
      .groupBy(assessments.id);
    expect(perAssessment.length).toBe(firstRows.length);
    for (const row of perAssessment) expect(row.n).toBe(47);
    for (const level of await levelRows()) {
      expect(level.level).toBeGreaterThanOrEqual(1);
      expect(level.level).toBeLessThanOrEqual(5);
    }
    for (const row of firstRows) {
      expect(row.computedIndex).toBeGreaterThanOrEqual(1);
      expect(row.computedIndex).toBeLessThanOrEqual(5);
      // A sample never claims a published value of its own.
      expect(row.reportedIndex).toBeNull();
    }
  });

  it("cites the sample source on every sample assessment", async () => {
    const source = await database.db.query.sources.findFirst({ where: eq(sources.key, SAMPLE_SOURCE_KEY) });
    expect(source).toMatchObject({ kind: "sample", url: null, citation: "Data contoh sintetis IDSL — bukan hasil evaluasi resmi" });
    for (const row of firstRows) expect(row.sourceId).toBe(source!.id);
  });

  it("writes the same rows when run again (idempotent and deterministic)", async () => {
    const levelsBefore = await levelRows();
    const [sourcesBefore] = await database.db.select({ n: count() }).from(sources);
    secondRun = await seedDemoAssessments(database.db);
    expect(secondRun).toEqual(firstRun);
    expect(await sampleRows()).toEqual(firstRows);
    expect(await levelRows()).toEqual(levelsBefore);
    expect((await database.db.select({ n: count() }).from(sources))[0]).toEqual(sourcesBefore);
    const [officialCount] = await database.db
      .select({ n: count() })
      .from(assessments)
      .where(and(eq(assessments.kind, "official")));
    expect(officialCount?.n).toBeGreaterThan(0);
  });

  it("removes sample rows of region-years it no longer generates", async () => {
    const [framework] = await database.db.select({ frameworkId: assessments.frameworkId }).from(assessments).limit(1);
    await database.db
      .insert(assessments)
      .values({ regionCode: "11.01", frameworkId: framework!.frameworkId, year: 2021, kind: "sample", computedIndex: 2 });
    await seedDemoAssessments(database.db);
    expect(await sampleRows()).toEqual(firstRows);
  });
});
