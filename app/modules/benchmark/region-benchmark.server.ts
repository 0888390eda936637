import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { practiceRevisions, practices } from "../../../db/schema";
import { db } from "../db.server";
import { getFrameworkSummary, getFrameworkTree } from "../frameworks/frameworks.server";
import { predikatFor } from "../frameworks/predikat";
import { practiceIsPublic } from "../practices/practices.server";
import { type BenchmarkData, getBenchmarkData, getLevelsOf, type RegionInfo, resultKey } from "./benchmark-data.server";
import { latestSelfAssessment } from "./assessments.server";
import { listPeerGroups } from "./peer-groups.server";
import { averageAndBest, leaderGaps, type PeerGroupKey, peerGroupParam, rankAmong, similarRegions } from "./peers";

export interface PeerGroupOption {
  param: string;
  /** Label parts the page localizes: kind plus a name where the group has one. */
  kind: PeerGroupKey["kind"];
  name: string;
  members: string[];
}

/** The groups a region can be compared in, for this viewer (custom groups are the viewer's own). */
export async function peerGroupOptions(
  data: BenchmarkData,
  domainIds: number[],
  region: RegionInfo,
  year: number,
  ownerId: number | null,
): Promise<PeerGroupOption[]> {
  const all = [...data.regions.values()];
  const option = (key: PeerGroupKey, name: string, members: string[]): PeerGroupOption => ({ param: peerGroupParam(key), kind: key.kind, name, members });
  const options = [
    option({ kind: "province" }, region.provinceName, all.filter((other) => other.provinceCode === region.provinceCode).map((other) => other.code)),
    option({ kind: "type" }, region.type, all.filter((other) => other.type === region.type).map((other) => other.code)),
    ...region.cohorts.map((slug) =>
      option({ kind: "cohort", slug }, data.cohortNames.get(slug) ?? slug, all.filter((other) => other.cohorts.includes(slug)).map((other) => other.code)),
    ),
  ];
  const features = all.map((other) => ({ code: other.code, population: other.population, profile: domainProfile(data, domainIds, other.code, year) }));
  const target = features.find((feature) => feature.code === region.code)!;
  const similar = similarRegions(target, features);
  if (similar.length > 0) options.push(option({ kind: "similar" }, "", [region.code, ...similar]));
  if (ownerId !== null) {
    for (const group of await listPeerGroups(ownerId)) {
      options.push(option({ kind: "custom", id: group.id }, group.name, [...new Set([region.code, ...group.members.map((member) => member.code)])]));
    }
  }
  return options;
}

/** Domain sub-indices of a region-year in framework order, or null without indicator levels. */
function domainProfile(data: BenchmarkData, domainIds: number[], code: string, year: number): number[] | null {
  const subIndices = data.results.get(resultKey(code, year))?.subIndices;
  if (!subIndices) return null;
  const values = domainIds.map((id) => subIndices[String(id)]);
  return values.every((value) => value !== undefined) ? (values as number[]) : null;
}

/**
 * Everything the region benchmark page shows: trend, rank in each peer group, domain and
 * aspect profile against the chosen group's average and best, strongest and weakest
 * indicators, and the indicators to learn from the group's leaders (with their practices).
 */
export async function getRegionBenchmark(code: string, frameworkSlug: string, requestedGroup: string | null, ownerId: number | null) {
  const [data, tree, framework] = await Promise.all([getBenchmarkData(frameworkSlug), getFrameworkTree(frameworkSlug), getFrameworkSummary(frameworkSlug)]);
  const region = data?.regions.get(code);
  if (!data || !region || !framework) return null;
  const latestSelf = await latestSelfAssessment(code, framework.id);
  const self = latestSelf && { ...latestSelf, total: tree.indicatorsById.size };

  const trend = data.years.map((year) => {
    const result = data.results.get(resultKey(code, year));
    return { year, value: result?.value ?? null, kind: result?.kind ?? null, national: data.national.get(year) ?? null };
  });
  const latest = [...data.results.values()].filter((result) => result.regionCode === code).sort((a, b) => b.year - a.year)[0] ?? null;
  if (!latest) {
    return { region, self, trend, latest: null, predikat: null, groups: [], selected: null, ranks: [], profile: [], strongest: [], weakest: [], leaders: [], year: null };
  }
  const year = latest.year;
  const groups = await peerGroupOptions(data, tree.domains.map((domain) => domain.id), region, year, ownerId);
  const selected = groups.find((group) => group.param === requestedGroup) ?? groups[0]!;
  const valuesIn = (members: string[]) =>
    members.flatMap((member) => {
      const result = data.results.get(resultKey(member, year));
      return result ? [{ code: member, result }] : [];
    });
  const ranks = groups.map((group) => {
    const values = valuesIn(group.members);
    return { param: group.param, kind: group.kind, name: group.name, rank: rankAmong(latest.value, values.map((entry) => entry.result.value), data.decimals), total: values.length };
  });

  // Profile against the selected group: every domain and aspect, mine vs average vs best.
  const peers = valuesIn(selected.members).filter((entry) => entry.result.subIndices);
  const profile = tree.nodes
    .filter((node) => node.kind !== "indicator")
    .map((node) => {
      const name = tree.groupNames.get(node.id) ?? "";
      const stats = averageAndBest(peers.map((entry) => entry.result.subIndices![String(node.id)]).filter((value) => value !== undefined));
      return { nodeId: node.id, kind: node.kind, number: node.number, name, mine: latest.subIndices?.[String(node.id)] ?? null, average: stats?.average ?? null, best: stats?.best ?? null };
    });

  const levelsByAssessment = await getLevelsOf(
    [latest.levelsAssessmentId, ...peers.map((entry) => entry.result.levelsAssessmentId)].filter((id): id is number => id !== null),
  );
  const myLevels = latest.levelsAssessmentId ? (levelsByAssessment.get(latest.levelsAssessmentId) ?? new Map()) : new Map<number, number>();
  const indicators = tree.nodes.filter((node) => node.kind === "indicator");
  const describe = (id: number, level: number) => ({ ...tree.indicatorsById.get(id)!, level });
  const weight = new Map(indicators.map((node) => [node.id, node.weight]));
  // Highest level first; among equal levels the indicator that counts more in the index first.
  const byLevel = [...myLevels].sort((a, b) => b[1] - a[1] || (weight.get(b[0]) ?? 0) - (weight.get(a[0]) ?? 0));
  const strongest = byLevel.slice(0, 5).map(([id, level]) => describe(id, level));
  const weakest = byLevel.slice(-5).reverse().map(([id, level]) => describe(id, level));

  const peerLevels = new Map(
    peers
      .filter((entry) => entry.code !== code && entry.result.levelsAssessmentId)
      .map((entry) => [entry.code, levelsByAssessment.get(entry.result.levelsAssessmentId!) ?? new Map<number, number>()]),
  );
  const gaps = leaderGaps(myLevels, peerLevels, indicators, new Map(peers.map((entry) => [entry.code, entry.result.value])));
  const practicesByLeader = await publishedPracticesFor(
    gaps.flatMap((gap) => gap.leaders.slice(0, 3)),
    gaps.map((gap) => gap.indicatorId),
  );
  const leaders = gaps.map((gap) => ({
    indicator: tree.indicatorsById.get(gap.indicatorId)!,
    myLevel: gap.myLevel,
    leaderLevel: gap.leaderLevel,
    leaders: gap.leaders.slice(0, 3).map((leader) => ({
      code: leader,
      name: data.regions.get(leader)?.name ?? leader,
      practices: (practicesByLeader.get(leader) ?? []).filter((practice) => practice.indicatorIds.includes(gap.indicatorId)).slice(0, 3),
    })),
    moreLeaders: Math.max(0, gap.leaders.length - 3),
  }));

  return {
    region,
    self,
    year,
    trend,
    latest: {
      value: latest.value,
      kind: latest.kind,
      levelsKind: latest.levelsKind,
      mismatch: latest.mismatch,
      source: { citation: latest.sourceCitation, url: latest.sourceUrl },
    },
    predikat: predikatFor(latest.value, framework.bands, framework.decimals),
    groups: groups.map(({ param, kind, name, members }) => ({ param, kind, name, size: members.length })),
    selected: { param: selected.param, kind: selected.kind, name: selected.name, size: peers.length },
    ranks,
    profile,
    strongest,
    weakest,
    leaders,
  };
}

/** Public practices of these regions that address any of these indicators, newest first. */
async function publishedPracticesFor(regionCodes: string[], indicatorIds: number[]) {
  const byRegion = new Map<string, { id: number; title: string; indicatorIds: number[] }[]>();
  if (regionCodes.length === 0 || indicatorIds.length === 0) return byRegion;
  const rows = await db()
    .select({ id: practices.id, regionCode: practices.regionCode, title: practiceRevisions.title, indicatorIds: practiceRevisions.indicatorIds })
    .from(practices)
    .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.publishedRevisionId))
    .where(
      and(
        practiceIsPublic,
        inArray(practices.regionCode, [...new Set(regionCodes)]),
        sql`${practiceRevisions.indicatorIds} && ${sql.raw(`array[${indicatorIds.map(Number).join(",")}]::int[]`)}`,
      ),
    )
    .orderBy(desc(practices.publishedAt))
    .limit(200);
  for (const row of rows) byRegion.set(row.regionCode, [...(byRegion.get(row.regionCode) ?? []), row]);
  return byRegion;
}
