import { and, asc, eq, inArray } from "drizzle-orm";
import { assessmentLevels, assessments, cohortMembers, cohorts, nationalResults, provinces, regions, sources } from "../../../db/schema";
import { broadcast, onBroadcast } from "../cluster/broadcast.server";
import { db } from "../db.server";
import { getFrameworkSummary } from "../frameworks/frameworks.server";
import { indexMismatch } from "./framework-index";

export type ComparedKind = "official" | "sample";

/** One region's comparable result for one year: the official value, or else the sample one. */
export interface RegionYearResult {
  regionCode: string;
  year: number;
  value: number;
  kind: ComparedKind;
  /** Assessment whose indicator levels we know (official if it has levels, else sample). */
  levelsAssessmentId: number | null;
  /** Domain/aspect node id → sub-index, from the assessment with levels. */
  subIndices: Record<string, number> | null;
  /** Whose levels those are: official ones, or synthetic sample levels. */
  levelsKind: ComparedKind | null;
  /** Official result whose levels compute to a different index than the one reported. */
  mismatch: boolean;
  sourceCitation: string | null;
  sourceUrl: string | null;
  decree: string | null;
}

export interface RegionInfo {
  code: string;
  name: string;
  shortName: string;
  type: "kabupaten" | "kota";
  provinceCode: string;
  provinceName: string;
  population: number | null;
  cohorts: string[];
}

export interface BenchmarkData {
  frameworkId: number;
  frameworkSlug: string;
  decimals: number;
  years: number[];
  regions: Map<string, RegionInfo>;
  /** `${regionCode}:${year}` → result. */
  results: Map<string, RegionYearResult>;
  national: Map<number, number>;
  cohortNames: Map<string, string>;
}

export const resultKey = (regionCode: string, year: number) => `${regionCode}:${year}`;

/**
 * Everything rankings, region benchmarks and comparisons compute from, read in a few queries
 * and kept for a short while: it changes only on imports and self-assessments, which call
 * invalidateBenchmarkData (other processes see their change within the TTL).
 */
const TTL_MS = 30_000;
const cache = new Map<string, { loadedAt: number; data: Promise<BenchmarkData | null> }>();

const INVALIDATE_TOPIC = "benchmark-data";

export function invalidateBenchmarkData(): void {
  cache.clear();
  broadcast(INVALIDATE_TOPIC);
}

onBroadcast(INVALIDATE_TOPIC, () => cache.clear());

export function getBenchmarkData(frameworkSlug: string): Promise<BenchmarkData | null> {
  const cached = cache.get(frameworkSlug);
  if (cached && Date.now() - cached.loadedAt < TTL_MS) return cached.data;
  const data = loadBenchmarkData(frameworkSlug);
  cache.set(frameworkSlug, { loadedAt: Date.now(), data });
  data.catch(() => cache.delete(frameworkSlug));
  return data;
}

async function loadBenchmarkData(frameworkSlug: string): Promise<BenchmarkData | null> {
  const framework = await getFrameworkSummary(frameworkSlug);
  if (!framework) return null;
  const [regionRows, memberships, assessmentRows, nationalRows] = await Promise.all([
    db()
      .select({
        code: regions.code,
        name: regions.name,
        shortName: regions.shortName,
        type: regions.type,
        provinceCode: regions.provinceCode,
        provinceName: provinces.name,
        population: regions.population,
      })
      .from(regions)
      .innerJoin(provinces, eq(provinces.code, regions.provinceCode)),
    db().select({ regionCode: cohortMembers.regionCode, slug: cohorts.slug, name: cohorts.name }).from(cohortMembers).innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId)),
    db()
      .select({
        id: assessments.id,
        regionCode: assessments.regionCode,
        year: assessments.year,
        kind: assessments.kind,
        reportedIndex: assessments.reportedIndex,
        computedIndex: assessments.computedIndex,
        subIndices: assessments.subIndices,
        decree: assessments.decree,
        sourceCitation: sources.citation,
        sourceUrl: sources.url,
      })
      .from(assessments)
      .leftJoin(sources, eq(sources.id, assessments.sourceId))
      .where(and(eq(assessments.frameworkId, framework.id), inArray(assessments.kind, ["official", "sample"])))
      .orderBy(asc(assessments.year)),
    db().select({ year: nationalResults.year, index: nationalResults.nationalIndex }).from(nationalResults).where(eq(nationalResults.frameworkId, framework.id)),
  ]);

  const cohortsByRegion = new Map<string, string[]>();
  const cohortNames = new Map<string, string>();
  for (const membership of memberships) {
    cohortsByRegion.set(membership.regionCode, [...(cohortsByRegion.get(membership.regionCode) ?? []), membership.slug]);
    cohortNames.set(membership.slug, membership.name);
  }
  const regionMap = new Map<string, RegionInfo>(regionRows.map((row) => [row.code, { ...row, cohorts: cohortsByRegion.get(row.code) ?? [] }]));

  const byKey = new Map<string, { official?: (typeof assessmentRows)[number]; sample?: (typeof assessmentRows)[number] }>();
  for (const row of assessmentRows) {
    const key = resultKey(row.regionCode, row.year);
    byKey.set(key, { ...byKey.get(key), [row.kind]: row });
  }
  const results = new Map<string, RegionYearResult>();
  const years = new Set<number>();
  for (const [key, { official, sample }] of byKey) {
    const chosen = official && (official.reportedIndex ?? official.computedIndex) !== null ? official : sample;
    const value = chosen ? (chosen.kind === "official" ? (chosen.reportedIndex ?? chosen.computedIndex) : chosen.computedIndex) : null;
    if (!chosen || value === null) continue;
    const withLevels = official?.subIndices ? official : sample?.subIndices ? sample : null;
    results.set(key, {
      regionCode: chosen.regionCode,
      year: chosen.year,
      value,
      kind: chosen.kind as ComparedKind,
      levelsAssessmentId: withLevels?.id ?? null,
      subIndices: withLevels?.subIndices ?? null,
      levelsKind: (withLevels?.kind as ComparedKind | undefined) ?? null,
      mismatch: official ? indexMismatch(official.computedIndex, official.reportedIndex) : false,
      sourceCitation: chosen.sourceCitation,
      sourceUrl: chosen.sourceUrl,
      decree: chosen.decree,
    });
    years.add(chosen.year);
  }
  return {
    frameworkId: framework.id,
    frameworkSlug,
    decimals: framework.decimals,
    years: [...years].sort((a, b) => a - b),
    regions: regionMap,
    results,
    national: new Map(nationalRows.map((row) => [row.year, row.index])),
    cohortNames,
  };
}

/** Indicator levels of several assessments at once: assessment id → node id → level. */
export async function getLevelsOf(assessmentIds: number[]): Promise<Map<number, Map<number, number>>> {
  const levels = new Map<number, Map<number, number>>();
  if (assessmentIds.length === 0) return levels;
  const rows = await db()
    .select({ assessmentId: assessmentLevels.assessmentId, nodeId: assessmentLevels.nodeId, level: assessmentLevels.level })
    .from(assessmentLevels)
    .where(inArray(assessmentLevels.assessmentId, assessmentIds));
  for (const row of rows) {
    let map = levels.get(row.assessmentId);
    if (!map) levels.set(row.assessmentId, (map = new Map()));
    map.set(row.nodeId, row.level);
  }
  return levels;
}

