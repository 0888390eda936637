import type { ServerTranslator } from "../i18n/translator";
import { type ExportTable, exportLabels } from "../spreadsheets/export.server";
import { listPublishedPractices } from "./practice-list.server";
import type { PracticeListQuery } from "./practice-query";

/** At most what one download holds: every published practice, with room to grow. */
const DOWNLOAD_LIMIT = 10_000;

/**
 * The public practice list with the page's filters and order, every page of it: published
 * practices only, and nothing about people (no contact person, no author) — what the cards show,
 * with the link to each practice.
 */
export async function practiceListExportTable(query: PracticeListQuery, urls: { list: string; practice: (id: number) => string }, translator: ServerTranslator): Promise<ExportTable> {
  const { t } = translator;
  const { practices } = await listPublishedPractices({ ...query, page: 1 }, DOWNLOAD_LIMIT);
  return {
    name: "praktik-baik",
    columns: [
      { header: t("downloads.practiceId"), description: t("downloads.practiceIdHelp"), type: "integer" },
      { header: t("downloads.practiceTitle"), description: t("downloads.practiceTitleHelp"), type: "text" },
      { header: t("downloads.practiceSummary"), description: t("downloads.practiceSummaryHelp"), type: "text" },
      { header: t("exports.rankings.code"), description: t("exports.rankings.codeHelp"), type: "text" },
      { header: t("exports.rankings.region"), description: t("exports.rankings.regionHelp"), type: "text" },
      { header: t("exports.rankings.province"), description: t("exports.rankings.provinceHelp"), type: "text" },
      { header: t("downloads.practiceStage"), description: t("downloads.practiceStageHelp"), type: "text" },
      { header: t("downloads.practiceTags"), description: t("downloads.practiceTagsHelp"), type: "text" },
      { header: t("downloads.practicePublished"), description: t("downloads.practicePublishedHelp"), type: "text" },
      { header: t("downloads.practiceAdoptions"), description: t("downloads.practiceAdoptionsHelp"), type: "integer" },
      { header: t("downloads.practiceCompiled"), description: t("downloads.practiceCompiledHelp"), type: "text" },
      { header: t("downloads.practiceLink"), description: t("downloads.practiceLinkHelp"), type: "text" },
    ],
    rows: practices.map((practice) => [
      practice.id,
      practice.title,
      practice.summary,
      practice.regionCode,
      practice.regionName,
      practice.provinceName,
      t(`practiceStage.${practice.stage}`),
      practice.tags.join(", "),
      practice.publishedAt ? practice.publishedAt.toISOString().slice(0, 10) : "",
      practice.adoptionCount,
      practice.compiledFromPublicSources ? t("downloads.yes") : t("downloads.no"),
      urls.practice(practice.id),
    ]),
    sources: [{ citation: t("downloads.practiceSource"), url: urls.list, usedFor: t("downloads.practiceSourceUsedFor") }],
    labels: exportLabels(t),
  };
}
