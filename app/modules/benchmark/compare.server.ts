import type { Actor } from "../auth";
import { allGroups } from "../frameworks";
import { getFrameworkSummary, getFrameworkTree } from "../frameworks/index.server";
import { predikatOf } from "../frameworks";
import { type BenchmarkData, figureOf, figuresOf, getBenchmarkData, getLevelsOf, noteKey } from "./benchmark-data.server";
import { FIGURE_KINDS, type FigureKind } from "./figure-kinds";
import { bestCommonYear, parseCompareSelection } from "./compare-query";
import { readYear, replacedYear } from "../http/url-query";

/**
 * The figure whose indicator levels a comparison column shows for a year: verified levels, or
 * in demo mode sample levels, each named on the page.
 */
function levelsFigure(data: BenchmarkData, code: string, year: number) {
  return figureOf(data, "verified", code, year) ?? figureOf(data, "sample", code, year);
}

/**
 * Side by side: the official index, the other kinds beside it, and the domains, aspects and
 * indicator levels of 2–6 regions in one year. Every value says its kind; levels of different
 * kinds are shown in their own columns, never averaged or ranked together.
 */
export async function compareRegions(frameworkSlug: string, params: URLSearchParams, viewer: Actor | null) {
  const [data, tree, framework] = await Promise.all([getBenchmarkData(frameworkSlug, viewer), getFrameworkTree(frameworkSlug), getFrameworkSummary(frameworkSlug)]);
  if (!data || !framework) return null;
  const selection = parseCompareSelection(params, new Set(data.regions.keys()));
  const regions = selection.codes.map((code) => data.regions.get(code)!);
  const years = [...new Set(FIGURE_KINDS.flatMap((kind) => data.years[kind]))].sort((a, b) => a - b);
  // A year counts as covered for a region when it has its official index there.
  const coverage = (y: number) => regions.filter((region) => figureOf(data, "official", region.code, y)).length;
  const requested = readYear(params);
  const year = requested !== null && years.includes(requested) ? requested : bestCommonYear(years, coverage);
  const columns = regions.map((region) => (year ? levelsFigure(data, region.code, year) : null));
  const levels = await getLevelsOf(columns.flatMap((figure) => (figure?.levels ? [figure.levels.assessmentId] : [])));
  const kindsShown = FIGURE_KINDS.filter((kind) => regions.some((region) => figuresOf(data, kind, region.code).length > 0));
  return {
    selection,
    year,
    /** The year the URL asked for when it is not the one shown, so the page can say so. */
    replacedYear: replacedYear(params, year),
    yearChoices: [...years].reverse().map((y) => ({ year: y, regions: coverage(y) })),
    years,
    kindsShown,
    regions: regions.map((region, index) => {
      const official = year ? figureOf(data, "official", region.code, year) : null;
      return {
        code: region.code,
        name: region.name,
        provinceName: region.provinceName,
        official,
        notes: year ? (data.notes.get(noteKey(region.code, year, "official")) ?? []) : [],
        predikat: predikatOf(framework, official?.value),
        /** The other kinds' figures of the year, each labelled. */
        others: year ? (["verified", "self", "sample"] as const).flatMap((kind) => figureOf(data, kind, region.code, year) ?? []) : [],
        levelsKind: (columns[index]?.kind ?? null) as FigureKind | null,
        /** Where the levels of the domain, aspect and indicator rows come from. */
        levelsSource: columns[index]?.source ?? null,
        trend: Object.fromEntries(kindsShown.map((kind) => [kind, figuresOf(data, kind, region.code)])) as Partial<Record<FigureKind, ReturnType<typeof figuresOf>>>,
      };
    }),
    groups: allGroups(tree.groups).map((group) => ({
      id: group.id,
      kind: group.kind,
      /** The framework's top-level groups (SPBE 2020: domains; Pemdi 2026: aspects) make the chart. */
      topLevel: tree.groups.includes(group),
      name: group.name,
      values: columns.map((figure) => figure?.levels?.subIndices[String(group.id)] ?? null),
    })),
    indicators: [...tree.indicatorsById.values()].map((indicator) => ({
      number: indicator.number,
      name: indicator.name,
      levels: columns.map((figure) => (figure?.levels ? (levels.get(figure.levels.assessmentId)?.get(indicator.id) ?? null) : null)),
    })),
  };
}
