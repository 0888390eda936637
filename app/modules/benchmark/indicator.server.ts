import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../auth";
import { assessmentLevels } from "../../../db/schema";
import { db, integerArray } from "../db.server";
import { getFrameworkTree, getLevelCriteria, SPBE_2020 } from "../frameworks/index.server";
import { listPublishedPractices } from "../practices/index.server";
import { type BenchmarkData, getBenchmarkData } from "./benchmark-data.server";
import { type LevelKind } from "./figure-kinds";

const LEADER_COUNT = 10;

/** The kinds of levels an indicator page shows, each in its own section: verified, then sample (demo). */
const INDICATOR_KINDS = ["verified", "sample"] as const satisfies readonly LevelKind[];

/**
 * How the regions with one kind of levels for a year spread over an indicator's levels, and who
 * is at the top: "n of N regions" always says how many have such levels at all.
 */
async function levelSpread(data: BenchmarkData, kind: LevelKind, year: number, indicatorId: number, levelCount: number) {
  const withLevels = [...data.figures[kind].values()].filter((figure) => figure.year === year && figure.levels && data.regions.has(figure.code));
  const assessmentIds = withLevels.map((figure) => figure.levels!.assessmentId);
  const levelRows =
    assessmentIds.length === 0
      ? []
      : await db()
          .select({ assessmentId: assessmentLevels.assessmentId, level: assessmentLevels.level })
          .from(assessmentLevels)
          .where(and(eq(assessmentLevels.nodeId, indicatorId), sql`${assessmentLevels.assessmentId} = any(${integerArray(assessmentIds)})`));
  const levelOf = new Map(levelRows.map((row) => [row.assessmentId, row.level]));
  const topLevel = Math.max(0, ...levelRows.map((row) => row.level));
  const leaders = withLevels
    .filter((figure) => levelOf.get(figure.levels!.assessmentId) === topLevel)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .slice(0, LEADER_COUNT)
    .map((figure) => ({ code: figure.code, name: data.regions.get(figure.code)?.name ?? figure.code, value: figure.value, decimals: figure.decimals, source: figure.source }));
  return {
    kind,
    year,
    assessed: withLevels.length,
    regionCount: data.regions.size,
    distribution: Array.from({ length: levelCount }, (_, index) => levelRows.filter((row) => row.level === index + 1).length),
    topLevel,
    leaders,
  };
}

/** One indicator: where it sits, its levels with their criteria, how regions spread over them, leaders, practices. */
export async function getIndicatorPage(frameworkSlug: string, number: number, requestedYear: number | null, viewer: Actor | null) {
  const [tree, data, criteria] = await Promise.all([getFrameworkTree(frameworkSlug), getBenchmarkData(frameworkSlug, viewer), getLevelCriteria(frameworkSlug)]);
  const indicator = [...tree.indicatorsById.values()].find((candidate) => candidate.number === number);
  if (!indicator || !data) return null;
  const node = tree.nodes.find((candidate) => candidate.id === indicator.id)!;
  const levels = criteria.get(indicator.id) ?? [];

  // Years in which any region has levels of a shown kind; verified years first in the default.
  const years = [...new Set(INDICATOR_KINDS.flatMap((kind) => data.years[kind]))].sort((a, b) => b - a);
  const year = requestedYear !== null && years.includes(requestedYear) ? requestedYear : (data.years.verified.at(-1) ?? years[0] ?? null);
  const [spreads, practices] = await Promise.all([
    year === null ? [] : Promise.all(INDICATOR_KINDS.filter((kind) => data.figures[kind].size > 0 || kind === "verified").map((kind) => levelSpread(data, kind, year, indicator.id, levels.length))),
    // Practices are tagged with SPBE 2020 indicators only: another framework's number would match the wrong indicator.
    frameworkSlug === SPBE_2020 ? listPublishedPractices({ province: null, region: null, indicator: number, stage: null, tag: null, sort: "terbaru", page: 1 }) : null,
  ]);
  return {
    indicator: { ...indicator, weight: node.weight },
    /** The groups the indicator sits in, outermost first. */
    path: tree.ancestors.get(indicator.id) ?? [],
    levels,
    years,
    year,
    spreads,
    /** Null when practices cannot be tagged with this framework's indicators (they use SPBE 2020's). */
    practices: practices?.practices ?? null,
    practiceTotal: practices?.total ?? 0,
  };
}
