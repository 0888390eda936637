import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentLevels, assessments, frameworks } from "../../../db/schema";
import { db } from "../db.server";
import { SPBE_2020 } from "../frameworks/index.server";
import { invalidateBenchmarkData } from "./benchmark-data.server";
import { getIndicatorPage } from "./indicator.server";
import { removeSampleData, syncSampleData } from "./sample-data.server";

beforeAll(async () => {
  await db().transaction((tx) => syncSampleData(tx));
  await invalidateBenchmarkData();
});

afterAll(async () => {
  await removeSampleData();
});

describe("getIndicatorPage", () => {
  it("spreads the year's sample levels over the levels as the database counts them", async () => {
    const page = (await getIndicatorPage(SPBE_2020, 3, 2024, null))!;
    const sample = page.spreads.find((spread) => spread.kind === "sample")!;
    expect(sample.assessed).toBeGreaterThan(0);
    const frameworkId = (await db().query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020) }))!.id;
    const counted = await db()
      .select({ level: assessmentLevels.level, regions: count() })
      .from(assessmentLevels)
      .innerJoin(assessments, eq(assessments.id, assessmentLevels.assessmentId))
      .where(and(eq(assessmentLevels.nodeId, page.indicator.id), eq(assessments.frameworkId, frameworkId), eq(assessments.year, 2024), eq(assessments.kind, "sample")))
      .groupBy(assessmentLevels.level);
    expect(sample.distribution).toEqual(page.levels.map((_, index) => counted.find((row) => row.level === index + 1)?.regions ?? 0));
    expect(sample.distribution.reduce((sum, regions) => sum + regions, 0)).toBe(sample.assessed);
    expect(sample.topLevel).toBe(Math.max(...counted.map((row) => row.level)));
  });
});
