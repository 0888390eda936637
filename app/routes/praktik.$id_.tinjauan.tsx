import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { PracticeContentView, PracticeFacts } from "~/components/practices/practice-content";
import { RevisionDiffView } from "~/components/practices/revision-diff-view";
import { PracticeStateBadge } from "~/components/practices/state-badge";
import { Alert, SubmitButton, SubmitForm, TextAreaField } from "~/components/ui/form";
import { Panel } from "~/components/ui/panel";
import { can } from "~/modules/auth/permissions";
import type { FieldErrors } from "~/modules/forms/form-data";
import { readFormToken } from "~/modules/forms/form-token";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { diffBetween, presentRevision } from "~/modules/practices/practice-view.server";
import {
  decideOnPractice,
  getPracticeRegion,
  getRevision,
  listReviewEvents,
  requireWorkingCopy,
  visibleContact,
} from "~/modules/practices/index.server";
import { reviewFormSchema } from "~/modules/practices/review-form.server";
import { decisionNeedsCurator, REVIEW_DECISIONS, stateAfterDecision } from "~/modules/practices/workflow";
import { validationMessage } from "~/modules/forms/validation-message";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** The working copy of a practice: its newest revision, what changed since publication, the conversation, the decisions. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { practice, user } = await requireWorkingCopy(request, context, params.id);
  const translator = await translatorForRequest(request);
  const [latest, published, events, region] = await Promise.all([
    getRevision(practice.latestRevisionId),
    practice.publishedRevisionId && practice.publishedRevisionId !== practice.latestRevisionId ? getRevision(practice.publishedRevisionId) : null,
    listReviewEvents(practice.id),
    getPracticeRegion(practice.regionCode),
  ]);
  if (!latest) throw new Response(null, { status: 404 });
  const position = { state: practice.state, newestIsPublished: practice.publishedRevisionId === practice.latestRevisionId };
  const decisions = REVIEW_DECISIONS.filter(
    (decision) =>
      stateAfterDecision(position, decision) !== null &&
      (decisionNeedsCurator(decision) ? can(user, { action: "practice.review" }) : can(user, { action: "practice.write", regionCode: practice.regionCode })),
  );
  return {
    title: translator.t("review.pageTitle", { title: latest.title }),
    practice: { id: practice.id, state: practice.state, version: practice.version, hasPublished: practice.publishedRevisionId !== null },
    revision: await presentRevision(latest),
    // A curator checks the contact and its consent before publishing.
    contact: await visibleContact(user, practice, latest.contact),
    changesSincePublished: published ? await diffBetween(published, latest, translator) : null,
    region: region!,
    events,
    decisions,
    canWrite: can(user, { action: "practice.write", regionCode: practice.regionCode }),
  };
}

type ActionResult = { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { practice, user } = await requireWorkingCopy(request, context, params.id);
  await requireWithinLimit(context, "practiceEdit", user.id);
  const form = await readForm(request);
  const parsed = parseForm(reviewFormSchema, form);
  if (!parsed.ok) return data(parsed satisfies ActionResult, { status: 400 });
  const { decision, comment, version } = parsed.data;
  const result = await decideOnPractice({ practiceId: practice.id, decision, comment, seenVersion: version, actor: user, ip: context.clientIp, formToken: readFormToken(form) });
  if (result.ok) return redirect(`/praktik/${practice.id}/tinjauan?keputusan=${decision}`);
  if (result.reason === "forbidden") throw new Response(null, { status: 403 });
  const code = result.reason === "conflict" ? "staleReview" : "decisionNotAllowed";
  return data({ ok: false, errors: { form: { code } }, values: { comment } } satisfies ActionResult, { status: 409 });
}

const decisionButtonClass: Record<(typeof REVIEW_DECISIONS)[number], string> = {
  submit: "bg-brand-700 text-white hover:bg-brand-800",
  comment: "bg-white text-brand-800 ring-1 ring-brand-700 hover:bg-brand-50",
  request_changes: "bg-amber-600 text-white hover:bg-amber-700",
  publish: "bg-emerald-700 text-white hover:bg-emerald-800",
  archive: "bg-red-700 text-white hover:bg-red-800",
  restore: "bg-white text-brand-800 ring-1 ring-brand-700 hover:bg-brand-50",
};

export default function PracticeReview() {
  const { practice, revision, contact, changesSincePublished, region, events, decisions, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const translator = useWorkspaceTranslator();
  const { t, formatDate } = translator;
  const decided = searchParams.get("keputusan");
  const saved = searchParams.get("disimpan");

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link to="/praktik/kelola">← {t("workspace.title")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{revision.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-slate-700">
        {t("review.status")}: <PracticeStateBadge state={practice.state} /> · {t("review.revision", { number: practice.version })} ·{" "}
        <Link to={`/praktik/${practice.id}`}>{practice.hasPublished ? t("review.publicPage") : t("review.preview")}</Link> ·{" "}
        <Link to={`/praktik/${practice.id}/riwayat`}>{t("history.title")}</Link>
        {canWrite && practice.state !== "archived" ? (
          <>
            {" · "}
            <Link to={`/praktik/${practice.id}/ubah`}>{t("practice.edit")}</Link> ·{" "}
            <Link to={`/praktik/${practice.id}/lampiran`}>{t("attachments.title")}</Link> ·{" "}
            <Link to={`/praktik/${practice.id}/adopsi`}>{t("adoption.record")}</Link>
          </>
        ) : null}
      </p>
      <div className="mt-4 space-y-3">
        {saved ? <Alert tone="success">{t("review.saved")}</Alert> : null}
        {decided ? <Alert tone="success">{t("review.decided")}</Alert> : null}
        {practice.state === "changes_requested" && canWrite ? <Alert tone="info">{t("review.changesRequestedHelp")}</Alert> : null}
      </div>

      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-8">
          <Panel id="percakapan" title={t("review.conversation")}>
            {events.length === 0 ? <p className="mt-2 text-slate-600">{t("review.noEvents")}</p> : null}
            <ol className="mt-3 space-y-3">
              {events.map((event) => (
                <li key={event.id} className="rounded-md border border-slate-200 p-3">
                  <p className="text-sm text-slate-600">
                    <span className="font-semibold text-slate-800">{t(`review.event.${event.kind}`)}</span> · {event.authorName ?? t("review.system")} ·{" "}
                    {formatDate(event.createdAt)} · {t("review.revision", { number: event.revisionNumber })}
                  </p>
                  {event.body ? <p className="mt-1 whitespace-pre-line">{event.body}</p> : null}
                </li>
              ))}
            </ol>
            {decisions.length > 0 ? (
              <SubmitForm method="post" className="mt-4 space-y-3" resetOnSuccess>
                {result?.errors.form ? <Alert tone="error">{validationMessage(translator, result.errors.form)}</Alert> : null}
                <input type="hidden" name="version" value={practice.version} />
                <TextAreaField
                  name="comment"
                  label={t("review.comment")}
                  hint={t("review.commentHint")}
                  rows={4}
                  defaultValue={result?.values.comment}
                  error={result?.errors.comment}
                />
                <div className="flex flex-wrap gap-2">
                  {decisions.map((decision) => (
                    <SubmitButton key={decision} name="decision" value={decision} className={`rounded-md px-4 py-2 font-semibold ${decisionButtonClass[decision]}`}>
                      {t(`review.decision.${decision}`)}
                    </SubmitButton>
                  ))}
                </div>
              </SubmitForm>
            ) : null}
          </Panel>
          {changesSincePublished ? (
            <Panel id="perubahan" title={t("review.changesSincePublished")}>
              <RevisionDiffView changes={changesSincePublished} />
            </Panel>
          ) : null}
          <section aria-labelledby="isi-heading">
            <h2 id="isi-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
              {t("review.newestRevision")}
            </h2>
            <div className="mt-3">
              <PracticeContentView revision={revision} />
            </div>
          </section>
        </div>
        <aside aria-label={t("practice.facts")}>
          <PracticeFacts revision={revision} region={region} contact={contact} />
        </aside>
      </div>
    </div>
  );
}
