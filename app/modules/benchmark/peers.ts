import type { PublicMessageKey, Translate } from "../i18n/translator";
import { type FigureKind, requireOneKind } from "./figure-kinds";

/**
 * Peer groups and what is computed over them: similar regions, group average and best,
 * and the indicators where a region lags its group's leaders most. Every computation takes
 * figures of one kind only (requireOneKind).
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
  /** Domain sub-indices from one kind of levels, in framework order. */
  profile: { kind: FigureKind; values: number[] } | null;
}

export const SIMILAR_REGION_COUNT = 8;

/**
 * The regions nearest to `target` by population (log scale, since 50,000 vs 100,000 matters as
 * much as 1 vs 2 million) and by domain profile, each dimension scaled by its spread across all
 * regions so neither dominates. Regions without population or profile are left out.
 */
export function similarRegions(target: RegionFeatures, all: readonly RegionFeatures[], count = SIMILAR_REGION_COUNT): string[] {
  if (target.population === null || !target.profile) return [];
  const usable = all.filter((region) => region.population !== null && region.profile && region.profile.values.length === target.profile!.values.length);
  requireOneKind([target.profile, ...usable.map((region) => region.profile!)]);
  const vector = (region: RegionFeatures) => [Math.log10(region.population!), ...region.profile!.values];
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

export interface KindedValue {
  kind: FigureKind;
  value: number;
}

/** Average and best of one kind of figures; with `count` so pages can say "n of N have data". */
export function averageAndBest(values: readonly KindedValue[]): { average: number; best: number; count: number } | null {
  requireOneKind(values);
  if (values.length === 0) return null;
  const numbers = values.map((entry) => entry.value);
  return { average: numbers.reduce((sum, value) => sum + value, 0) / numbers.length, best: Math.max(...numbers), count: numbers.length };
}

/** Standard competition rank of `value` among `values` (1 = highest), at the given precision. */
export function rankAmong(value: KindedValue, values: readonly KindedValue[], decimals = 2): number {
  requireOneKind([value, ...values]);
  const scale = 10 ** decimals;
  const mine = Math.round(value.value * scale);
  return values.filter((other) => Math.round(other.value * scale) > mine).length + 1;
}

/** One region's indicator levels (node id → level), of one kind. */
export interface KindedLevels {
  kind: FigureKind;
  levels: ReadonlyMap<number, number>;
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
  mine: KindedLevels,
  peers: ReadonlyMap<string, KindedLevels>,
  indicators: readonly { id: number; weight: number }[],
  overallIndex: ReadonlyMap<string, number>,
  limit = 5,
): LeaderGap[] {
  requireOneKind([mine, ...peers.values()]);
  const gaps: LeaderGap[] = [];
  for (const indicator of indicators) {
    const myLevel = mine.levels.get(indicator.id);
    if (myLevel === undefined) continue;
    let leaderLevel = 0;
    let leaders: string[] = [];
    for (const [code, { levels }] of peers) {
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

/** A peer group's name as readers see it: "Provinsi Jawa Barat", "Semua kota", "Kohort IDSL 2022"… */
export function groupLabel(t: Translate<PublicMessageKey>, group: { kind: PeerGroupKey["kind"]; name: string }): string {
  switch (group.kind) {
    case "province":
      return t("peerGroups.province", { name: group.name });
    case "type":
      return group.name === "kota" ? t("peerGroups.allKota") : t("peerGroups.allKabupaten");
    case "cohort":
      return t("peerGroups.cohort", { name: group.name });
    case "similar":
      return t("peerGroups.similar");
    case "custom":
      return t("peerGroups.custom", { name: group.name });
  }
}
