import { getFrameworkSummary } from "../frameworks/frameworks.server";
import { predikatFor } from "../frameworks/predikat";
import { type BenchmarkData, getBenchmarkData, resultKey } from "./benchmark-data.server";
import { defaultRankingYear, parseRankingQuery, type RankingQuery, rankRegions } from "./rankings";

/** The filter choices a rankings page offers, from the data that exists. */
export async function rankingChoices(frameworkSlug: string, params: URLSearchParams) {
  const data = await getBenchmarkData(frameworkSlug);
  if (!data) return null;
  const provinces = new Map<string, string>();
  for (const region of data.regions.values()) provinces.set(region.provinceCode, region.provinceName);
  const perYear = new Map<number, number>();
  for (const result of data.results.values()) perYear.set(result.year, (perYear.get(result.year) ?? 0) + 1);
  const query = parseRankingQuery(params, {
    years: data.years,
    defaultYear: defaultRankingYear(perYear),
    provinceCodes: new Set(provinces.keys()),
    cohortSlugs: new Set(data.cohortNames.keys()),
  });
  return {
    data,
    query,
    years: data.years,
    provinces: [...provinces].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, "id")),
    cohorts: [...data.cohortNames].map(([slug, name]) => ({ slug, name })),
  };
}

/** Regions with a result in the year, filtered, ranked and sorted as the query says. */
export async function computeRankings(data: BenchmarkData, query: RankingQuery) {
  const framework = await getFrameworkSummary(data.frameworkSlug);
  const candidates = [];
  for (const region of data.regions.values()) {
    if (query.province && region.provinceCode !== query.province) continue;
    if (query.type && region.type !== query.type) continue;
    if (query.cohort && !region.cohorts.includes(query.cohort)) continue;
    const result = data.results.get(resultKey(region.code, query.year));
    if (!result) continue;
    const previous = data.results.get(resultKey(region.code, query.year - 1));
    candidates.push({
      code: region.code,
      name: region.name,
      shortName: region.shortName,
      provinceName: region.provinceName,
      type: region.type,
      value: result.value,
      previousValue: previous?.value ?? null,
      kind: result.kind,
      mismatch: result.mismatch,
      source: { citation: result.sourceCitation, url: result.sourceUrl },
      decree: result.decree,
      predikat: framework ? predikatFor(result.value, framework.bands, framework.decimals) : null,
    });
  }
  return rankRegions(candidates, query.sort, query.descending, data.decimals);
}

export type RankingRow = Awaited<ReturnType<typeof computeRankings>>[number];
