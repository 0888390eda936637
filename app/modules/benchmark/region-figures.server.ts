import type { Actor } from "../auth";
import { getFrameworkSummary, listFrameworks } from "../frameworks/index.server";
import { type PredikatBand, predikatOf } from "../frameworks";
import { type BenchmarkData, type Figure, figureOf, figuresOf, getBenchmarkData, nationalAverage, noteKey } from "./benchmark-data.server";
import { FIGURE_KINDS, type FigureKind } from "./figure-kinds";

/** A figure as pages show it: with the region's notes and, for a value, its predikat. */
export function presentFigure(data: BenchmarkData, figure: Figure, bands: readonly PredikatBand[]) {
  return {
    ...figure,
    notes: data.notes.get(noteKey(figure.code, figure.year, figure.kind)) ?? [],
    predikat: predikatOf({ bands, decimals: data.decimals }, figure.value),
  };
}

export type PresentedFigure = ReturnType<typeof presentFigure>;

/**
 * A government's figures year by year, every kind in its own column beside the official one
 * (never in its place), with the national index of each year. Works for a kabupaten/kota and
 * for a province's own government alike.
 */
export async function getGovernmentFigures(code: string, frameworkSlug: string, viewer: Actor | null) {
  const [data, framework] = await Promise.all([getBenchmarkData(frameworkSlug, viewer), getFrameworkSummary(frameworkSlug)]);
  if (!data || !framework) return null;
  const byKind = Object.fromEntries(FIGURE_KINDS.map((kind) => [kind, figuresOf(data, kind, code)])) as Record<FigureKind, Figure[]>;
  const years = [...new Set(FIGURE_KINDS.flatMap((kind) => byKind[kind].map((figure) => figure.year)))].sort((a, b) => a - b);
  const kinds = FIGURE_KINDS.filter((kind) => byKind[kind].length > 0);
  const official = byKind.official.at(-1);
  return {
    kinds,
    headline: official ? presentFigure(data, official, framework.bands) : null,
    rows: years.map((year) => ({
      year,
      figures: Object.fromEntries(
        kinds.flatMap((kind) => {
          const figure = figureOf(data, kind, code, year);
          return figure ? [[kind, presentFigure(data, figure, framework.bands)]] : [];
        }),
      ) as Partial<Record<FigureKind, PresentedFigure>>,
      national: nationalAverage(data, year),
    })),
  };
}

/**
 * A government's figures under every framework, oldest framework first: each row names its
 * framework, so a history never reads an SPBE 2020 value and an Indeks Pemdi value as one series
 * (drawGovernmentTrend draws one line per framework and kind, with a labelled break between).
 */
export async function getGovernmentHistory(code: string, viewer: Actor | null) {
  const frameworks = [...(await listFrameworks())].reverse();
  const parts = await Promise.all(
    frameworks.map(async ({ slug, shortName }) => {
      const figures = await getGovernmentFigures(code, slug, viewer);
      return figures && figures.rows.length > 0 ? { framework: { slug, shortName }, ...figures } : null;
    }),
  );
  const found = parts.flatMap((part) => part ?? []);
  const kinds = FIGURE_KINDS.filter((kind) => found.some((part) => part.kinds.includes(kind)));
  const rows = found.flatMap((part) => part.rows.map((row) => ({ ...row, framework: part.framework })));
  // The latest official figure of any framework: frameworks follow each other in time.
  const headline = found.flatMap((part) => (part.headline ? [{ ...part.headline, framework: part.framework }] : [])).sort((a, b) => a.year - b.year).at(-1) ?? null;
  return { kinds, rows, headline, frameworks: found.map((part) => part.framework) };
}

/** Regions with each one's latest official figure (agreed or disputed; null when none), for lists. */
export async function withLatestOfficialFigure<Region extends { code: string }>(frameworkSlug: string, regions: readonly Region[]) {
  const [data, framework] = await Promise.all([getBenchmarkData(frameworkSlug, null), getFrameworkSummary(frameworkSlug)]);
  return regions.map((region) => {
    const figure = data && framework ? figuresOf(data, "official", region.code).at(-1) : undefined;
    return { ...region, latest: figure && data && framework ? presentFigure(data, figure, framework.bands) : null };
  });
}

/** The averages sources publish for a province's kabupaten/kota (and named groups within it). */
export async function provinceAverages(frameworkSlug: string, provinceCode: string) {
  const data = await getBenchmarkData(frameworkSlug, null);
  return (data?.averages ?? []).filter((average) => average.provinceCode === provinceCode).sort((a, b) => b.year - a.year);
}
