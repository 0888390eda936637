/**
 * Peer groups and what is computed over them: similar regions, group average and best,
 * and the indicators where a region lags its group's leaders most.
 */
export type PeerGroupKey =
  | { kind: "province" }
  | { kind: "type" }
  | { kind: "cohort"; slug: string }
  | { kind: "similar" }
  | { kind: "custom"; id: number };

/** URL form: "provinsi", "jenis", "kohort:idsl-2022", "mirip", "kustom:12". */
export function parsePeerGroupKey(value: string | null): PeerGroupKey | null {
  if (value === "provinsi") return { kind: "province" };
  if (value === "jenis") return { kind: "type" };
  if (value === "mirip") return { kind: "similar" };
  const cohort = /^kohort:([a-z0-9-]{1,60})$/.exec(value ?? "");
  if (cohort) return { kind: "cohort", slug: cohort[1]! };
  const custom = /^kustom:(\d{1,9})$/.exec(value ?? "");
  if (custom) return { kind: "custom", id: Number(custom[1]) };
  return null;
}

export function peerGroupParam(key: PeerGroupKey): string {
  switch (key.kind) {
    case "province":
      return "provinsi";
    case "type":
      return "jenis";
    case "similar":
      return "mirip";
    case "cohort":
      return `kohort:${key.slug}`;
    case "custom":
      return `kustom:${key.id}`;
  }
}

export interface RegionFeatures {
  code: string;
  population: number | null;
  /** Domain sub-indices of the latest year with levels, in framework order. */
  profile: number[] | null;
}

export const SIMILAR_REGION_COUNT = 8;

/**
 * The regions nearest to `target` by population (log scale, since 50,000 vs 100,000 matters as
 * much as 1 vs 2 million) and by domain profile, each dimension scaled by its spread across all
 * regions so neither dominates. Regions without population or profile are left out.
 */
export function similarRegions(target: RegionFeatures, all: readonly RegionFeatures[], count = SIMILAR_REGION_COUNT): string[] {
  if (target.population === null || !target.profile) return [];
  const usable = all.filter((region) => region.population !== null && region.profile && region.profile.length === target.profile!.length);
  const vector = (region: RegionFeatures) => [Math.log10(region.population!), ...region.profile!];
  const vectors = usable.map((region) => ({ code: region.code, values: vector(region) }));
  const dimensions = vector(target).length;
  const spread = Array.from({ length: dimensions }, (_, d) => standardDeviation(vectors.map((v) => v.values[d]!)) || 1);
  const targetVector = vector(target);
  return vectors
    .filter((candidate) => candidate.code !== target.code)
    .map((candidate) => ({
      code: candidate.code,
      distance: Math.hypot(...candidate.values.map((value, d) => (value - targetVector[d]!) / spread[d]!)),
    }))
    .sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code))
    .slice(0, count)
    .map((candidate) => candidate.code);
}

function standardDeviation(values: number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
}

export function averageAndBest(values: readonly number[]): { average: number; best: number } | null {
  if (values.length === 0) return null;
  return { average: values.reduce((sum, value) => sum + value, 0) / values.length, best: Math.max(...values) };
}

/** Standard competition rank of `value` among `values` (1 = highest), at the given precision. */
export function rankAmong(value: number, values: readonly number[], decimals = 2): number {
  const scale = 10 ** decimals;
  const mine = Math.round(value * scale);
  return values.filter((other) => Math.round(other * scale) > mine).length + 1;
}

export interface LeaderGap {
  indicatorId: number;
  myLevel: number;
  leaderLevel: number;
  gap: number;
  /** Regions at the leading level, best overall index first. */
  leaders: string[];
}

/**
 * Indicators where the region is furthest behind the best of its peers, weighted by how much
 * the indicator counts in the index: the most index to gain by learning from a leader.
 */
export function leaderGaps(
  mine: ReadonlyMap<number, number>,
  peers: ReadonlyMap<string, ReadonlyMap<number, number>>,
  indicators: readonly { id: number; weight: number }[],
  overallIndex: ReadonlyMap<string, number>,
  limit = 5,
): LeaderGap[] {
  const gaps: LeaderGap[] = [];
  for (const indicator of indicators) {
    const myLevel = mine.get(indicator.id);
    if (myLevel === undefined) continue;
    let leaderLevel = 0;
    let leaders: string[] = [];
    for (const [code, levels] of peers) {
      const level = levels.get(indicator.id);
      if (level === undefined) continue;
      if (level > leaderLevel) [leaderLevel, leaders] = [level, [code]];
      else if (level === leaderLevel) leaders.push(code);
    }
    if (leaderLevel <= myLevel) continue;
    leaders.sort((a, b) => (overallIndex.get(b) ?? 0) - (overallIndex.get(a) ?? 0) || a.localeCompare(b));
    gaps.push({ indicatorId: indicator.id, myLevel, leaderLevel, gap: leaderLevel - myLevel, leaders });
  }
  const weightOf = new Map(indicators.map((indicator) => [indicator.id, indicator.weight]));
  return gaps.sort((a, b) => b.gap * weightOf.get(b.indicatorId)! - a.gap * weightOf.get(a.indicatorId)! || b.gap - a.gap).slice(0, limit);
}
