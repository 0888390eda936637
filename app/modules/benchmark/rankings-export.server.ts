import type { FrameworkSummary } from "../frameworks/index.server";
import type { ServerTranslator } from "../i18n/translator";
import { type ExportTable, exportLabels } from "../spreadsheets/export.server";
import type { FigureNote, Figure } from "./benchmark-data.server";
import { disputedText, frameworkCells, frameworkColumns, notesText, SourceList, sourcesText } from "./figure-export.server";
import type { RankingQuery } from "./rankings";
import type { computeRankings } from "./rankings.server";

type Rankings = ReturnType<typeof computeRankings>;

/**
 * The rankings exactly as the page shows them — same framework, kind, filters and order, disputed
 * figures after the ranked ones — as one table, every value with its framework (name, version,
 * source status), kind, source and the region's note.
 */
export function rankingsExportTable(rankings: Rankings, query: RankingQuery, framework: FrameworkSummary, translator: ServerTranslator): ExportTable {
  const { t } = translator;
  const { decimals } = framework;
  const kind = t(`figures.kind.${query.kind}`);
  const row = (
    entry: { code: string; name: string; provinceName: string; figure: Figure; notes: FigureNote[]; predikat: string | null },
    ranked: { rank: number; change: number | null; percentile: number } | null,
  ) => [
    ranked?.rank ?? null,
    entry.code,
    entry.name,
    entry.provinceName,
    query.year,
    kind,
    entry.figure.value,
    entry.predikat ?? "",
    ranked?.change ?? null,
    ranked?.percentile ?? null,
    disputedText(entry.figure, translator),
    sourcesText(entry.figure),
    notesText(entry.notes, translator),
    ...frameworkCells(framework, t),
  ];
  const sources = new SourceList();
  for (const entry of [...rankings.rows.map((ranked) => ranked.candidate), ...rankings.disputed]) sources.add(entry.figure, entry.name);
  return {
    name: `peringkat-${framework.slug}-${query.year}`,
    columns: [
      { header: t("exports.rankings.rank"), description: t("exports.rankings.rankHelp"), type: "integer" },
      { header: t("exports.rankings.code"), description: t("exports.rankings.codeHelp"), type: "text" },
      { header: t("exports.rankings.region"), description: t("exports.rankings.regionHelp"), type: "text" },
      { header: t("exports.rankings.province"), description: t("exports.rankings.provinceHelp"), type: "text" },
      { header: t("exports.rankings.year"), description: t("exports.rankings.yearHelp"), type: "integer" },
      { header: t("exports.rankings.kind"), description: t("exports.rankings.kindHelp"), type: "text" },
      { header: t("exports.rankings.index"), description: t("exports.rankings.indexHelp", { framework: framework.name }), type: "decimal", decimals },
      { header: t("exports.rankings.predikat"), description: t("exports.rankings.predikatHelp", { framework: framework.shortName }), type: "text" },
      { header: t("exports.rankings.change", { year: query.year - 1 }), description: t("exports.rankings.changeHelp"), type: "decimal", decimals },
      { header: t("exports.rankings.percentile"), description: t("exports.rankings.percentileHelp"), type: "integer" },
      { header: t("exports.rankings.disputed"), description: t("exports.rankings.disputedHelp"), type: "text" },
      { header: t("exports.rankings.sources"), description: t("exports.rankings.sourcesHelp"), type: "text" },
      { header: t("exports.rankings.notes"), description: t("exports.rankings.notesHelp"), type: "text" },
      ...frameworkColumns(t),
    ],
    rows: [...rankings.rows.map(({ candidate, rank, change, percentile }) => row(candidate, { rank, change, percentile })), ...rankings.disputed.map((entry) => row(entry, null))],
    sources: sources.list(),
    labels: exportLabels(t),
  };
}
