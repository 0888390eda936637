import { asc, eq } from "drizzle-orm";
import { frameworkLevelCriteria, frameworkLevels, frameworkNodes, frameworkPredikatBands, frameworks } from "../../../db/schema";
import { broadcast, onBroadcast } from "../cluster/broadcast.server";
import { db } from "../db.server";
import type { FrameworkNode } from "./framework-index";
import { type FrameworkGroup, type FrameworkGroupRef, type FrameworkIndicator, frameworkGroupsOf, indicatorAncestors, indicatorsIn } from "./framework-tree";
import type { PredikatBand } from "./predikat";

/** The framework whose index the public pages show until a region chooses another. */
export const SPBE_2020 = "spbe-2020";

/** The framework Indonesia evaluates on from the 2026 round (Permen PANRB 8/2026). */
export const PEMDI_2026 = "pemdi-2026";

export interface FrameworkSummary {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  decimals: number;
  bands: PredikatBand[];
  /** Whether the structure was read from the regulation or from secondary sources quoting it. */
  sourceStatus: "official_text" | "secondary_sources";
  statusNote: string | null;
  /** The evaluation years the framework applies to; null is open-ended. */
  firstYear: number | null;
  lastYear: number | null;
  version: number;
}

/**
 * Frameworks change only through a curator's reviewed change (framework-changes), which calls
 * invalidateFrameworkCaches, so their summaries, trees and criteria are read once per process
 * instead of on every request.
 */
const summaries = new Map<string, FrameworkSummary>();

export async function getFrameworkSummary(slug: string): Promise<FrameworkSummary | null> {
  const cached = summaries.get(slug);
  if (cached) return cached;
  const summary = await loadFrameworkSummary(slug);
  if (summary) summaries.set(slug, summary);
  return summary;
}

async function loadFrameworkSummary(slug: string): Promise<FrameworkSummary | null> {
  const framework = await db().query.frameworks.findFirst({
    where: eq(frameworks.slug, slug),
    columns: { id: true, slug: true, name: true, shortName: true, decimals: true, sourceStatus: true, statusNote: true, firstYear: true, lastYear: true, version: true },
  });
  if (!framework) return null;
  const bands = await db()
    .select({ name: frameworkPredikatBands.name, minValue: frameworkPredikatBands.minValue })
    .from(frameworkPredikatBands)
    .where(eq(frameworkPredikatBands.frameworkId, framework.id))
    .orderBy(asc(frameworkPredikatBands.minValue));
  return { ...framework, bands };
}

export interface FrameworkTree {
  /** Every node, for the index maths (framework-index.ts). */
  nodes: FrameworkNode[];
  /** The top-level groups, each holding its sub-groups and indicators (SPBE 2020: domains; Pemdi 2026: aspects). */
  groups: FrameworkGroup[];
  /** Group names by node id. */
  groupNames: Map<number, string>;
  indicatorsById: Map<number, FrameworkIndicator>;
  /** Each indicator's enclosing groups, outermost first. */
  ancestors: Map<number, FrameworkGroupRef[]>;
}

const trees = new Map<string, FrameworkTree>();

/** A framework's groups and indicators, as deep as it goes, in official order (cached like summaries). */
export async function getFrameworkTree(slug: string): Promise<FrameworkTree> {
  const cached = trees.get(slug);
  if (cached) return cached;
  const nodes = await db()
    .select({
      id: frameworkNodes.id,
      parentId: frameworkNodes.parentId,
      kind: frameworkNodes.kind,
      number: frameworkNodes.number,
      name: frameworkNodes.name,
      weight: frameworkNodes.weight,
    })
    .from(frameworkNodes)
    .innerJoin(frameworks, eq(frameworks.id, frameworkNodes.frameworkId))
    .where(eq(frameworks.slug, slug))
    .orderBy(asc(frameworkNodes.number));
  const groups = frameworkGroupsOf(nodes);
  const tree: FrameworkTree = {
    nodes: nodes.map(({ id, parentId, kind, number, weight }) => ({ id, parentId, kind, number, weight })),
    groups,
    groupNames: new Map(nodes.filter((node) => node.kind !== "indicator").map((node) => [node.id, node.name])),
    indicatorsById: new Map(indicatorsIn(groups).map((indicator) => [indicator.id, indicator])),
    ancestors: indicatorAncestors(groups),
  };
  if (nodes.length > 0) trees.set(slug, tree);
  return tree;
}

export interface LevelCriterion {
  level: number;
  /** The level's name in the framework (SPBE 2020: Rintisan … Optimum). */
  name: string;
  /** What the regulation requires for this level of this indicator; null where none is stored. */
  criteria: string | null;
  /** The public copies of the regulation disagree on this text: show it as uncertain. */
  uncertain: boolean;
}

const criteria = new Map<string, Promise<Map<number, LevelCriterion[]>>>();

/** Each indicator's levels with their names and criteria text (read once per process, like the tree). */
export function getLevelCriteria(slug: string): Promise<Map<number, LevelCriterion[]>> {
  let cached = criteria.get(slug);
  if (!cached) {
    cached = loadLevelCriteria(slug);
    criteria.set(slug, cached);
    cached.catch(() => criteria.delete(slug));
  }
  return cached;
}

async function loadLevelCriteria(slug: string): Promise<Map<number, LevelCriterion[]>> {
  const [tree, levelRows, criteriaRows] = await Promise.all([
    getFrameworkTree(slug),
    db()
      .select({ level: frameworkLevels.level, name: frameworkLevels.name })
      .from(frameworkLevels)
      .innerJoin(frameworks, eq(frameworks.id, frameworkLevels.frameworkId))
      .where(eq(frameworks.slug, slug))
      .orderBy(asc(frameworkLevels.level)),
    db()
      .select({ nodeId: frameworkLevelCriteria.nodeId, level: frameworkLevelCriteria.level, criteria: frameworkLevelCriteria.criteria, uncertain: frameworkLevelCriteria.uncertain })
      .from(frameworkLevelCriteria)
      .innerJoin(frameworkNodes, eq(frameworkNodes.id, frameworkLevelCriteria.nodeId))
      .innerJoin(frameworks, eq(frameworks.id, frameworkNodes.frameworkId))
      .where(eq(frameworks.slug, slug)),
  ]);
  const text = new Map(criteriaRows.map((row) => [`${row.nodeId}:${row.level}`, row]));
  return new Map(
    [...tree.indicatorsById.keys()].map((nodeId) => [
      nodeId,
      levelRows.map((level) => {
        const row = text.get(`${nodeId}:${level.level}`);
        return { level: level.level, name: level.name, criteria: row?.criteria ?? null, uncertain: row?.uncertain ?? false };
      }),
    ]),
  );
}

let frameworkList: Promise<FrameworkSummary[]> | null = null;

/** Every stored framework, newest first (the order a framework choice lists them). */
export function listFrameworks(): Promise<FrameworkSummary[]> {
  if (!frameworkList) {
    frameworkList = db()
      .select({ slug: frameworks.slug })
      .from(frameworks)
      .then((rows) => Promise.all(rows.map((row) => getFrameworkSummary(row.slug))))
      .then((found) => found.flatMap((summary) => summary ?? []).sort((a, b) => (b.firstYear ?? 0) - (a.firstYear ?? 0) || a.slug.localeCompare(b.slug)));
    frameworkList.catch(() => (frameworkList = null));
  }
  return frameworkList;
}

/** Whether a framework applies to an evaluation year (an import row for another year is refused). */
export function frameworkCoversYear(framework: Pick<FrameworkSummary, "firstYear" | "lastYear">, year: number): boolean {
  return (framework.firstYear === null || year >= framework.firstYear) && (framework.lastYear === null || year <= framework.lastYear);
}

const INVALIDATE_TOPIC = "frameworks:invalidate";

function clearFrameworkCaches() {
  summaries.clear();
  trees.clear();
  criteria.clear();
  frameworkList = null;
}

/** After a framework change committed: every process, on every server, reads it again. */
export async function invalidateFrameworkCaches(): Promise<void> {
  clearFrameworkCaches();
  await broadcast(INVALIDATE_TOPIC);
}

onBroadcast(INVALIDATE_TOPIC, clearFrameworkCaches);
