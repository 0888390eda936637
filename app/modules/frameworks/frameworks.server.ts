import { asc, eq } from "drizzle-orm";
import { frameworkNodes, frameworkPredikatBands, frameworks } from "../../../db/schema";
import { db } from "../db.server";
import type { FrameworkNode } from "../benchmark/framework-index";
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
 * A stored framework version never changes (db/seed/reference.ts only inserts new ones), so
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
  /** Every node, for the index maths (benchmark/framework-index.ts). */
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
