import { FigureSources, FigureValue, type FigureView } from "~/components/benchmark/figure";
import { LineChart, type LineSeries } from "~/components/charts/line-chart";
import type { SeriesTone } from "~/components/charts/chart-style";
import type { FigureKind } from "~/modules/benchmark/figure-kinds";
import { useTranslator } from "~/modules/i18n/use-translator";
import type { AverageView } from "./published-averages";

export interface TrendSeries {
  /** Who the figures are of, e.g. "Kabupaten Sumedang"; the kind is added to the name. */
  name: string;
  kind: FigureKind;
  tone?: SeriesTone;
  figures: readonly (FigureView & { year: number })[];
}

/**
 * Index values per year, one line per government and kind of figure (a line never joins two
 * kinds), with the published national index for reference. The table under the chart gives
 * every value with its sources; disputed values appear there with each source's number.
 */
export function FigureTrendChart({ title, description, years, series, national }: { title: string; description: string; years: readonly number[]; series: readonly TrendSeries[]; national?: readonly (AverageView & { year: number })[] }) {
  const { t, formatIndex } = useTranslator();
  const lines: LineSeries[] = series.map((entry) => ({
    name: entry.kind === "official" ? entry.name : `${entry.name} (${t(`figures.kind.${entry.kind}`)})`,
    kind: entry.kind,
    tone: entry.tone,
    points: years.map((year) => {
      const figure = entry.figures.find((candidate) => candidate.year === year);
      if (!figure) return { x: year, y: null };
      return {
        x: year,
        y: figure.value,
        detail:
          figure.value === null ? (
            <span className="text-xs">
              <FigureValue figure={figure} /> <FigureSources figure={figure} />
            </span>
          ) : (
            <span className="block text-xs font-normal">
              <FigureSources figure={figure} />
            </span>
          ),
      };
    }),
  }));
  if (national && national.length > 0) {
    lines.push({
      name: t("figures.nationalIndex"),
      kind: "official",
      tone: "muted",
      points: years.map((year) => {
        const average = national.find((candidate) => candidate.year === year);
        const figure = average && { ...average, kind: "official" as const, decimals: 2, source: null };
        return {
          x: year,
          y: average?.value ?? null,
          detail: figure ? (
            <span className="block text-xs font-normal">
              <FigureSources figure={figure} />
            </span>
          ) : undefined,
        };
      }),
    });
  }
  return (
    <LineChart
      title={title}
      description={description}
      series={lines}
      yDomain={[0, 5]}
      xLabel={t("rankings.year")}
      yLabel={t("region.index")}
      formatValue={(value) => formatIndex(value)}
      tableLabel={t("charts.showTable")}
      noDataLabel={t("charts.noData")}
    />
  );
}
