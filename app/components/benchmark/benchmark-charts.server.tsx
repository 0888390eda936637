import type { HistoryRow } from "~/components/benchmark/figure-history";
import { drawFigureTrend, drawGovernmentTrend } from "~/components/benchmark/figure-trend.server";
import { groupLabel } from "~/modules/benchmark/peers";
import { drawGroupedBarChart, type BarSeries } from "~/components/charts/bar-chart.server";
import { SERIES_TONES } from "~/components/charts/chart-style.server";
import type { compareRegions } from "~/modules/benchmark/compare.server";
import type { FigureKind } from "~/modules/benchmark/figure-kinds";
import type { getIndicatorPage } from "~/modules/benchmark/indicator.server";
import type { getRegionBenchmark } from "~/modules/benchmark/region-benchmark.server";
import type { ServerTranslator } from "~/modules/i18n/translator";

/*
 * The charts of the benchmark pages, drawn in their loaders (charts are drawn on the server only;
 * see ChartFrame). Each page's charts have ids unique on that page.
 */

type RegionBenchmark = NonNullable<Awaited<ReturnType<typeof getRegionBenchmark>>>;
type Comparison = NonNullable<Awaited<ReturnType<typeof compareRegions>>>;
type IndicatorPage = NonNullable<Awaited<ReturnType<typeof getIndicatorPage>>>;

/** Labels and formats shared by the index bar charts (values 0–5 with the index's decimals). */
function indexBarText({ t, formatIndex }: ServerTranslator) {
  return {
    valueDomain: [0, 5] as [number, number],
    valueLabel: t("region.index"),
    formatValue: (value: number) => formatIndex(value),
    tableLabel: t("charts.showTable"),
    noDataLabel: t("charts.noData"),
  };
}

/**
 * /daerah/:code/benchmark: the region's trend under every framework (`history`, one series per
 * framework), and its profile against its peer group: one chart per level of the chosen
 * framework's tree (SPBE 2020: domains, then aspects; Pemdi 2026: aspects).
 */
export function drawRegionBenchmarkCharts(translator: ServerTranslator, benchmark: RegionBenchmark, history: { kinds: readonly FigureKind[]; rows: readonly HistoryRow[] }) {
  const { t } = translator;
  const { region, profile } = benchmark;
  const trend = drawGovernmentTrend(translator, region.name, history);
  if (!profile) return { trend, profile: [] };
  const kindName = t(`figures.kind.${profile.kind}`);
  const description = t("regionBenchmark.profileDescription", { group: benchmark.selected ? groupLabel(t, benchmark.selected) : "" });
  const levels = [...new Set(profile.nodes.map((node) => node.kind))];
  return {
    trend,
    profile: levels.map((level) => {
      const nodes = profile.nodes.filter((node) => node.kind === level);
      const series: BarSeries[] = [
        { name: `${region.name} (${kindName})`, values: nodes.map((node) => node.mine), tone: "primary", kind: profile.kind },
        { name: t("regionBenchmark.groupAverage", { kind: kindName }), values: nodes.map((node) => node.average), tone: "muted", kind: profile.kind },
        { name: t("regionBenchmark.groupBest", { kind: kindName }), values: nodes.map((node) => node.best), tone: "accent", kind: profile.kind },
      ];
      const categoryLabel = t(`regionBenchmark.${level}`);
      return drawGroupedBarChart({ id: `${level}s`, title: t(`regionBenchmark.${level}sChart`), description, categories: nodes.map((node) => node.name), series, categoryLabel, ...indexBarText(translator) });
    }),
  };
}

/** /bandingkan: the compared regions' trends and their domains, one colour per region. */
export function drawComparisonCharts(translator: ServerTranslator, comparison: Comparison) {
  const { t } = translator;
  const { regions, year } = comparison;
  const toneOf = (index: number) => SERIES_TONES[index % SERIES_TONES.length];
  const domains = comparison.groups.filter((group) => group.topLevel);
  return {
    trend: drawFigureTrend(translator, {
      id: "trend",
      title: t("compare.trendChart"),
      description: t("compare.trendDescription"),
      years: comparison.years,
      series: regions.flatMap((region, index) =>
        comparison.kindsShown.flatMap((kind) => {
          const figures = region.trend[kind] ?? [];
          return figures.length > 0 ? [{ name: region.name, kind, tone: toneOf(index), figures }] : [];
        }),
      ),
    }),
    domains: drawGroupedBarChart({
      id: "domains",
      title: t("compare.domainsChart"),
      description: t("compare.domainsDescription", { year: year ?? "—" }),
      categories: domains.map((domain) => domain.name),
      series: regions.map((region, index) => ({
        name: region.levelsKind ? `${region.name} (${t(`figures.kind.${region.levelsKind}`)})` : region.name,
        values: domains.map((domain) => domain.values[index] ?? null),
        tone: toneOf(index),
        kind: region.levelsKind ?? undefined,
      })),
      categoryLabel: t(domains[0]?.kind === "aspect" ? "regionBenchmark.aspect" : "regionBenchmark.domain"),
      ...indexBarText(translator),
    }),
  };
}

/** /indikator/:number: how many regions reached each level, for one kind of levels (one spread). */
export function drawIndicatorDistribution({ t, formatNumber }: ServerTranslator, levels: IndicatorPage["levels"], spread: IndicatorPage["spreads"][number]) {
  return drawGroupedBarChart({
    id: `distribution-${spread.kind}`,
    title: t("indicator.distributionChart"),
    description: t("indicator.distributionDescription", { count: spread.assessed, year: spread.year }),
    categories: levels.map((level) => `${t("benchmark.level", { level: level.level })} — ${level.name}`),
    series: [{ name: `${t("indicator.regions")} (${t(`figures.kind.${spread.kind}`)})`, values: spread.distribution, tone: "primary", kind: spread.kind }],
    valueDomain: [0, Math.max(1, ...spread.distribution)],
    categoryLabel: t("indicator.level"),
    valueLabel: t("indicator.regions"),
    formatValue: (value) => formatNumber(value),
    tableLabel: t("charts.showTable"),
    noDataLabel: t("charts.noData"),
  });
}
