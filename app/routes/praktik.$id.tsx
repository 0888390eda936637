import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocalizedText } from "~/components/practices/localized-text";
import { PracticeContentView, PracticeFacts } from "~/components/practices/practice-content";
import { PracticeQuestions, type QuestionFormResult } from "~/components/practices/practice-questions";
import { PracticeStateBadge } from "~/components/practices/state-badge";
import { Alert } from "~/components/ui/form-base";
import { Badge } from "~/components/ui/badge";
import { loaderMeta } from "~/modules/http/loader-meta";
import { useTranslator } from "~/modules/i18n/use-translator";
import { ShareLinks } from "~/components/share/share-links";
import { practicePageData, practicePageAction } from "~/pages/practice-page.server";

export const meta: MetaFunction<typeof loader> = loaderMeta;

export async function loader(args: LoaderFunctionArgs) {
  return practicePageData(args);
}

export async function action(args: ActionFunctionArgs) {
  return practicePageAction(args);
}

export default function PracticePage() {
  const { share, practice, revision, contact, region, adoptedFrom, adopters, questions, questionsView, viewer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as QuestionFormResult | undefined;
  const { t, formatDate } = useTranslator();
  const localized = useLocalizedText();
  const title = localized(revision.title, revision.titleEn);
  return (
    <article className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link to="/praktik">← {t("practices.title")}</Link>
      </p>
      {viewer.seesWorkingCopy && (!practice.published || practice.hasNewerRevision) ? (
        <div className="mt-4">
          <Alert tone="info">
            {practice.published ? t("practice.newerRevision") : t("practice.notPublished")} <PracticeStateBadge state={practice.state} />{" "}
            <Link to={`/praktik/${practice.id}/tinjauan`}>{t("practice.openReview")}</Link>
          </Alert>
        </div>
      ) : null}
      <header className="mt-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="brand">{t(`practiceStage.${revision.stage}`)}</Badge>
          {practice.compiledFromPublicSources ? <Badge tone="warning">{t("practice.compiled")}</Badge> : null}
        </div>
        <h1 lang={title.lang} className="mt-2 text-3xl font-bold">
          {title.text}
        </h1>
        <p className="mt-2 text-slate-700">
          <Link to={`/daerah/${region.code}`} className="underline">
            {region.name}
          </Link>{" "}
          · {region.provinceName}
          {practice.publishedAt ? ` · ${t("practice.publishedOn", { date: formatDate(practice.publishedAt) })}` : null}
        </p>
        {practice.compiledFromPublicSources ? <p className="mt-2 text-sm text-slate-700">{t("practice.compiledNote")}</p> : null}
        <nav aria-label={t("practice.tools")} className="mt-3 flex flex-wrap gap-4 text-sm">
          {viewer.seesWorkingCopy ? <Link to={`/praktik/${practice.id}/riwayat`}>{t("history.title")}</Link> : null}
          {viewer.canWrite ? <Link to={`/praktik/${practice.id}/ubah`}>{t("practice.edit")}</Link> : null}
          {viewer.canWrite ? <Link to={`/praktik/${practice.id}/adopsi`}>{t("adoption.record")}</Link> : null}
          {viewer.seesWorkingCopy ? <Link to={`/praktik/${practice.id}/tinjauan`}>{t("review.title")}</Link> : null}
          {viewer.canRequestVisit ? <Link to={`/kunjungan/baru?praktik=${practice.id}`}>{t("studyVisits.request")}</Link> : null}
        </nav>
        {share ? <ShareLinks url={share.url} title={title.text} className="mt-3" /> : null}
      </header>

      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-10">
          <PracticeContentView revision={revision} />
          <section aria-labelledby="adopsi-heading">
            <h2 id="adopsi-heading" className="text-xl font-bold">{t("adoption.title")}</h2>
            {adoptedFrom ? (
              <p className="mt-2">
                {t("adoption.adoptedFrom")}{" "}
                {adoptedFrom.sourcePracticeId ? (
                  <>
                    <Link to={`/praktik/${adoptedFrom.sourcePracticeId}`}>{adoptedFrom.sourceTitle}</Link> (
                    <Link to={`/daerah/${adoptedFrom.sourceRegionCode}`}>{adoptedFrom.sourceRegionName}</Link>)
                  </>
                ) : (
                  <Link to={`/daerah/${adoptedFrom.sourceRegionCode}`}>{adoptedFrom.sourceRegionName}</Link>
                )}
                {adoptedFrom.note ? <span className="block text-sm text-slate-700">{adoptedFrom.note}</span> : null}
              </p>
            ) : null}
            {adopters.length > 0 ? (
              <div className="mt-2">
                <p>{t("adoption.adoptedBy")}</p>
                <ul className="mt-1 list-disc pl-5">
                  {adopters.map((adopter) => (
                    <li key={adopter.practiceId}>
                      <Link to={`/praktik/${adopter.practiceId}`}>{adopter.title}</Link> —{" "}
                      <Link to={`/daerah/${adopter.regionCode}`}>{adopter.regionName}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {!adoptedFrom && adopters.length === 0 ? <p className="mt-2 text-slate-600">{t("adoption.none")}</p> : null}
            <p className="mt-2 text-sm">
              <Link to="/jaringan-adopsi">{t("network.title")}</Link>
            </p>
          </section>
          {practice.published ? <PracticeQuestions page={questions} view={questionsView} viewer={viewer} result={result} /> : null}
        </div>
        <aside aria-label={t("practice.facts")}>
          <PracticeFacts
            revision={revision}
            region={region}
            contact={contact}
            contactAction={
              practice.published ? (
                <div className="rounded-md bg-slate-50 p-3">
                  <p className="text-slate-700">{t("contactPrivacy.actionLead", { region: region.name })}</p>
                  <Link to={`/praktik/${practice.id}/hubungi`} className="mt-2 inline-block font-semibold">
                    {t("contactPrivacy.action")}
                  </Link>
                </div>
              ) : null
            }
          />
        </aside>
      </div>
    </article>
  );
}
