/**
 * Index maths for any weighted framework (SPBE 2020 and whatever is stored next): the index is
 * the weighted mean of the indicator levels; a domain's or aspect's sub-index is the weighted
 * mean of the levels of the indicators under it. Weights are data (framework_nodes.weight).
 */
export interface FrameworkNode {
  id: number;
  parentId: number | null;
  kind: "domain" | "aspect" | "indicator";
  number: number;
  weight: number;
}

export interface IndexResult {
  /** Null until every indicator has a level: a partial index would be misleading. */
  index: number | null;
  /** Node id → sub-index, for every domain and aspect whose indicators all have levels. */
  subIndices: Record<number, number>;
  answered: number;
  total: number;
}

/** Indicator ids under each node (an indicator maps to itself), for sub-index sums. */
function indicatorsUnder(nodes: readonly FrameworkNode[]): Map<number, number[]> {
  const parentOf = new Map(nodes.map((node) => [node.id, node.parentId]));
  const under = new Map<number, number[]>();
  for (const node of nodes) {
    if (node.kind !== "indicator") continue;
    for (let current: number | null | undefined = node.id; current != null; current = parentOf.get(current)) {
      under.set(current, [...(under.get(current) ?? []), node.id]);
    }
  }
  return under;
}

const cache = new WeakMap<readonly FrameworkNode[], Map<number, number[]>>();

export function computeFrameworkIndex(nodes: readonly FrameworkNode[], levels: ReadonlyMap<number, number>): IndexResult {
  let under = cache.get(nodes);
  if (!under) {
    under = indicatorsUnder(nodes);
    cache.set(nodes, under);
  }
  const weightOf = new Map(nodes.map((node) => [node.id, node.weight]));
  const weightedMean = (indicatorIds: number[]): number | null => {
    let sum = 0;
    let weights = 0;
    for (const id of indicatorIds) {
      const level = levels.get(id);
      if (level === undefined) return null;
      const weight = weightOf.get(id) ?? 0;
      sum += level * weight;
      weights += weight;
    }
    return weights > 0 ? sum / weights : null;
  };
  const indicators = nodes.filter((node) => node.kind === "indicator");
  const subIndices: Record<number, number> = {};
  for (const node of nodes) {
    if (node.kind === "indicator") continue;
    const value = weightedMean(under.get(node.id) ?? []);
    if (value !== null) subIndices[node.id] = value;
  }
  return {
    index: weightedMean(indicators.map((node) => node.id)),
    subIndices,
    answered: indicators.filter((node) => levels.has(node.id)).length,
    total: indicators.length,
  };
}

/** Computed and reported values disagree by more than the reporting precision allows. */
export const MISMATCH_TOLERANCE = 0.01;

export function indexMismatch(computed: number | null, reported: number | null): boolean {
  if (computed === null || reported === null) return false;
  return Math.abs(computed - reported) > MISMATCH_TOLERANCE + 1e-9;
}
