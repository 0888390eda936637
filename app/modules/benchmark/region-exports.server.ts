import type { FrameworkSummary } from "../frameworks/index.server";
import type { ServerTranslator } from "../i18n/translator";
import { type ExportCell, type ExportColumn, type ExportTable, exportLabels } from "../spreadsheets/export.server";
import type { Figure, FigureNote } from "./benchmark-data.server";
import { disputedText, frameworkCells, frameworkColumns, notesText, SourceList, sourcesText } from "./figure-export.server";
import type { FigureKind } from "./figure-kinds";
import { groupLabel } from "./peers";
import type { getRegionBenchmark } from "./region-benchmark.server";
import type { getGovernmentHistory } from "./region-figures.server";

type RegionBenchmark = NonNullable<Awaited<ReturnType<typeof getRegionBenchmark>>>;
type GovernmentHistory = Awaited<ReturnType<typeof getGovernmentHistory>>;
type ShownFigure = Pick<Figure, "kind" | "year" | "value" | "published" | "source" | "disputed"> & { predikat?: string | null; notes?: FigureNote[] };

/** The columns every figure row ends with: kind, predikat, disputed values, sources, the region's notes. */
function figureColumns(t: ServerTranslator["t"], framework: Pick<FrameworkSummary, "shortName">): ExportColumn[] {
  return [
    { header: t("exports.rankings.kind"), description: t("downloads.kindHelp"), type: "text" },
    { header: t("exports.rankings.predikat"), description: t("exports.rankings.predikatHelp", { framework: framework.shortName }), type: "text" },
    { header: t("exports.rankings.disputed"), description: t("exports.rankings.disputedHelp"), type: "text" },
    { header: t("exports.rankings.sources"), description: t("exports.rankings.sourcesHelp"), type: "text" },
    { header: t("exports.rankings.notes"), description: t("exports.rankings.notesHelp"), type: "text" },
  ];
}

function figureCells(figure: ShownFigure | null, kind: FigureKind | null, translator: ServerTranslator): ExportCell[] {
  return [
    kind ? translator.t(`figures.kind.${kind}`) : "",
    figure?.predikat ?? "",
    figure ? disputedText(figure, translator) : "",
    figure ? sourcesText(figure) : "",
    notesText(figure?.notes ?? [], translator),
  ];
}

/**
 * The region benchmark page's figures, section by section in the page's order: the latest
 * official index and the latest of each other kind, the ranks in each peer group (official
 * figures of the chosen year), the profile against the chosen group (one kind of levels, one
 * year) and the strongest and weakest indicators.
 */
export function regionBenchmarkExportTable(benchmark: RegionBenchmark, framework: FrameworkSummary, translator: ServerTranslator): ExportTable {
  const { t } = translator;
  const { region, profile, year } = benchmark;
  const sources = new SourceList();
  const row = (
    section: string,
    measure: string,
    figure: ShownFigure | null,
    kind: FigureKind | null,
    values: { year?: number | null; group?: string; value?: number | null; level?: number | null; rank?: number | null; withData?: number | null; average?: number | null; best?: number | null },
  ): ExportCell[] => {
    sources.add(figure, measure);
    return [
      section,
      measure,
      values.group ?? "",
      values.year ?? figure?.year ?? null,
      values.value ?? null,
      values.level ?? null,
      values.rank ?? null,
      values.withData ?? null,
      values.average ?? null,
      values.best ?? null,
      ...figureCells(figure, kind, translator),
      ...frameworkCells(framework, t),
    ];
  };
  const latest = [benchmark.headline, ...benchmark.beside].flatMap((figure) => (figure ? [row(t("downloads.benchmarkLatest"), t(`figures.kind.${figure.kind}`), figure, figure.kind, { value: figure.value })] : []));
  const ranks = benchmark.ranks.map((rank) =>
    row(t("regionBenchmark.ranks", { year: year ?? "" }), groupLabel(t, rank), benchmark.official, "official", { group: groupLabel(t, rank), year, value: benchmark.official?.value, rank: rank.rank, withData: rank.withData }),
  );
  const group = benchmark.selected ? groupLabel(t, benchmark.selected) : "";
  const levels = profile ? { kind: profile.kind, year: profile.year, value: null, published: [], source: profile.source, disputed: false } : null;
  const profileRows = profile
    ? profile.nodes.map((node) => row(t("regionBenchmark.profile"), node.name, levels, profile.kind, { group, value: node.mine, average: node.average, best: node.best }))
    : [];
  const indicatorRows = (["strongest", "weakest"] as const).flatMap((key) =>
    benchmark[key].map((indicator) => row(t(`regionBenchmark.${key}`), `${indicator.number}. ${indicator.name}`, levels, profile?.kind ?? null, { level: indicator.level })),
  );
  return {
    name: `benchmark-${region.code}-${framework.slug}-${year ?? "tanpa-tahun"}`,
    columns: [
      { header: t("downloads.section"), description: t("downloads.sectionHelp"), type: "text" },
      { header: t("downloads.measure"), description: t("downloads.benchmarkMeasureHelp", { region: region.name }), type: "text" },
      { header: t("downloads.group"), description: t("downloads.groupHelp"), type: "text" },
      { header: t("exports.rankings.year"), description: t("exports.rankings.yearHelp"), type: "integer" },
      { header: t("downloads.value"), description: t("downloads.valueHelp", { framework: framework.name }), type: "decimal", decimals: framework.decimals },
      { header: t("downloads.level"), description: t("downloads.levelHelp"), type: "integer" },
      { header: t("exports.rankings.rank"), description: t("downloads.groupRankHelp"), type: "integer" },
      { header: t("downloads.withData"), description: t("downloads.withDataHelp"), type: "integer" },
      { header: t("downloads.groupAverage"), description: t("downloads.groupAverageHelp"), type: "decimal", decimals: framework.decimals },
      { header: t("downloads.groupBest"), description: t("downloads.groupBestHelp"), type: "decimal", decimals: framework.decimals },
      ...figureColumns(t, framework),
      ...frameworkColumns(t),
    ],
    rows: [...latest, ...ranks, ...profileRows, ...indicatorRows],
    sources: sources.list(),
    labels: exportLabels(t),
  };
}

/**
 * The history table of a region's page, newest row first as shown: one row per figure (every
 * kind in its own row, official first), each naming its framework — a history may span SPBE
 * 2020 and Indeks Pemdi, which are never read as one series — with the national index beside.
 */
export function regionHistoryExportTable(regionCode: string, history: GovernmentHistory, frameworks: readonly FrameworkSummary[], translator: ServerTranslator): ExportTable {
  const { t } = translator;
  const sources = new SourceList();
  const kindsShown: FigureKind[] = ["official", ...history.kinds.filter((kind) => kind !== "official")];
  const rows = [...history.rows].reverse().flatMap((historyRow) => {
    const framework = frameworks.find((candidate) => candidate.slug === historyRow.framework.slug)!;
    return kindsShown.flatMap((kind) => {
      const figure = historyRow.figures[kind];
      if (!figure) return [];
      sources.add(figure, `${historyRow.year} ${t(`figures.kind.${kind}`)}`);
      if (historyRow.national) sources.add(historyRow.national, `${historyRow.year} ${t("figures.nationalIndex")}`);
      return [[historyRow.year, figure.value, ...figureCells(figure, kind, translator), historyRow.national?.value ?? null, historyRow.national ? sourcesText(historyRow.national) : "", ...frameworkCells(framework, t)]];
    });
  });
  return {
    name: `riwayat-${regionCode}`,
    columns: [
      { header: t("exports.rankings.year"), description: t("exports.rankings.yearHelp"), type: "integer" },
      { header: t("exports.rankings.index"), description: t("downloads.historyIndexHelp"), type: "decimal", decimals: 2 },
      ...figureColumns(t, { shortName: t("downloads.rowFramework") }),
      { header: t("downloads.national"), description: t("downloads.nationalHelp"), type: "decimal", decimals: 2 },
      { header: t("downloads.nationalSources"), description: t("exports.rankings.sourcesHelp"), type: "text" },
      ...frameworkColumns(t),
    ],
    rows,
    sources: sources.list(),
    labels: exportLabels(t),
  };
}
