import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocalizedText } from "~/components/practices/localized-text";
import { PracticeContentView, PracticeFacts } from "~/components/practices/practice-content";
import { PracticeQuestions, type QuestionFormResult } from "~/components/practices/practice-questions";
import { PracticeStateBadge } from "~/components/practices/state-badge";
import { Alert } from "~/components/ui/form-base";
import { Badge } from "~/components/ui/badge";
import { currentUser, requireUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { readFormToken } from "~/modules/forms/form-token";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { loaderMeta } from "~/modules/http/loader-meta";
import { serverPageMeta } from "~/modules/http/page-meta.server";
import { useTranslator } from "~/modules/i18n/use-translator";
import { appUrl, canonicalUrl } from "~/modules/http/app-url.server";
import { practiceJsonLd, practiceShare } from "~/components/share/share-cards.server";
import { ShareLinks } from "~/components/share/share-links";
import { getAdoptedFrom, listAdoptersOf } from "~/modules/practices/adoptions.server";
import { questionFormSchema } from "~/modules/practices/question-form.server";
import { parseQuestionsView } from "~/modules/practices/questions";
import { answerQuestion, askQuestion, listQuestionPage, setPostHidden } from "~/modules/practices/questions.server";
import {
  canSeeWorkingCopy,
  getPracticeMeta,
  getPracticeRegion,
  getRevision,
  practiceFromParams,
  visibleContact,
} from "~/modules/practices/index.server";
import { isPublic } from "~/modules/practices/workflow";
import { presentRevision } from "~/modules/practices/practice-view.server";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = loaderMeta;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const practice = await practiceFromParams(params.id);
  const user = await currentUser(request, context);
  const seesWorkingCopy = canSeeWorkingCopy(user, practice);
  const published = isPublic(practice);
  // Unpublished practices exist only for their region's editors and curators.
  if (!published && !seesWorkingCopy) throw new Response(null, { status: user ? 403 : 404 });
  const revision = await getRevision(published ? practice.publishedRevisionId! : practice.latestRevisionId);
  if (!revision) throw new Response(null, { status: 404 });
  const questionsView = parseQuestionsView(requestQuery(request));
  const [presented, contact, region, practiceMeta, adoptedFrom, adopters, questions, translator] = await Promise.all([
    presentRevision(revision),
    visibleContact(user, practice, revision.contact),
    getPracticeRegion(practice.regionCode),
    getPracticeMeta(practice.id),
    getAdoptedFrom(practice.id),
    published ? listAdoptersOf(practice.id) : [],
    published ? listQuestionPage(practice.id, user, questionsView) : { total: 0, questions: [] },
    translatorForRequest(request),
  ]);
  const title = translator.locale === "en" && revision.titleEn ? revision.titleEn : revision.title;
  // Only a published practice is shared: a draft has no preview image and is not for search engines.
  const share = published ? practiceShare(translator, practice, revision, region!) : null;
  const url = canonicalUrl(request);
  const meta = await serverPageMeta(request, {
    title,
    ...(share && {
      description: share.description,
      image: share.image,
      type: "article" as const,
      jsonLd: practiceJsonLd({ url, title, description: share.description, locale: translator.locale, practice: practiceMeta!, region: { name: region!.name, url: appUrl(request, `/daerah/${region!.code}`) } }),
    }),
  });
  return {
    title,
    meta,
    share: share && { url },
    practice: {
      id: practice.id,
      state: practice.state,
      published,
      hasNewerRevision: published && practice.latestRevisionId !== practice.publishedRevisionId,
      ...practiceMeta!,
    },
    revision: presented,
    contact,
    region: region!,
    adoptedFrom,
    adopters,
    questions,
    questionsView,
    viewer: {
      signedIn: user !== null,
      seesWorkingCopy,
      canWrite: can(user, { action: "practice.write", regionCode: practice.regionCode }),
      canAsk: can(user, { action: "practice.ask" }),
      canAnswer: can(user, { action: "practice.answer", regionCode: practice.regionCode }),
      canModerate: can(user, { action: "practice.moderate" }),
      canRequestVisit: published && can(user, { action: "visit.request", hostRegionCode: practice.regionCode }),
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const practice = await practiceFromParams(params.id);
  const user = await requireUser(request, context);
  const form = await readForm(request);
  const parsed = parseForm(questionFormSchema, form);
  if (!parsed.ok) return data(parsed satisfies QuestionFormResult, { status: 400 });
  const input = parsed.data;
  await requireWithinLimit(context, input.intent === "ask" ? "question" : input.intent === "answer" ? "answer" : "curation", user.id);
  const result =
    input.intent === "ask"
      ? await askQuestion({ practiceId: practice.id, body: input.body, actor: user, ip: context.clientIp, formToken: readFormToken(form) })
      : input.intent === "answer"
        ? await answerQuestion({ practiceId: practice.id, questionId: input.questionId, body: input.body, actor: user, formToken: readFormToken(form) })
        : await setPostHidden({ practiceId: practice.id, postId: input.postId, hidden: input.intent === "hide", actor: user, ip: context.clientIp });
  if (!result.ok) throw new Response(null, { status: result.reason === "forbidden" ? 403 : 404 });
  return redirect(`/praktik/${practice.id}?terkirim=${input.intent}#tanya-jawab`);
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
