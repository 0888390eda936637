import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { useTranslator } from "~/modules/i18n/use-translator";
import type { PublishedPracticeSummary } from "~/modules/practices/practice-list.server";
import { useLocalizedText } from "./localized-text";

/** One published practice in a list: title, where, stage, summary, adoptions. */
export function PracticeCard({ practice, showRegion = true }: { practice: PublishedPracticeSummary; showRegion?: boolean }) {
  const { t, formatNumber } = useTranslator();
  const localized = useLocalizedText();
  const title = localized(practice.title, practice.titleEn);
  const summary = localized(practice.summary, practice.summaryEn);
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-5">
      <h3 lang={title.lang} className="text-lg font-semibold">
        <Link to={`/praktik/${practice.id}`}>{title.text}</Link>
      </h3>
      {showRegion ? (
        <p className="mt-1 text-sm text-slate-700">
          {practice.regionName} · {practice.provinceName}
        </p>
      ) : null}
      <p lang={summary.lang} className="mt-2 line-clamp-3 text-slate-800">
        {summary.text}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2 text-xs">
        <Badge tone="brand">{t(`practiceStage.${practice.stage}`)}</Badge>
        {practice.compiledFromPublicSources ? <Badge tone="warning">{t("practice.compiled")}</Badge> : null}
        {practice.adoptionCount > 0 ? (
          <Badge tone="success">{t("practices.adoptedCount", { formatted: formatNumber(practice.adoptionCount) })}</Badge>
        ) : null}
      </div>
    </article>
  );
}
