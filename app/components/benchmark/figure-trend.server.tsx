import type { FigureView } from "~/components/benchmark/figure";
import type { HistoryRow } from "~/components/benchmark/figure-history";
import type { TrendDetail } from "~/components/benchmark/figure-trend";
import type { AverageView } from "~/components/benchmark/published-averages";
import type { DrawnChart } from "~/components/charts/chart-frame";
import type { SeriesTone } from "~/components/charts/chart-style.server";
import { drawLineChart, type LineSeries } from "~/components/charts/line-chart.server";
import type { FigureKind } from "~/modules/benchmark/figure-kinds";
import type { ServerTranslator } from "~/modules/i18n/translator";

export interface TrendSeries {
  /** Who the figures are of, e.g. "Kabupaten Sumedang"; the kind is added to the name. */
  name: string;
  kind: FigureKind;
  /** The framework the figures are of, named in the series when a chart holds more than one. */
  framework?: string;
  tone?: SeriesTone;
  figures: readonly (FigureView & { year: number })[];
}

type NationalView = AverageView & { year: number; framework?: string };

/**
 * Where the figures change framework: a labelled line after the last year of each framework but
 * the last, so two frameworks' lines are read as two series, never one trend.
 */
function frameworkBreaks(series: readonly { framework?: string; years: readonly number[] }[]) {
  const lastYear = new Map<string, number>();
  for (const entry of series) {
    if (entry.framework === undefined) continue;
    lastYear.set(entry.framework, Math.max(lastYear.get(entry.framework) ?? -Infinity, ...entry.years));
  }
  const ordered = [...lastYear].sort((a, b) => a[1] - b[1]);
  return ordered.slice(0, -1).map(([framework, after], index) => ({ after, label: `${framework} | ${ordered[index + 1]![0]}` }));
}

/** Only what the table's detail shows, so loader data does not carry a figure's notes twice. */
function detailOf(figure: FigureView, withValues: boolean): TrendDetail {
  const { kind, value, decimals, disputed, published, source } = figure;
  return { figure: { kind, value, decimals, disputed, published, source }, withValues };
}

/**
 * Index values per year for FigureTrendChart, one line per government, kind of figure and
 * framework (a line never joins two kinds or two frameworks), with the published national index
 * for reference. Series of several frameworks are named by framework and parted by a labelled break.
 */
export function drawFigureTrend(
  { t, formatIndex }: ServerTranslator,
  { id, title, description, years, series, national }: { id: string; title: string; description: string; years: readonly number[]; series: readonly TrendSeries[]; national?: readonly NationalView[] },
): DrawnChart<TrendDetail> {
  const breaks = frameworkBreaks([
    ...series.map((entry) => ({ framework: entry.framework, years: entry.figures.map((figure) => figure.year) })),
    ...(national ?? []).map((average) => ({ framework: average.framework, years: [average.year] })),
  ]);
  const withFramework = (name: string, framework: string | undefined) => (breaks.length > 0 && framework ? `${name} — ${framework}` : name);
  const lines: LineSeries<TrendDetail>[] = series.map((entry) => ({
    name: withFramework(entry.kind === "official" ? entry.name : `${entry.name} (${t(`figures.kind.${entry.kind}`)})`, entry.framework),
    kind: entry.kind,
    tone: entry.tone,
    points: years.map((year) => {
      const figure = entry.figures.find((candidate) => candidate.year === year);
      if (!figure) return { x: year, y: null };
      return { x: year, y: figure.value, detail: detailOf(figure, figure.value === null) };
    }),
  }));
  for (const framework of new Set((national ?? []).map((average) => average.framework))) {
    const averages = (national ?? []).filter((average) => average.framework === framework);
    lines.push({
      name: withFramework(t("figures.nationalIndex"), framework),
      kind: "official",
      tone: "muted",
      points: years.map((year) => {
        const average = averages.find((candidate) => candidate.year === year);
        return {
          x: year,
          y: average?.value ?? null,
          detail: average && detailOf({ ...average, kind: "official", decimals: 2, source: null }, false),
        };
      }),
    });
  }
  return drawLineChart({
    id,
    title,
    description,
    series: lines,
    yDomain: [0, 5],
    xLabel: t("rankings.year"),
    yLabel: t("region.index"),
    formatValue: (value) => formatIndex(value),
    tableLabel: t("charts.showTable"),
    noDataLabel: t("charts.noData"),
    breaks,
  });
}

/**
 * The trend chart of GovernmentFigures: one line per kind of figure of one government, and per
 * framework when the rows name theirs (getGovernmentHistory).
 */
export function drawGovernmentTrend(translator: ServerTranslator, name: string, figures: { kinds: readonly FigureKind[]; rows: readonly HistoryRow[] }): DrawnChart<TrendDetail> {
  const { t } = translator;
  const frameworks = [...new Set(figures.rows.map((row) => row.framework?.shortName))];
  const several = frameworks.length > 1;
  return drawFigureTrend(translator, {
    id: "trend",
    title: t(several ? "frameworkBenchmark.trendChart" : "regionBenchmark.trendChart", { region: name }),
    description: t(several ? "frameworkBenchmark.trendDescription" : "regionBenchmark.trendDescription"),
    years: [...new Set(figures.rows.map((row) => row.year))].sort((a, b) => a - b),
    // A second framework in its own colour as well as its own name and line.
    series: frameworks.flatMap((framework, index) => {
      const rows = figures.rows.filter((row) => row.framework?.shortName === framework);
      return figures.kinds.flatMap((kind) => {
        const points = rows.flatMap((row) => (row.figures[kind] ? [{ ...row.figures[kind], year: row.year }] : []));
        return points.length > 0 ? [{ name, kind, framework, tone: index === 0 ? ("primary" as const) : ("accent" as const), figures: points }] : [];
      });
    }),
    national: figures.rows.flatMap((row) => (row.national ? [{ ...row.national, year: row.year, framework: row.framework?.shortName }] : [])),
  });
}
