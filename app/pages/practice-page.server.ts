import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import type { QuestionFormResult } from "~/components/practices/practice-questions";
import { currentUser, requireUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { readFormToken } from "~/modules/forms/form-token";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { serverPageMeta } from "~/modules/http/page-meta.server";
import { appUrl, canonicalUrl } from "~/modules/http/app-url.server";
import { practiceJsonLd, practiceShare } from "~/components/share/share-cards.server";
import { getAdoptedFrom, listAdoptersOf } from "~/modules/practices/adoptions.server";
import { questionFormSchema } from "~/modules/practices/question-form.server";
import { parseQuestionsView } from "~/modules/practices/questions";
import { answerQuestion, askQuestion, listQuestionPage, setPostHidden } from "~/modules/practices/questions.server";
import { canSeeWorkingCopy, getPracticeMeta, getPracticeRegion, getRevision, practiceFromParams, visibleContact } from "~/modules/practices/index.server";
import { isPublic } from "~/modules/practices/workflow";
import { presentRevision } from "~/modules/practices/practice-view.server";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

/*
 * The practice page's server side (praktik.$id.tsx) in one module: the route imports only this,
 * so its browser build gets one empty stand-in for server code instead of one per module.
 */

export async function practicePageData({ request, context, params }: LoaderFunctionArgs) {
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

export async function practicePageAction({ request, context, params }: ActionFunctionArgs) {
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
