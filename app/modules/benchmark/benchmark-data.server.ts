import { and, asc, eq, isNull, sql } from "drizzle-orm";
import {
  assessmentLevels,
  assessments,
  cohortMembers,
  cohorts,
  figureNotes,
  provinces,
  publishedGroupAverages,
  publishedResults,
  regions,
  sources,
  users,
} from "../../../db/schema";
import { type Actor, can } from "../auth";
import { broadcast, onBroadcast } from "../cluster/broadcast.server";
import { db, integerArray } from "../db.server";
import { getFrameworkSummary } from "../frameworks/index.server";
import { FIGURE_KINDS, type FigureKind, type LevelKind } from "./figure-kinds";
import { indexMismatch } from "../frameworks";
import { combinePublishedValues, type PublishedValue, type SourceRef } from "./published-values";

/**
 * One government's figure of one kind for one evaluation year. Official figures come from
 * published values (several sources may agree, or disagree: then `value` is null and the figure
 * is disputed); the other kinds from indicator levels.
 */
export interface Figure {
  /** Kemendagri code of a kabupaten/kota, or of a province for its own government. */
  code: string;
  year: number;
  kind: FigureKind;
  value: number | null;
  /** Decimals to show: as printed for official values (3,7), the framework's otherwise. */
  decimals: number;
  /** Official figures: the current published values behind it (all agreeing, or the disputed ones). */
  published: PublishedValue[];
  disputed: boolean;
  /** Level kinds: where the levels come from (the evaluation report, the sample-data notice). */
  source: SourceRef | null;
  /** Level kinds: the assessment holding the levels, with its domain and aspect sub-indices. */
  levels: { assessmentId: number; subIndices: Record<string, number> } | null;
  /** Verified levels whose index differs from the agreed official value by more than 0.01. */
  mismatch: boolean;
  /** A self-assessment the region has not published: for its own people and Kemendagri only. */
  restricted: boolean;
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

/** An average a source publishes for a group of governments (never one computed here). */
export interface PublishedAverage {
  scope: (typeof publishedGroupAverages.scope.enumValues)[number];
  label: string;
  provinceCode: string | null;
  memberCount: number | null;
  year: number;
  value: number | null;
  disputed: boolean;
  published: PublishedValue[];
}

/** A region's signed note on one of its figures (right of reply). */
export interface FigureNote {
  id: number;
  body: string;
  authorName: string;
  createdAt: Date;
}

export interface BenchmarkData {
  frameworkId: number;
  frameworkSlug: string;
  decimals: number;
  /** Kabupaten and kota. */
  regions: Map<string, RegionInfo>;
  provinces: Map<string, string>;
  /** Per kind: `${code}:${year}` → figure, for kabupaten/kota and provincial governments. */
  figures: Record<FigureKind, Map<string, Figure>>;
  /** Per kind: the years in which any kabupaten/kota has a figure, ascending. */
  years: Record<FigureKind, number[]>;
  averages: PublishedAverage[];
  /** `${code}:${year}:${kind}` → visible notes, oldest first. */
  notes: Map<string, FigureNote[]>;
  cohortNames: Map<string, string>;
}

export const figureKey = (code: string, year: number) => `${code}:${year}`;
export const noteKey = (code: string, year: number, kind: FigureKind) => `${code}:${year}:${kind}`;

export function figureOf(data: BenchmarkData, kind: FigureKind, code: string, year: number): Figure | null {
  return data.figures[kind].get(figureKey(code, year)) ?? null;
}

/** A government's figures of one kind, oldest year first. */
export function figuresOf(data: BenchmarkData, kind: FigureKind, code: string): Figure[] {
  return [...data.figures[kind].values()].filter((figure) => figure.code === code).sort((a, b) => a.year - b.year);
}

/** The national index of a year, as published. */
export function nationalAverage(data: BenchmarkData, year: number): PublishedAverage | null {
  return data.averages.find((average) => average.scope === "national" && average.year === year) ?? null;
}

/**
 * Everything rankings, region benchmarks and comparisons compute from, read in a few queries
 * and kept for a short while: it changes only on imports, verifications, self-assessments and
 * notes, which call invalidateBenchmarkData (every other process, on every server, drops it too).
 */
const TTL_MS = 30_000;
const cache = new Map<string, { loadedAt: number; data: Promise<BenchmarkData | null> }>();

const INVALIDATE_TOPIC = "benchmark-data";

/** After the change committed: this process drops the snapshot at once, the others on notification. */
export async function invalidateBenchmarkData(): Promise<void> {
  cache.clear();
  await broadcast(INVALIDATE_TOPIC);
}

onBroadcast(INVALIDATE_TOPIC, () => cache.clear());

/**
 * The figures `viewer` may see: everything, except self-assessments a region has not
 * published, which only its own people and Kemendagri see (permissions: selfAssessment.read).
 */
export async function getBenchmarkData(frameworkSlug: string, viewer: Actor | null): Promise<BenchmarkData | null> {
  let cached = cache.get(frameworkSlug);
  if (!cached || Date.now() - cached.loadedAt >= TTL_MS) {
    cached = { loadedAt: Date.now(), data: loadBenchmarkData(frameworkSlug) };
    cache.set(frameworkSlug, cached);
    cached.data.catch(() => cache.delete(frameworkSlug));
  }
  const data = await cached.data;
  return data && visibleTo(data, viewer);
}

/**
 * Anonymous readers' view of each loaded data, made once: pages keep their own work per data
 * object (similar regions' features), which a new view on every request would throw away.
 */
const anonymousViews = new WeakMap<BenchmarkData, BenchmarkData>();

function visibleTo(data: BenchmarkData, viewer: Actor | null): BenchmarkData {
  if (viewer !== null) return withoutHiddenSelfAssessments(data, viewer);
  let view = anonymousViews.get(data);
  if (!view) anonymousViews.set(data, (view = withoutHiddenSelfAssessments(data, null)));
  return view;
}

function withoutHiddenSelfAssessments(data: BenchmarkData, viewer: Actor | null): BenchmarkData {
  const hidden = (figure: Figure) => figure.restricted && !can(viewer, { action: "selfAssessment.read", regionCode: figure.code });
  if (![...data.figures.self.values()].some(hidden)) return data;
  const self = new Map([...data.figures.self].filter(([, figure]) => !hidden(figure)));
  return { ...data, figures: { ...data.figures, self }, years: { ...data.years, self: yearsOf(self, data.regions) } };
}

/** The years in which any kabupaten/kota has one of these figures, ascending. */
function yearsOf(figures: Map<string, Figure>, regionInfo: Map<string, RegionInfo>): number[] {
  const years = new Set<number>();
  for (const figure of figures.values()) if (regionInfo.has(figure.code)) years.add(figure.year);
  return [...years].sort((a, b) => a - b);
}

const sourceColumns = { citation: sources.citation, url: sources.url };

async function loadBenchmarkData(frameworkSlug: string): Promise<BenchmarkData | null> {
  const framework = await getFrameworkSummary(frameworkSlug);
  if (!framework) return null;
  const [regionRows, provinceRows, memberships, publishedRows, assessmentRows, averageRows, noteRows] = await Promise.all([
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
    db().select({ code: provinces.code, name: provinces.name }).from(provinces),
    db().select({ regionCode: cohortMembers.regionCode, slug: cohorts.slug, name: cohorts.name }).from(cohortMembers).innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId)),
    db()
      .select({
        code: publishedResults.subjectCode,
        year: publishedResults.year,
        value: publishedResults.value,
        decimals: publishedResults.decimals,
        reportedPredikat: publishedResults.reportedPredikat,
        quote: publishedResults.quote,
        decree: publishedResults.decree,
        source: sourceColumns,
      })
      .from(publishedResults)
      .innerJoin(sources, eq(sources.id, publishedResults.sourceId))
      .where(and(eq(publishedResults.frameworkId, framework.id), isNull(publishedResults.supersededAt)))
      .orderBy(asc(publishedResults.id)),
    db()
      .select({
        id: assessments.id,
        code: assessments.regionCode,
        year: assessments.year,
        kind: assessments.kind,
        computedIndex: assessments.computedIndex,
        subIndices: assessments.subIndices,
        publishedAt: assessments.publishedAt,
        source: sourceColumns,
      })
      .from(assessments)
      .leftJoin(sources, eq(sources.id, assessments.sourceId))
      .where(eq(assessments.frameworkId, framework.id)),
    db()
      .select({
        scope: publishedGroupAverages.scope,
        label: publishedGroupAverages.label,
        provinceCode: publishedGroupAverages.provinceCode,
        memberCount: publishedGroupAverages.memberCount,
        year: publishedGroupAverages.year,
        value: publishedGroupAverages.value,
        quote: publishedGroupAverages.quote,
        decree: publishedGroupAverages.decree,
        source: sourceColumns,
      })
      .from(publishedGroupAverages)
      .innerJoin(sources, eq(sources.id, publishedGroupAverages.sourceId))
      .where(eq(publishedGroupAverages.frameworkId, framework.id))
      .orderBy(asc(publishedGroupAverages.id)),
    db()
      .select({
        id: figureNotes.id,
        code: figureNotes.regionCode,
        year: figureNotes.year,
        kind: figureNotes.figureKind,
        body: figureNotes.body,
        authorName: users.name,
        createdAt: figureNotes.createdAt,
      })
      .from(figureNotes)
      .innerJoin(users, eq(users.id, figureNotes.authorId))
      .where(and(eq(figureNotes.frameworkId, framework.id), isNull(figureNotes.hiddenAt)))
      .orderBy(asc(figureNotes.createdAt)),
  ]);

  const cohortsByRegion = new Map<string, string[]>();
  const cohortNames = new Map<string, string>();
  for (const membership of memberships) {
    cohortsByRegion.set(membership.regionCode, [...(cohortsByRegion.get(membership.regionCode) ?? []), membership.slug]);
    cohortNames.set(membership.slug, membership.name);
  }
  const regionMap = new Map<string, RegionInfo>(regionRows.map((row) => [row.code, { ...row, cohorts: cohortsByRegion.get(row.code) ?? [] }]));
  const figures = Object.fromEntries(FIGURE_KINDS.map((kind) => [kind, new Map<string, Figure>()])) as Record<FigureKind, Map<string, Figure>>;

  const publishedByKey = new Map<string, { code: string; year: number; values: PublishedValue[] }>();
  for (const row of publishedRows) {
    const key = figureKey(row.code, row.year);
    const entry = publishedByKey.get(key) ?? { code: row.code, year: row.year, values: [] };
    entry.values.push({ value: row.value, decimals: row.decimals, reportedPredikat: row.reportedPredikat, source: { ...row.source, quote: row.quote, decree: row.decree } });
    publishedByKey.set(key, entry);
  }
  for (const [key, { code, year, values }] of publishedByKey) {
    const combined = combinePublishedValues(values);
    figures.official.set(key, { code, year, kind: "official", ...combined, source: null, levels: null, mismatch: false, restricted: false });
  }

  for (const row of assessmentRows) {
    if (row.computedIndex === null || !row.subIndices) continue;
    const key = figureKey(row.code, row.year);
    const official = figures.official.get(key);
    const kind: LevelKind = row.kind;
    figures[kind].set(key, {
      code: row.code,
      year: row.year,
      kind,
      value: row.computedIndex,
      decimals: framework.decimals,
      published: [],
      disputed: false,
      source: row.source ? { ...row.source, quote: null, decree: null } : null,
      levels: { assessmentId: row.id, subIndices: row.subIndices },
      mismatch: kind === "verified" && official?.value != null ? indexMismatch(row.computedIndex, official.value) : false,
      restricted: kind === "self" && row.publishedAt === null,
    });
  }

  const years = Object.fromEntries(FIGURE_KINDS.map((kind) => [kind, yearsOf(figures[kind], regionMap)])) as Record<FigureKind, number[]>;

  const averagesByKey = new Map<string, { row: (typeof averageRows)[number]; values: PublishedValue[] }>();
  for (const row of averageRows) {
    const key = `${row.scope}:${row.label}:${row.year}`;
    const entry = averagesByKey.get(key) ?? { row, values: [] };
    entry.values.push({ value: row.value, decimals: 2, reportedPredikat: null, source: { ...row.source, quote: row.quote, decree: row.decree } });
    averagesByKey.set(key, entry);
  }
  const averages = [...averagesByKey.values()].map(({ row, values }) => {
    const combined = combinePublishedValues(values);
    return { scope: row.scope, label: row.label, provinceCode: row.provinceCode, memberCount: row.memberCount, year: row.year, value: combined.value, disputed: combined.disputed, published: combined.published };
  });

  const notes = new Map<string, FigureNote[]>();
  for (const row of noteRows) {
    const key = noteKey(row.code, row.year, row.kind);
    notes.set(key, [...(notes.get(key) ?? []), { id: row.id, body: row.body, authorName: row.authorName, createdAt: row.createdAt }]);
  }

  return {
    frameworkId: framework.id,
    frameworkSlug,
    decimals: framework.decimals,
    regions: regionMap,
    provinces: new Map(provinceRows.map((row) => [row.code, row.name])),
    figures,
    years,
    averages,
    notes,
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
    .where(sql`${assessmentLevels.assessmentId} = any(${integerArray(assessmentIds)})`);
  for (const row of rows) {
    let map = levels.get(row.assessmentId);
    if (!map) levels.set(row.assessmentId, (map = new Map()));
    map.set(row.nodeId, row.level);
  }
  return levels;
}
