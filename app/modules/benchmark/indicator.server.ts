import { and, asc, count, eq, inArray } from "drizzle-orm";
import { assessmentLevels, frameworkLevels } from "../../../db/schema";
import { db } from "../db.server";
import { getFrameworkTree } from "../frameworks/frameworks.server";
import { listPublishedPractices } from "../practices/practice-list.server";
import { getBenchmarkData } from "./benchmark-data.server";

const LEADER_COUNT = 10;

/** One indicator: where it sits, its levels, how regions are spread over them, leaders, practices. */
export async function getIndicatorPage(frameworkSlug: string, number: number) {
  const [tree, data] = await Promise.all([getFrameworkTree(frameworkSlug), getBenchmarkData(frameworkSlug)]);
  const indicator = [...tree.indicatorsById.values()].find((candidate) => candidate.number === number);
  if (!indicator || !data) return null;
  const node = tree.nodes.find((candidate) => candidate.id === indicator.id)!;
  const aspect = tree.nodes.find((candidate) => candidate.id === node.parentId)!;
  const domain = tree.nodes.find((candidate) => candidate.id === aspect.parentId)!;

  const year = data.years.at(-1) ?? null;
  const withLevels = year === null ? [] : [...data.results.values()].filter((result) => result.year === year && result.levelsAssessmentId !== null);
  const assessmentIds = withLevels.map((result) => result.levelsAssessmentId!);
  const [levelNames, distribution, levelRows, practices] = await Promise.all([
    db().select({ level: frameworkLevels.level, name: frameworkLevels.name }).from(frameworkLevels).where(eq(frameworkLevels.frameworkId, data.frameworkId)).orderBy(asc(frameworkLevels.level)),
    assessmentIds.length === 0
      ? []
      : db()
          .select({ level: assessmentLevels.level, regions: count() })
          .from(assessmentLevels)
          .where(and(eq(assessmentLevels.nodeId, indicator.id), inArray(assessmentLevels.assessmentId, assessmentIds)))
          .groupBy(assessmentLevels.level),
    assessmentIds.length === 0
      ? []
      : db()
          .select({ assessmentId: assessmentLevels.assessmentId, level: assessmentLevels.level })
          .from(assessmentLevels)
          .where(and(eq(assessmentLevels.nodeId, indicator.id), inArray(assessmentLevels.assessmentId, assessmentIds))),
    listPublishedPractices({ province: null, region: null, indicator: number, stage: null, tag: null, sort: "terbaru", page: 1 }),
  ]);
  const levelOf = new Map(levelRows.map((row) => [row.assessmentId, row.level]));
  const topLevel = Math.max(0, ...levelRows.map((row) => row.level));
  const leaders = withLevels
    .filter((result) => levelOf.get(result.levelsAssessmentId!) === topLevel)
    .sort((a, b) => b.value - a.value)
    .slice(0, LEADER_COUNT)
    .map((result) => ({ code: result.regionCode, name: data.regions.get(result.regionCode)?.name ?? result.regionCode, value: result.value, kind: result.kind }));
  return {
    indicator: { ...indicator, weight: node.weight },
    aspect: { number: aspect.number, name: tree.groupNames.get(aspect.id) ?? "" },
    domain: { number: domain.number, name: tree.groupNames.get(domain.id) ?? "" },
    levelNames,
    year,
    assessed: assessmentIds.length,
    distribution: levelNames.map((level) => ({ ...level, regions: distribution.find((row) => row.level === level.level)?.regions ?? 0 })),
    topLevel,
    leaders,
    hasSample: withLevels.some((result) => result.kind === "sample"),
    practices: practices.practices,
    practiceTotal: practices.total,
  };
}
