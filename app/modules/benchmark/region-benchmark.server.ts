import { and, desc, inArray, sql } from "drizzle-orm";
import type { Actor } from "../auth";
import { practiceRevisions, practices } from "../../../db/schema";
import { integerArray } from "../db.server";
import { allGroups } from "../frameworks";
import { getFrameworkSummary, getFrameworkTree } from "../frameworks/index.server";
import { selectPublicPractices } from "../practices/index.server";
import { type BenchmarkData, type Figure, figureOf, figuresOf, getBenchmarkData, getLevelsOf, type RegionInfo } from "./benchmark-data.server";
import { FIGURE_KINDS, type FigureKind, LEVEL_KINDS, type LevelKind } from "./figure-kinds";
import { listPeerGroups } from "./peer-groups.server";
import { presentFigure } from "./region-figures.server";
import { averageAndBest, leaderGaps, type PeerGroupKey, peerGroupParam, rankAmong, type RegionFeatures, similarRegions } from "./peers";

export interface PeerGroupOption {
  param: string;
  /** Label parts the page localizes: kind plus a name where the group has one. */
  kind: PeerGroupKey["kind"];
  name: string;
  members: string[];
}

/** Whose indicator levels a profile compares: the kinds peers are compared in, most authoritative first. */
const PROFILE_KINDS = ["verified", "sample"] as const satisfies readonly LevelKind[];

/**
 * The groups a region can be compared in, for this viewer (custom groups are the viewer's own).
 * "Similar regions" needs a profile over the framework's top-level groups (SPBE 2020: domains;
 * Pemdi 2026: aspects), so it is built from one kind of levels of one framework in one year.
 */
export async function peerGroupOptions(
  data: BenchmarkData,
  domainIds: number[],
  region: RegionInfo,
  profileOf: { kind: LevelKind; year: number } | null,
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
  if (profileOf) {
    const features = regionFeatures(data, domainIds, profileOf);
    const similar = similarRegions(features.find((feature) => feature.code === region.code)!, features);
    if (similar.length > 0) options.push(option({ kind: "similar" }, "", [region.code, ...similar]));
  }
  if (ownerId !== null) {
    for (const group of await listPeerGroups(ownerId)) {
      options.push(option({ kind: "custom", id: group.id }, group.name, [...new Set([region.code, ...group.members.map((member) => member.code)])]));
    }
  }
  return options;
}

/** Every region's features for "similar regions", built once per loaded benchmark data: the same for every region's page. */
const featuresByData = new WeakMap<BenchmarkData, Map<string, RegionFeatures[]>>();

function regionFeatures(data: BenchmarkData, domainIds: number[], of: { kind: LevelKind; year: number }): RegionFeatures[] {
  let byProfile = featuresByData.get(data);
  if (!byProfile) featuresByData.set(data, (byProfile = new Map()));
  const key = `${of.kind} ${of.year} ${domainIds.join(",")}`;
  let features = byProfile.get(key);
  if (!features) {
    features = [...data.regions.values()].map((other) => ({ code: other.code, population: other.population, profile: domainProfile(data, domainIds, other.code, of) }));
    byProfile.set(key, features);
  }
  return features;
}

/** Top-level group sub-indices of one kind of levels in one year, in framework order, or null. */
function domainProfile(data: BenchmarkData, domainIds: number[], code: string, of: { kind: LevelKind; year: number }): RegionFeatures["profile"] {
  const subIndices = figureOf(data, of.kind, code, of.year)?.levels?.subIndices;
  if (!subIndices) return null;
  const values = domainIds.map((id) => subIndices[String(id)]);
  return values.every((value) => value !== undefined) ? { kind: of.kind, values: values as number[] } : null;
}

/**
 * The levels a region's profile is drawn from for a year: its verified levels of that year or
 * the latest year before it (named on the page), else — in demo mode only — sample levels.
 */
function profileSource(data: BenchmarkData, code: string, year: number): Figure | null {
  for (const kind of PROFILE_KINDS) {
    const latest = figuresOf(data, kind, code)
      .filter((figure) => figure.year <= year && figure.levels)
      .at(-1);
    if (latest) return latest;
  }
  return null;
}

/**
 * Everything the region benchmark page shows of one framework, for one of its evaluation years:
 * the latest official figure as the headline with the other kinds beside it, ranks in each peer
 * group among official figures, the indicator profile against the group (one kind of levels, one
 * year), strongest and weakest indicators, and what to learn from the leaders. The trend across
 * frameworks is getGovernmentHistory's.
 */
export async function getRegionBenchmark(code: string, frameworkSlug: string, requested: { year: number | null; group: string | null }, viewer: Actor | null) {
  const [data, tree, framework] = await Promise.all([getBenchmarkData(frameworkSlug, viewer), getFrameworkTree(frameworkSlug), getFrameworkSummary(frameworkSlug)]);
  const region = data?.regions.get(code);
  if (!data || !region || !framework) return null;
  const present = (figure: Figure) => presentFigure(data, figure, framework.bands);

  const byKind = Object.fromEntries(FIGURE_KINDS.map((kind) => [kind, figuresOf(data, kind, code)])) as Record<FigureKind, Figure[]>;
  const headline = byKind.official.at(-1) ?? null;
  const beside = LEVEL_KINDS.flatMap((kind) => {
    const latest = byKind[kind].at(-1);
    return latest ? [present(latest)] : [];
  });
  const years = [...new Set(FIGURE_KINDS.flatMap((kind) => byKind[kind].map((figure) => figure.year)))].sort((a, b) => b - a);
  const year = requested.year !== null && years.includes(requested.year) ? requested.year : (headline?.year ?? years[0] ?? null);

  // What the framework measures, shown even before a region has figures under it.
  const structure = tree.groups.map(({ id, kind, number, name }) => ({ id, kind, number, name }));
  const base = { region, headline: headline && present(headline), beside, years, year, structure };
  if (year === null) return { ...base, official: null, ranks: [], groups: [], selected: null, profile: null, strongest: [], weakest: [], leaders: [] };

  const profileFigure = profileSource(data, code, year);
  const profileOf = profileFigure ? { kind: profileFigure.kind as LevelKind, year: profileFigure.year } : null;
  const groups = await peerGroupOptions(data, tree.groups.map((group) => group.id), region, profileOf, viewer?.id ?? null);
  const selected = groups.find((group) => group.param === requested.group) ?? groups[0]!;

  // Ranks among official figures of the year only; a disputed figure has no rank.
  const official = figureOf(data, "official", code, year);
  const ranks =
    official?.value != null
      ? groups.map((group) => {
          const values = group.members.flatMap((member) => {
            const figure = figureOf(data, "official", member, year);
            return figure?.value != null ? [{ kind: figure.kind, value: figure.value }] : [];
          });
          return {
            param: group.param,
            kind: group.kind,
            name: group.name,
            rank: rankAmong({ kind: "official", value: official.value! }, values, data.decimals),
            withData: values.length,
            size: group.members.length,
          };
        })
      : [];

  const profile = profileFigure && profileOf ? await levelProfile(data, tree, region.code, profileFigure, selected) : null;
  return {
    ...base,
    official: official && present(official),
    ranks,
    groups: groups.map(({ param, kind, name, members }) => ({ param, kind, name, size: members.length })),
    selected: { param: selected.param, kind: selected.kind, name: selected.name, size: selected.members.length },
    profile: profile && profile.summary,
    strongest: profile?.strongest ?? [],
    weakest: profile?.weakest ?? [],
    leaders: profile?.leaders ?? [],
  };
}

type FrameworkTree = Awaited<ReturnType<typeof getFrameworkTree>>;

/**
 * The region's indicator profile from one kind of levels in one year, against the peers of the
 * selected group that have the same kind of levels for the same year.
 */
async function levelProfile(data: BenchmarkData, tree: FrameworkTree, code: string, mine: Figure, group: PeerGroupOption) {
  const kind = mine.kind;
  const peers = group.members.flatMap((member) => {
    const figure = figureOf(data, kind, member, mine.year);
    return figure?.levels && figure.value !== null ? [{ code: member, figure }] : [];
  });
  // Outer groups before inner ones, so the page draws one chart per level of the tree in order.
  const nodes = allGroups(tree.groups).map((node) => {
    const stats = averageAndBest(
      peers.flatMap(({ figure }) => {
        const value = figure.levels!.subIndices[String(node.id)];
        return value === undefined ? [] : [{ kind: figure.kind, value }];
      }),
    );
    return {
      nodeId: node.id,
      kind: node.kind,
      number: node.number,
      name: node.name,
      mine: mine.levels!.subIndices[String(node.id)] ?? null,
      average: stats?.average ?? null,
      best: stats?.best ?? null,
    };
  });

  const levelsByAssessment = await getLevelsOf(peers.map(({ figure }) => figure.levels!.assessmentId));
  const myLevels = levelsByAssessment.get(mine.levels!.assessmentId) ?? new Map<number, number>();
  const indicators = tree.nodes.filter((node) => node.kind === "indicator");
  const describe = (id: number, level: number) => ({ ...tree.indicatorsById.get(id)!, level });
  const weight = new Map(indicators.map((node) => [node.id, node.weight]));
  // Highest level first; among equal levels the indicator that counts more in the index first.
  const byLevel = [...myLevels].sort((a, b) => b[1] - a[1] || (weight.get(b[0]) ?? 0) - (weight.get(a[0]) ?? 0));

  const peerLevels = new Map(
    peers.filter((peer) => peer.code !== code).map((peer) => [peer.code, { kind, levels: levelsByAssessment.get(peer.figure.levels!.assessmentId) ?? new Map<number, number>() }]),
  );
  const gaps = leaderGaps({ kind, levels: myLevels }, peerLevels, indicators, new Map(peers.map((peer) => [peer.code, peer.figure.value!])));
  const practicesByLeader = await publishedPracticesFor(
    gaps.flatMap((gap) => gap.leaders.slice(0, 3)),
    gaps.map((gap) => gap.indicatorId),
  );
  return {
    summary: { kind, year: mine.year, source: mine.source, withData: peers.length, groupSize: group.members.length, nodes },
    strongest: byLevel.slice(0, 5).map(([id, level]) => describe(id, level)),
    weakest: byLevel.slice(-5).reverse().map(([id, level]) => describe(id, level)),
    leaders: gaps.map((gap) => ({
      indicator: tree.indicatorsById.get(gap.indicatorId)!,
      myLevel: gap.myLevel,
      leaderLevel: gap.leaderLevel,
      leaders: gap.leaders.slice(0, 3).map((leader) => ({
        code: leader,
        name: data.regions.get(leader)?.name ?? leader,
        practices: (practicesByLeader.get(leader) ?? []).filter((practice) => practice.indicatorIds.includes(gap.indicatorId)).slice(0, 3),
      })),
      moreLeaders: Math.max(0, gap.leaders.length - 3),
    })),
  };
}

/** Public practices of these regions that address any of these indicators, newest first. */
async function publishedPracticesFor(regionCodes: string[], indicatorIds: number[]) {
  const byRegion = new Map<string, { id: number; title: string; indicatorIds: number[] }[]>();
  if (regionCodes.length === 0 || indicatorIds.length === 0) return byRegion;
  const rows = await selectPublicPractices(
    { id: practices.id, regionCode: practices.regionCode, title: practiceRevisions.title, indicatorIds: practices.publishedIndicatorIds },
    {
      where: and(
        inArray(practices.regionCode, [...new Set(regionCodes)]),
        sql`${practices.publishedIndicatorIds} && ${integerArray(indicatorIds)}`,
      ),
    },
  )
    .orderBy(desc(practices.publishedAt))
    .limit(200);
  for (const row of rows) byRegion.set(row.regionCode, [...(byRegion.get(row.regionCode) ?? []), row]);
  return byRegion;
}
