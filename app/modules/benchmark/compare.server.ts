import { getFrameworkSummary, getFrameworkTree } from "../frameworks/frameworks.server";
import { predikatFor } from "../frameworks/predikat";
import { getBenchmarkData, getLevelsOf, resultKey } from "./benchmark-data.server";
import { bestCommonYear, parseCompareSelection } from "./compare-query";

/** Side by side: index, domains, aspects and indicator levels of 2–6 regions in one year. */
export async function compareRegions(frameworkSlug: string, params: URLSearchParams) {
  const [data, tree, framework] = await Promise.all([getBenchmarkData(frameworkSlug), getFrameworkTree(frameworkSlug), getFrameworkSummary(frameworkSlug)]);
  if (!data || !framework) return null;
  const selection = parseCompareSelection(params, new Set(data.regions.keys()));
  const regions = selection.codes.map((code) => data.regions.get(code)!);
  const coverage = (y: number) => regions.filter((region) => data.results.has(resultKey(region.code, y))).length;
  const requested = Number(params.get("tahun"));
  const year = data.years.includes(requested) ? requested : bestCommonYear(data.years, coverage);
  const results = regions.map((region) => (year ? (data.results.get(resultKey(region.code, year)) ?? null) : null));
  const levels = await getLevelsOf(results.flatMap((result) => (result?.levelsAssessmentId ? [result.levelsAssessmentId] : [])));
  const column = (index: number) => results[index];
  return {
    selection,
    year,
    yearChoices: [...data.years].reverse().map((y) => ({ year: y, regions: coverage(y) })),
    regions: regions.map((region, index) => {
      const result = column(index);
      return {
        code: region.code,
        name: region.name,
        provinceName: region.provinceName,
        value: result?.value ?? null,
        kind: result?.kind ?? null,
        levelsKind: result?.levelsKind ?? null,
        predikat: result ? predikatFor(result.value, framework.bands, framework.decimals) : null,
        trend: data.years.map((y) => ({ x: y, y: data.results.get(resultKey(region.code, y))?.value ?? null })),
      };
    }),
    years: data.years,
    groups: tree.domains.flatMap((domain) => [
      { id: domain.id, kind: "domain" as const, name: domain.name, values: results.map((result) => result?.subIndices?.[String(domain.id)] ?? null) },
      ...domain.aspects.map((aspect) => ({
        id: aspect.id,
        kind: "aspect" as const,
        name: aspect.name,
        values: results.map((result) => result?.subIndices?.[String(aspect.id)] ?? null),
      })),
    ]),
    indicators: tree.domains.flatMap((domain) =>
      domain.aspects.flatMap((aspect) =>
        aspect.indicators.map((indicator) => ({
          number: indicator.number,
          name: indicator.name,
          levels: results.map((result) => (result?.levelsAssessmentId ? (levels.get(result.levelsAssessmentId)?.get(indicator.id) ?? null) : null)),
        })),
      ),
    ),
  };
}

