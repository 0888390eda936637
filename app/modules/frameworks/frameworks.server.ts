import { asc, eq } from "drizzle-orm";
import { frameworkLevelCriteria, frameworkLevels, frameworkNodes, frameworkPredikatBands, frameworks } from "../../../db/schema";
import { db } from "../db.server";
import type { FrameworkNode } from "./framework-index";
import type { PredikatBand } from "./predikat";

/** The framework whose index the public pages show until a region chooses another. */
export const SPBE_2020 = "spbe-2020";

export interface FrameworkSummary {
  id: number;
  slug: string;
  name: string;
  decimals: number;
  bands: PredikatBand[];
}

/**
 * A stored framework version never changes (seed/reference.ts only inserts new ones), so
 * its summary is read once per process instead of on every directory or profile request.
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
    columns: { id: true, slug: true, name: true, decimals: true },
  });
  if (!framework) return null;
  const bands = await db()
    .select({ name: frameworkPredikatBands.name, minValue: frameworkPredikatBands.minValue })
    .from(frameworkPredikatBands)
    .where(eq(frameworkPredikatBands.frameworkId, framework.id))
    .orderBy(asc(frameworkPredikatBands.minValue));
  return { ...framework, bands };
}

export interface FrameworkIndicator {
  id: number;
  number: number;
  name: string;
}

export interface FrameworkTree {
  /** Every node, for the index maths (framework-index.ts). */
  nodes: FrameworkNode[];
  domains: { id: number; number: number; name: string; aspects: { id: number; number: number; name: string; indicators: FrameworkIndicator[] }[] }[];
  /** Domain and aspect names by node id. */
  groupNames: Map<number, string>;
  indicatorsById: Map<number, FrameworkIndicator>;
}

const trees = new Map<string, FrameworkTree>();

/** Domains → aspects → indicators of a framework, in official order (cached like summaries). */
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
  const childrenOf = (parentId: number | null, kind: "domain" | "aspect" | "indicator") =>
    nodes.filter((node) => node.parentId === parentId && node.kind === kind);
  const tree: FrameworkTree = {
    nodes: nodes.map(({ id, parentId, kind, number, weight }) => ({ id, parentId, kind, number, weight })),
    domains: childrenOf(null, "domain").map((domain) => ({
      id: domain.id,
      number: domain.number,
      name: domain.name,
      aspects: childrenOf(domain.id, "aspect").map((aspect) => ({
        id: aspect.id,
        number: aspect.number,
        name: aspect.name,
        indicators: childrenOf(aspect.id, "indicator").map(({ id, number, name }) => ({ id, number, name })),
      })),
    })),
    groupNames: new Map(nodes.filter((node) => node.kind !== "indicator").map((node) => [node.id, node.name])),
    indicatorsById: new Map(
      nodes.filter((node) => node.kind === "indicator").map(({ id, number, name }) => [id, { id, number, name }]),
    ),
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
