import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import type { Translator } from "../i18n/translator";
import { renderMarkdown } from "./markdown.server";
import { formatSourceLine } from "./practice-content";
import { diffRevisionTexts } from "./revision-diff";
import type { PracticeRevision } from "./practice-queries.server";

/**
 * A revision ready to show: body rendered, indicators named and linked (practices are tagged with
 * SPBE 2020 indicators, so the link names that framework); ids and storage details left out, and
 * the contact person too: a page adds it only for viewers who may see it (visibleContact).
 */
export async function presentRevision(revision: PracticeRevision) {
  const { indicatorsById } = await getFrameworkTree(SPBE_2020);
  const { id: _id, practiceId: _practiceId, authorId: _authorId, attachmentIds: _attachmentIds, contact: _contact, indicatorIds, body, ...content } = revision;
  return {
    ...content,
    bodyHtml: renderMarkdown(body),
    indicators: indicatorIds
      .map((id) => indicatorsById.get(id))
      .filter((indicator) => indicator !== undefined)
      .sort((a, b) => a.number - b.number)
      .map(({ number, name }) => ({ number, name, href: `/indikator/${number}?kerangka=${SPBE_2020}` })),
  };
}

export type PresentedRevision = Awaited<ReturnType<typeof presentRevision>>;

/** Each field as the reader sees it, so revisions diff the way they are shown. */
async function displayTexts(revision: PracticeRevision, translator: Translator): Promise<Record<string, string>> {
  const { t, formatNumber } = translator;
  const { indicatorsById } = await getFrameworkTree(SPBE_2020);
  const number = (value: number | null) => (value === null ? "—" : formatNumber(value));
  return {
    title: revision.title,
    titleEn: revision.titleEn,
    summary: revision.summary,
    summaryEn: revision.summaryEn,
    body: revision.body.endsWith("\n") ? revision.body : `${revision.body}\n`,
    leadOpd: revision.leadOpd,
    partners: lines(revision.partners),
    contact: revision.contact,
    indicators: lines(
      revision.indicatorIds
        .map((id) => indicatorsById.get(id))
        .filter((indicator) => indicator !== undefined)
        .sort((a, b) => a.number - b.number)
        .map((indicator) => `${indicator.number}. ${indicator.name}`),
    ),
    stage: t(`practiceStage.${revision.stage}`),
    runningStatus: `${t(`runningStatus.${revision.runningStatus}`)} ${revision.stoppedOn ?? ""} ${revision.stoppedReason}`.trim(),
    startedOn: revision.startedOn ?? "",
    implementedOn: revision.implementedOn ?? "",
    metrics: lines(
      revision.metrics.map(
        (metric) =>
          `${metric.name}: ${number(metric.baseline)} (${metric.baselineYear ?? "—"}) → ${number(metric.result)} (${metric.resultYear ?? "—"}) ${metric.unit}`.trim(),
      ),
    ),
    tags: revision.tags.join(", "),
    legalBasis: revision.legalBasis,
    budgetSource: revision.budgetSource,
    lessonsLearned: revision.lessonsLearned,
    replicationNeeds: revision.replicationNeeds,
    sources: lines(revision.sources.map(formatSourceLine)),
    attachments: lines(revision.attachments.map((attachment) => attachment.fileName)),
  };
}

const lines = (items: string[]) => items.map((item) => `${item}\n`).join("");
const LINE_FIELDS = new Set(["body", "partners", "indicators", "metrics", "sources", "attachments", "lessonsLearned", "replicationNeeds"]);

const fieldLabelKeys = {
  title: "practiceForm.title",
  titleEn: "practiceForm.titleEn",
  summary: "practiceForm.summary",
  summaryEn: "practiceForm.summaryEn",
  body: "practiceForm.body",
  leadOpd: "practiceForm.leadOpd",
  partners: "practiceForm.partners",
  contact: "practiceForm.contact",
  indicators: "practiceForm.indicators",
  stage: "practiceForm.stage",
  runningStatus: "practiceForm.runningStatus",
  startedOn: "practiceForm.startedOn",
  implementedOn: "practiceForm.implementedOn",
  metrics: "practiceForm.metrics",
  tags: "practiceForm.tags",
  legalBasis: "practiceForm.legalBasis",
  budgetSource: "practiceForm.budgetSource",
  lessonsLearned: "practiceForm.lessonsLearned",
  replicationNeeds: "practiceForm.replicationNeeds",
  sources: "practiceForm.sources",
  attachments: "attachments.title",
} as const;

/** What changed from one revision to another (everything is new when there is no earlier one). */
export async function diffBetween(before: PracticeRevision | null, after: PracticeRevision, translator: Translator) {
  const changes = diffRevisionTexts(before ? await displayTexts(before, translator) : {}, await displayTexts(after, translator), LINE_FIELDS);
  return changes.map((change) => ({ ...change, label: translator.t(fieldLabelKeys[change.field as keyof typeof fieldLabelKeys]) }));
}

export type RevisionChange = Awaited<ReturnType<typeof diffBetween>>[number];
