import type { FrameworkSummary } from "../frameworks/index.server";
import type { ServerTranslator } from "../i18n/translator";
import { type ExportCell, type ExportTable, exportLabels } from "../spreadsheets/export.server";
import type { Figure, FigureNote } from "./benchmark-data.server";
import type { compareRegions } from "./compare.server";
import { disputedText, frameworkCells, frameworkColumns, notesText, SourceList, sourcesText } from "./figure-export.server";
import type { FigureKind } from "./figure-kinds";

type Comparison = NonNullable<Awaited<ReturnType<typeof compareRegions>>>;

/**
 * The comparison table as the page shows it, one row per cell: each measure of the page (the
 * official index, the other kinds, then every domain/aspect and indicator) in the page's order,
 * and within it each region in the order chosen. Every value carries its kind and source: the
 * index rows their own figure's, the level rows the levels they were computed from.
 */
export function compareExportTable(comparison: Comparison, framework: FrameworkSummary, translator: ServerTranslator): ExportTable {
  const { t } = translator;
  const { regions, year } = comparison;
  const sources = new SourceList();
  const kindName = (kind: FigureKind | null) => (kind ? t(`figures.kind.${kind}`) : "");
  const row = (
    measure: string,
    region: Comparison["regions"][number],
    kind: FigureKind | null,
    cell: { value?: number | null; level?: number | null; predikat?: string | null; figure: Pick<Figure, "published" | "source" | "disputed"> | null; notes?: FigureNote[] },
  ): ExportCell[] => {
    sources.add(cell.figure, region.name);
    return [
      measure,
      region.code,
      region.name,
      region.provinceName,
      year,
      cell.figure || cell.value != null || cell.level != null ? kindName(kind) : "",
      cell.value ?? null,
      cell.level ?? null,
      cell.predikat ?? "",
      cell.figure ? disputedText(cell.figure, translator) : "",
      cell.figure ? sourcesText(cell.figure) : "",
      notesText(cell.notes ?? [], translator),
      ...frameworkCells(framework, t),
    ];
  };
  const levelsOf = (region: Comparison["regions"][number]) => (region.levelsKind ? { published: [], source: region.levelsSource, disputed: false } : null);
  const rows = [
    ...regions.map((region) => row(t("compare.officialIndex"), region, "official", { value: region.official?.value, predikat: region.predikat, figure: region.official, notes: region.notes })),
    ...comparison.kindsShown
      .filter((kind) => kind !== "official")
      .flatMap((kind) =>
        regions.map((region) => {
          const figure = region.others.find((other) => other.kind === kind) ?? null;
          return row(t(`figures.kind.${kind}`), region, kind, { value: figure?.value, figure });
        }),
      ),
    ...comparison.groups.flatMap((group) => regions.map((region, index) => row(group.name, region, region.levelsKind, { value: group.values[index], figure: levelsOf(region) }))),
    ...comparison.indicators.flatMap((indicator) =>
      regions.map((region, index) => row(`${indicator.number}. ${indicator.name}`, region, region.levelsKind, { level: indicator.levels[index], figure: levelsOf(region) })),
    ),
  ];
  return {
    name: `bandingkan-${framework.slug}-${year ?? "tanpa-tahun"}`,
    columns: [
      { header: t("downloads.measure"), description: t("downloads.compareMeasureHelp"), type: "text" },
      { header: t("exports.rankings.code"), description: t("exports.rankings.codeHelp"), type: "text" },
      { header: t("exports.rankings.region"), description: t("exports.rankings.regionHelp"), type: "text" },
      { header: t("exports.rankings.province"), description: t("exports.rankings.provinceHelp"), type: "text" },
      { header: t("exports.rankings.year"), description: t("exports.rankings.yearHelp"), type: "integer" },
      { header: t("exports.rankings.kind"), description: t("downloads.kindHelp"), type: "text" },
      { header: t("downloads.value"), description: t("downloads.valueHelp", { framework: framework.name }), type: "decimal", decimals: framework.decimals },
      { header: t("downloads.level"), description: t("downloads.levelHelp"), type: "integer" },
      { header: t("exports.rankings.predikat"), description: t("exports.rankings.predikatHelp", { framework: framework.shortName }), type: "text" },
      { header: t("exports.rankings.disputed"), description: t("exports.rankings.disputedHelp"), type: "text" },
      { header: t("exports.rankings.sources"), description: t("exports.rankings.sourcesHelp"), type: "text" },
      { header: t("exports.rankings.notes"), description: t("exports.rankings.notesHelp"), type: "text" },
      ...frameworkColumns(t),
    ],
    rows,
    sources: sources.list(),
    labels: exportLabels(t),
  };
}
