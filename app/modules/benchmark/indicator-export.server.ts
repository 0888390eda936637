import type { FrameworkSummary } from "../frameworks/index.server";
import type { ServerTranslator } from "../i18n/translator";
import { type ExportCell, type ExportTable, exportLabels } from "../spreadsheets/export.server";
import { frameworkCells, frameworkColumns, SourceList, sourcesText } from "./figure-export.server";
import type { getIndicatorPage } from "./indicator.server";

type IndicatorPage = NonNullable<Awaited<ReturnType<typeof getIndicatorPage>>>;

/**
 * An indicator page's figures, one kind of levels after the other as the page shows them: how
 * many regions are at each level (with how many have such levels at all), then the regions at
 * the top level in the page's order, each with its index and source.
 */
export function indicatorExportTable(page: IndicatorPage, framework: FrameworkSummary, translator: ServerTranslator): ExportTable {
  const { t } = translator;
  const sources = new SourceList();
  const indicator = `${page.indicator.number}. ${page.indicator.name}`;
  const rows = page.spreads.flatMap((spread) => {
    const kind = t(`figures.kind.${spread.kind}`);
    const cells = (section: string, values: ExportCell[]): ExportCell[] => [section, indicator, spread.year, kind, ...values, ...frameworkCells(framework, t)];
    return [
      ...spread.distribution.map((regions, index) => cells(t("downloads.indicatorDistribution"), [index + 1, regions, spread.assessed, spread.regionCount, "", "", null, ""])),
      ...spread.leaders.map((leader) => {
        sources.add({ published: [], source: leader.source }, leader.name);
        return cells(t("downloads.indicatorLeaders"), [spread.topLevel, null, null, null, leader.code, leader.name, leader.value, sourcesText({ published: [], source: leader.source })]);
      }),
    ];
  });
  return {
    name: `indikator-${framework.slug}-${page.indicator.number}-${page.year ?? "tanpa-tahun"}`,
    columns: [
      { header: t("downloads.section"), description: t("downloads.indicatorSectionHelp"), type: "text" },
      { header: t("downloads.indicator"), description: t("downloads.indicatorHelp", { framework: framework.name }), type: "text" },
      { header: t("exports.rankings.year"), description: t("exports.rankings.yearHelp"), type: "integer" },
      { header: t("exports.rankings.kind"), description: t("downloads.kindHelp"), type: "text" },
      { header: t("downloads.level"), description: t("downloads.levelHelp"), type: "integer" },
      { header: t("downloads.regionsAtLevel"), description: t("downloads.regionsAtLevelHelp"), type: "integer" },
      { header: t("downloads.withData"), description: t("downloads.indicatorWithDataHelp"), type: "integer" },
      { header: t("downloads.regionTotal"), description: t("downloads.regionTotalHelp"), type: "integer" },
      { header: t("exports.rankings.code"), description: t("exports.rankings.codeHelp"), type: "text" },
      { header: t("exports.rankings.region"), description: t("exports.rankings.regionHelp"), type: "text" },
      { header: t("exports.rankings.index"), description: t("downloads.leaderIndexHelp", { framework: framework.name }), type: "decimal", decimals: framework.decimals },
      { header: t("exports.rankings.sources"), description: t("exports.rankings.sourcesHelp"), type: "text" },
      ...frameworkColumns(t),
    ],
    rows,
    sources: sources.list(),
    labels: exportLabels(t),
  };
}
