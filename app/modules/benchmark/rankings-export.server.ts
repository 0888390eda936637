import type { FrameworkSummary } from "../frameworks/index.server";
import type { ServerTranslator } from "../i18n/translator";
import { type ExportTable, exportLabels } from "../spreadsheets/export.server";
import type { FigureNote, Figure } from "./benchmark-data.server";
import type { RankingQuery } from "./rankings";
import type { computeRankings } from "./rankings.server";

type Rankings = ReturnType<typeof computeRankings>;

function sourcesText(figure: Figure): string {
  const sources = figure.published.length > 0 ? figure.published.map((entry) => entry.source) : figure.source ? [figure.source] : [];
  return sources.map((source) => [source.decree, source.url ?? source.citation].filter(Boolean).join(", ")).join(" | ");
}

function notesText(notes: readonly FigureNote[], translator: ServerTranslator): string {
  return notes.map((note) => `${note.body} ${translator.t("figures.noteSignature", { name: note.authorName, date: translator.formatDate(note.createdAt) })}`).join(" | ");
}

/**
 * The rankings exactly as the page shows them — same framework, kind, filters and order, disputed
 * figures after the ranked ones — as one table, every value with its framework (name, version,
 * source status), kind, source and the region's note.
 */
export function rankingsExportTable(rankings: Rankings, query: RankingQuery, framework: FrameworkSummary, translator: ServerTranslator): ExportTable {
  const { t } = translator;
  const { decimals } = framework;
  const kind = t(`figures.kind.${query.kind}`);
  const status = t(framework.sourceStatus === "secondary_sources" ? "frameworkViews.exportStatusSecondary" : "frameworkViews.exportStatusOfficial");
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
    entry.figure.disputed ? entry.figure.published.map((value) => `${translator.formatIndex(value.value, value.decimals)} (${value.source.url ?? value.source.citation})`).join(" | ") : "",
    sourcesText(entry.figure),
    notesText(entry.notes, translator),
    framework.name,
    framework.version,
    status,
  ];
  const sources = new Map<string, { citation: string; url: string | null; usedFor: string }>();
  for (const entry of [...rankings.rows.map((ranked) => ranked.candidate), ...rankings.disputed]) {
    const figureSources = entry.figure.published.length > 0 ? entry.figure.published.map((value) => value.source) : entry.figure.source ? [entry.figure.source] : [];
    for (const source of figureSources) {
      const key = source.url ?? source.citation;
      const known = sources.get(key);
      sources.set(key, { citation: source.citation, url: source.url, usedFor: known ? `${known.usedFor}, ${entry.name}` : entry.name });
    }
  }
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
      { header: t("frameworkViews.exportFramework"), description: t("frameworkViews.exportFrameworkHelp"), type: "text" },
      { header: t("frameworkViews.exportVersion"), description: t("frameworkViews.exportVersionHelp"), type: "integer" },
      { header: t("frameworkViews.exportStatus"), description: t("frameworkViews.exportStatusHelp"), type: "text" },
    ],
    rows: [...rankings.rows.map(({ candidate, rank, change, percentile }) => row(candidate, { rank, change, percentile })), ...rankings.disputed.map((entry) => row(entry, null))],
    sources: [...sources.values()],
    labels: exportLabels(t),
  };
}
