import type { FigureView } from "~/components/benchmark/figure";
import type { HistoryRow } from "~/components/benchmark/figure-history";
import type { TrendDetail } from "~/components/benchmark/figure-trend";
import type { AverageView } from "~/components/benchmark/published-averages";
import type { DrawnChart } from "~/components/charts/chart-frame";
import type { SeriesTone } from "~/components/charts/chart-style.server";
import { drawLineChart, type LineSeries } from "~/components/charts/line-chart.server";
import type { FigureKind } from "~/modules/benchmark/figure-kinds";
import type { Translator } from "~/modules/i18n/translator";

export interface TrendSeries {
  /** Who the figures are of, e.g. "Kabupaten Sumedang"; the kind is added to the name. */
  name: string;
  kind: FigureKind;
  tone?: SeriesTone;
  figures: readonly (FigureView & { year: number })[];
}

/** Only what the table's detail shows, so loader data does not carry a figure's notes twice. */
function detailOf(figure: FigureView, withValues: boolean): TrendDetail {
  const { kind, value, decimals, disputed, published, source } = figure;
  return { figure: { kind, value, decimals, disputed, published, source }, withValues };
}

/**
 * Index values per year for FigureTrendChart, one line per government and kind of figure (a line
 * never joins two kinds), with the published national index for reference.
 */
export function drawFigureTrend(
  { t, formatIndex }: Translator,
  { id, title, description, years, series, national }: { id: string; title: string; description: string; years: readonly number[]; series: readonly TrendSeries[]; national?: readonly (AverageView & { year: number })[] },
): DrawnChart<TrendDetail> {
  const lines: LineSeries<TrendDetail>[] = series.map((entry) => ({
    name: entry.kind === "official" ? entry.name : `${entry.name} (${t(`figures.kind.${entry.kind}`)})`,
    kind: entry.kind,
    tone: entry.tone,
    points: years.map((year) => {
      const figure = entry.figures.find((candidate) => candidate.year === year);
      if (!figure) return { x: year, y: null };
      return { x: year, y: figure.value, detail: detailOf(figure, figure.value === null) };
    }),
  }));
  if (national && national.length > 0) {
    lines.push({
      name: t("figures.nationalIndex"),
      kind: "official",
      tone: "muted",
      points: years.map((year) => {
        const average = national.find((candidate) => candidate.year === year);
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
  });
}

/** The trend chart of GovernmentFigures: one line per kind of figure of one government. */
export function drawGovernmentTrend(translator: Translator, name: string, figures: { kinds: readonly FigureKind[]; rows: readonly HistoryRow[] }): DrawnChart<TrendDetail> {
  const { t } = translator;
  return drawFigureTrend(translator, {
    id: "trend",
    title: t("regionBenchmark.trendChart", { region: name }),
    description: t("regionBenchmark.trendDescription"),
    years: figures.rows.map((row) => row.year),
    series: figures.kinds.map((kind) => ({ name, kind, tone: "primary", figures: figures.rows.flatMap((row) => (row.figures[kind] ? [{ ...row.figures[kind], year: row.year }] : [])) })),
    national: figures.rows.flatMap((row) => (row.national ? [{ ...row.national, year: row.year }] : [])),
  });
}
