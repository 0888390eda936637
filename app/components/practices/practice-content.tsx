import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { SourceLink } from "~/components/source-link";
import { Badge } from "~/components/ui/badge";
import { DataTable } from "~/components/ui/data-table";
import { useTranslator } from "~/modules/i18n/use-translator";
import type { VisibleContact } from "~/modules/practices/contact";
import type { PresentedRevision } from "~/modules/practices/practice-view.server";
import { AttachmentList } from "./attachment-list";
import { useLocalizedText } from "./localized-text";

/** The body of a practice page: summary, Markdown body, results, lessons, evidence, sources. */
export function PracticeContentView({ revision }: { revision: Omit<PresentedRevision, "createdAt"> }) {
  const { t, formatNumber } = useTranslator();
  const localized = useLocalizedText();
  const summary = localized(revision.summary, revision.summaryEn);
  const value = (number: number | null, unit: string) => (number === null ? "—" : `${formatNumber(number)}${unit ? ` ${unit}` : ""}`);
  return (
    <div className="space-y-8">
      <p lang={summary.lang} className="text-lg text-slate-800">
        {summary.text}
      </p>
      {/* markdown-it output: raw HTML off, unsafe links refused (markdown.server.ts). */}
      <div lang="id" className="prose-practice" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
      {revision.metrics.length > 0 ? (
        <ContentSection id="hasil" title={t("practice.metrics")}>
          <DataTable
            density="compact"
            rows={revision.metrics}
            rowKey={(_metric, index) => index}
            columns={[
              { id: "name", header: t("practiceForm.metric.name"), rowHeader: true, cellClassName: "font-medium", cell: (metric) => metric.name },
              {
                id: "before",
                header: t("practice.before"),
                align: "end",
                cellClassName: "tabular-nums",
                cell: (metric) => (
                  <>
                    {value(metric.baseline, metric.unit)} {metric.baselineYear ? <span className="text-slate-600">({metric.baselineYear})</span> : null}
                  </>
                ),
              },
              {
                id: "after",
                header: t("practice.after"),
                align: "end",
                cellClassName: "font-semibold tabular-nums",
                cell: (metric) => (
                  <>
                    {value(metric.result, metric.unit)} {metric.resultYear ? <span className="font-normal text-slate-600">({metric.resultYear})</span> : null}
                  </>
                ),
              },
            ]}
          />
        </ContentSection>
      ) : null}
      {revision.lessonsLearned ? (
        <ContentSection id="pelajaran" title={t("practiceForm.lessonsLearned")}>
          <p lang="id" className="whitespace-pre-line">{revision.lessonsLearned}</p>
        </ContentSection>
      ) : null}
      {revision.replicationNeeds ? (
        <ContentSection id="replikasi" title={t("practiceForm.replicationNeeds")}>
          <p lang="id" className="whitespace-pre-line">{revision.replicationNeeds}</p>
        </ContentSection>
      ) : null}
      {revision.attachments.length > 0 ? (
        <ContentSection id="bukti" title={t("attachments.evidence")}>
          <AttachmentList attachments={revision.attachments} />
        </ContentSection>
      ) : null}
      {revision.sources.length > 0 ? (
        <ContentSection id="sumber" title={t("practice.sources")}>
          <ul className="list-disc space-y-1 pl-5">
            {revision.sources.map((source, index) => (
              <li key={index}>
                <SourceLink source={{ citation: source.label || source.url, url: source.url }} />
              </li>
            ))}
          </ul>
        </ContentSection>
      ) : null}
    </div>
  );
}

function ContentSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

/**
 * The side panel: who, where, when, what stage, which SPBE indicators. `contact` only when the
 * viewer may see it; `contactAction` (writing through IDSL) goes beside the lead agency instead.
 */
export function PracticeFacts({
  revision,
  region,
  contact,
  contactAction,
}: {
  revision: Omit<PresentedRevision, "createdAt">;
  region: { code: string; name: string; provinceName: string };
  contact: VisibleContact | null;
  contactAction?: ReactNode;
}) {
  const { t, formatPartialDate } = useTranslator();
  const rows: [string, ReactNode][] = [
    [t("practice.region"), <Link key="region" to={`/daerah/${region.code}`}>{region.name}</Link>],
    [t("practice.province"), region.provinceName],
    [t("practiceForm.leadOpd"), revision.leadOpd],
    [t("practiceForm.partners"), revision.partners.join(", ")],
    [t("practiceForm.contact"), contact ? <ContactPerson key="contact" contact={contact} /> : ""],
    [t("practiceForm.stage"), t(`practiceStage.${revision.stage}`)],
    [
      t("practiceForm.runningStatus"),
      revision.runningStatus === "active"
        ? t("runningStatus.active")
        : `${t("runningStatus.stopped")}${revision.stoppedOn ? ` (${formatPartialDate(revision.stoppedOn)})` : ""}: ${revision.stoppedReason}`,
    ],
    [t("practiceForm.startedOn"), revision.startedOn ? formatPartialDate(revision.startedOn) : ""],
    [t("practiceForm.implementedOn"), revision.implementedOn ? formatPartialDate(revision.implementedOn) : ""],
    [t("practiceForm.legalBasis"), revision.legalBasis],
    [t("practiceForm.budgetSource"), revision.budgetSource],
  ];
  return (
    <div className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 text-sm">
      <dl className="space-y-3">
        {rows
          .filter(([, value]) => value !== "")
          .map(([label, value]) => (
            <div key={label}>
              <dt className="font-semibold text-slate-700">{label}</dt>
              <dd className="mt-0.5">{value}</dd>
            </div>
          ))}
      </dl>
      {contactAction}
      {revision.indicators.length > 0 ? (
        <div>
          <h2 className="font-semibold text-slate-700">{t("practice.indicators")}</h2>
          <ul className="mt-1 space-y-1">
            {revision.indicators.map((indicator) => (
              <li key={indicator.number}>
                <Link to={indicator.href}>
                  {indicator.number}. {indicator.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {revision.tags.length > 0 ? (
        <div>
          <h2 className="font-semibold text-slate-700">{t("practiceForm.tags")}</h2>
          <ul className="mt-1 flex flex-wrap gap-1">
            {revision.tags.map((tag) => (
              <li key={tag}>
                <Link to={`/praktik?tag=${encodeURIComponent(tag)}`} className="no-underline">
                  <Badge tone="brand">{tag}</Badge>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** A contact seen by a signed-in official, marked when its person's consent is not recorded yet. */
function ContactPerson({ contact }: { contact: VisibleContact }) {
  const { t } = useTranslator();
  return (
    <>
      {contact.text}
      <span className="mt-0.5 block text-xs text-slate-600">{contact.consent ? t("contactPrivacy.signedInOnly") : t("contactPrivacy.noConsentYet")}</span>
    </>
  );
}
