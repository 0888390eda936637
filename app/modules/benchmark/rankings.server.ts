import type { Actor } from "../auth";
import { type FrameworkSummary, requireFrameworkChoice } from "../frameworks/index.server";
import { predikatOf } from "../frameworks";
import { type BenchmarkData, type Figure, figureOf, getBenchmarkData, noteKey, type PublishedAverage } from "./benchmark-data.server";
import { FIGURE_KINDS, type FigureKind } from "./figure-kinds";
import { defaultRankingYear, parseRankingQuery, type RankingQuery, rankingKind, rankRegions } from "./rankings";

interface RankedSubject {
  code: string;
  name: string;
  shortName: string;
  provinceName: string;
}

/** Who a query ranks: the kabupaten/kota it filters, or the provincial governments (never both). */
function subjectsOf(data: BenchmarkData, query: Pick<RankingQuery, "type" | "province" | "cohort">): RankedSubject[] {
  if (query.type === "provinsi") {
    return [...data.provinces]
      .filter(([code]) => !query.province || code === query.province)
      .map(([code, name]) => ({ code, name, shortName: name, provinceName: name }));
  }
  return [...data.regions.values()].filter(
    (region) =>
      (!query.province || region.provinceCode === query.province) &&
      (!query.type || region.type === query.type) &&
      (!query.cohort || region.cohorts.includes(query.cohort)),
  );
}

/** The kinds a rankings page offers: official always, the others where figures exist. */
function availableKinds(data: BenchmarkData): FigureKind[] {
  return FIGURE_KINDS.filter((kind) => kind === "official" || data.figures[kind].size > 0);
}

/**
 * The filter choices a rankings page offers, from the data that exists: the framework the URL
 * names (`?kerangka=`, else the default; an unknown one is a 404 listing the others), then the
 * kinds and years of that framework only.
 */
export async function rankingChoices(params: URLSearchParams, viewer: Actor | null) {
  const { framework, frameworks } = await requireFrameworkChoice(params);
  const data = await getBenchmarkData(framework.slug, viewer);
  if (!data) return null;
  const kinds = availableKinds(data);
  const kind = rankingKind(params, kinds);
  // The years of whoever is ranked: provincial governments have their own.
  const ranksProvinces = params.get("jenis") === "provinsi";
  const perYear = new Map<number, number>();
  for (const figure of data.figures[kind].values()) {
    if (data.regions.has(figure.code) !== ranksProvinces) perYear.set(figure.year, (perYear.get(figure.year) ?? 0) + 1);
  }
  const years = [...perYear.keys()].sort((a, b) => a - b);
  const query = parseRankingQuery(params, {
    framework: framework.slug,
    kind,
    years,
    // Without any figure, a year the framework applies to (Pemdi 2026 before its first results).
    defaultYear: perYear.size > 0 ? defaultRankingYear(perYear) : (framework.lastYear ?? framework.firstYear ?? defaultRankingYear(perYear)),
    provinceCodes: new Set(data.provinces.keys()),
    cohortSlugs: new Set(data.cohortNames.keys()),
  });
  return {
    framework,
    frameworks,
    data,
    query,
    kinds,
    years,
    provinces: [...data.provinces].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, "id")),
    cohorts: [...data.cohortNames].map(([slug, name]) => ({ slug, name })),
  };
}

/**
 * The query's governments with a figure of the query's kind in its year, ranked within that
 * kind only; disputed figures are listed apart, unranked; `total` counts every government the
 * filters select, so the page can say how many have data.
 */
export function computeRankings(framework: FrameworkSummary, data: BenchmarkData, query: RankingQuery) {
  const subjects = subjectsOf(data, query);
  const describe = (subject: RankedSubject, figure: Figure) => ({
    code: subject.code,
    name: subject.name,
    shortName: subject.shortName,
    provinceName: subject.provinceName,
    figure,
    notes: data.notes.get(noteKey(subject.code, query.year, query.kind)) ?? [],
    predikat: predikatOf(framework, figure.value),
  });
  const candidates = [];
  const disputed = [];
  for (const subject of subjects) {
    const figure = figureOf(data, query.kind, subject.code, query.year);
    if (!figure) continue;
    if (figure.value === null) {
      disputed.push(describe(subject, figure));
      continue;
    }
    const previous = figureOf(data, query.kind, subject.code, query.year - 1);
    candidates.push({
      ...describe(subject, figure),
      kind: figure.kind,
      value: figure.value,
      previous: previous?.value != null ? { kind: previous.kind, value: previous.value } : null,
    });
  }
  return {
    rows: rankRegions(candidates, query.sort, query.descending, data.decimals),
    disputed,
    total: subjects.length,
    averages: publishedAveragesFor(data, query),
  };
}

export type RankingRow = ReturnType<typeof computeRankings>["rows"][number];

/**
 * Averages sources publish for what the page shows (official figures only): the national index,
 * the national kabupaten or kota average, or the filtered province's kabupaten/kota average.
 */
function publishedAveragesFor(data: BenchmarkData, query: RankingQuery): PublishedAverage[] {
  if (query.kind !== "official" || query.cohort) return [];
  return data.averages.filter((average) => {
    if (average.year !== query.year) return false;
    if (query.type === "provinsi") return false;
    if (query.province) return average.provinceCode === query.province && average.scope !== "named_group";
    if (average.scope === "national") return !query.type;
    return (average.scope === "national_kabupaten" && query.type === "kabupaten") || (average.scope === "national_kota" && query.type === "kota");
  });
}
