import { knownCode, oneOf, readPage, readParam, readYear, searchString } from "../http/url-query";
import { type FigureKind, kindParam, parseKindParam, requireOneKind } from "./figure-kinds";

export const RANKING_SORTS = ["peringkat", "nama", "perubahan"] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export const RANKING_PAGE_SIZE = 50;

/** Kabupaten, kota, or the provincial governments themselves (ranked apart, never mixed in). */
export const RANKED_TYPES = ["kabupaten", "kota", "provinsi"] as const;
export type RankedType = (typeof RANKED_TYPES)[number];

export interface RankingQuery {
  /** The framework ranked (its slug): every link of the page carries it, figures of two frameworks are never ranked together. */
  framework: string;
  /** Which kind of figures is ranked: official results unless another view is asked for. */
  kind: FigureKind;
  year: number;
  page: number;
  province: string | null;
  type: RankedType | null;
  cohort: string | null;
  sort: RankingSort;
  descending: boolean;
}

/** The kind of figures a rankings URL asks for (`?data=…`), official by default. */
export function rankingKind(params: URLSearchParams, available: readonly FigureKind[]): FigureKind {
  const kind = parseKindParam(params.get("data"));
  return kind && available.includes(kind) ? kind : "official";
}

/** Filters and sort from the URL; junk falls back to defaults, the year to the latest with data. */
export function parseRankingQuery(
  params: URLSearchParams,
  known: { framework: string; kind: FigureKind; years: readonly number[]; defaultYear: number; provinceCodes: ReadonlySet<string>; cohortSlugs: ReadonlySet<string> },
): RankingQuery {
  const year = readYear(params);
  const sort = readParam(params, "urut", oneOf(RANKING_SORTS)) ?? "peringkat";
  const direction = params.get("arah");
  return {
    framework: known.framework,
    kind: known.kind,
    page: readPage(params, 1000),
    year: year !== null && known.years.includes(year) ? year : known.defaultYear,
    province: readParam(params, "provinsi", knownCode(known.provinceCodes)),
    type: readParam(params, "jenis", oneOf(RANKED_TYPES)),
    cohort: readParam(params, "kohort", knownCode(known.cohortSlugs)),
    sort,
    // Rank and name read best ascending, change best descending (biggest risers first).
    descending: direction === "turun" ? true : direction === "naik" ? false : sort === "perubahan",
  };
}

/**
 * The year a rankings page opens on: the latest one with a reasonably full field (at least
 * half as many results as the best-covered year), not a year in which one region reported early.
 */
export function defaultRankingYear(resultsPerYear: ReadonlyMap<number, number>): number {
  const most = Math.max(0, ...resultsPerYear.values());
  const full = [...resultsPerYear].filter(([, count]) => count * 2 >= most).map(([year]) => year);
  return Math.max(...full, 0) || new Date().getFullYear();
}

export function rankingSearch(query: RankingQuery, overrides: Partial<RankingQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const defaultDescending = merged.sort === "perubahan";
  return searchString({
    kerangka: merged.framework,
    data: merged.kind !== "official" ? kindParam(merged.kind) : null,
    tahun: merged.year,
    provinsi: merged.province,
    jenis: merged.type,
    kohort: merged.cohort,
    urut: merged.sort !== "peringkat" ? merged.sort : null,
    arah: merged.descending !== defaultDescending ? (merged.descending ? "turun" : "naik") : null,
    hal: merged.page > 1 ? merged.page : null,
  });
}

export interface RankingCandidate {
  code: string;
  name: string;
  shortName: string;
  kind: FigureKind;
  value: number;
  /** The same kind of figure a year earlier, for the change column. */
  previous: { kind: FigureKind; value: number } | null;
}

export interface RankedRow<T extends RankingCandidate> {
  candidate: T;
  /** Standard competition ranking: equal values share a rank (1, 2, 2, 4). */
  rank: number;
  /** Share of the ranked regions this one is at or above, in percent (the top is 100). */
  percentile: number;
  change: number | null;
}

/**
 * Ranks regions by index (highest first) within whatever set was filtered, then orders the
 * rows as asked. Values are compared at the reported precision, so 3.814 and 3.81 tie. Every
 * candidate and every previous value must be of one kind (see requireOneKind).
 */
export function rankRegions<T extends RankingCandidate>(candidates: readonly T[], sort: RankingSort, descending: boolean, decimals = 2): RankedRow<T>[] {
  requireOneKind([...candidates, ...candidates.flatMap((candidate) => (candidate.previous ? [candidate.previous] : []))]);
  const scale = 10 ** decimals;
  const rounded = (value: number) => Math.round(value * scale);
  const byValue = [...candidates].sort((a, b) => rounded(b.value) - rounded(a.value) || a.shortName.localeCompare(b.shortName, "id"));
  const total = byValue.length;
  const ranked: RankedRow<T>[] = [];
  byValue.forEach((candidate, index) => {
    const previous = ranked[index - 1];
    const rank = previous && rounded(previous.candidate.value) === rounded(candidate.value) ? previous.rank : index + 1;
    ranked.push({
      candidate,
      rank,
      percentile: Math.round((100 * (total - rank + 1)) / total),
      change: candidate.previous === null ? null : (rounded(candidate.value) - rounded(candidate.previous.value)) / scale,
    });
  });
  const compare: Record<RankingSort, (a: RankedRow<T>, b: RankedRow<T>) => number> = {
    peringkat: (a, b) => a.rank - b.rank,
    nama: (a, b) => a.candidate.shortName.localeCompare(b.candidate.shortName, "id"),
    perubahan: (a, b) => (a.change ?? -Infinity) - (b.change ?? -Infinity),
  };
  const direction = descending ? -1 : 1;
  return ranked.sort((a, b) => direction * compare[sort](a, b) || a.rank - b.rank);
}
