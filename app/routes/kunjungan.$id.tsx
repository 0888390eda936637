import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert, inputClass, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextAreaField } from "~/components/ui/form";
import { Panel } from "~/components/ui/panel";
import { VisitDateFields } from "~/components/visits/visit-date-fields";
import { useVisitDates, VisitStatusBadge } from "~/components/visits/visit-parts";
import { currentUser, requireUser } from "~/modules/auth/guards.server";
import { type FieldErrors, parseRecordNumber } from "~/modules/forms/form-data";
import { readFormToken } from "~/modules/forms/form-token";
import { validationMessage } from "~/modules/forms/validation-message";
import { readForm } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";
import { availableSteps, isPublicVisit, type VisitStep } from "~/modules/visits";
import { decideOnVisit, getVisit, jakartaToday, listLinkableAdoptions, listVisitorPractices, parseVisitDecision, sidesOf } from "~/modules/visits/index.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

function visitId(params: { id?: string }): number {
  const id = parseRecordNumber(params.id ?? null);
  if (id === null) throw new Response(null, { status: 404 });
  return id;
}

/**
 * A study visit: its public part for accepted and completed visits; for both regions' editors,
 * the requester and Kemendagri also the contact, the history and the steps they may take now.
 * An open request of other regions is a 404, as if it did not exist.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await currentUser(request, context);
  const visit = await getVisit(visitId(params), user);
  if (!visit) throw new Response(null, { status: 404 });
  const steps = visit.request ? availableSteps(visit, sidesOf(user, visit), jakartaToday()) : [];
  const completing = steps.includes("complete");
  const [adoptions, ownPractices, { t }] = await Promise.all([
    completing ? listLinkableAdoptions(visit) : [],
    completing ? listVisitorPractices(visit.visitorRegionCode) : [],
    translatorForRequest(request),
  ]);
  return {
    title: t("studyVisit.title", { visitor: visit.visitorRegionName, host: visit.hostRegionName }),
    visit,
    steps,
    adoptions,
    ownPractices,
    calendar: isPublicVisit(visit),
  };
}

type ActionResult = { step: string; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = visitId(params);
  const user = await requireUser(request, context);
  await requireWithinLimit(context, "visit", user.id);
  const form = await readForm(request);
  const step = String(form.get("langkah") ?? "");
  const today = jakartaToday();
  const parsed = parseVisitDecision(form, today);
  if (!parsed.ok) return data({ step, errors: parsed.errors, values: parsed.values } satisfies ActionResult, { status: 400 });
  const decided = await decideOnVisit({ visitId: id, decision: parsed.data, actor: user, ip: context.clientIp, formToken: readFormToken(form), today });
  if (!decided.ok) {
    const values = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    return data({ step, errors: decided.errors, values } satisfies ActionResult, { status: 400 });
  }
  return redirect(`/kunjungan/${id}`);
}

export default function VisitPage() {
  const { title, visit, steps, adoptions, ownPractices, calendar } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const translator = useWorkspaceTranslator();
  const { t, formatDateTime } = translator;
  const dates = useVisitDates();
  // A failed step's errors and input go back to the form that sent it.
  const sent = (forSteps: VisitStep[]) => (result && forSteps.includes(result.step as VisitStep) ? result : { errors: {} as FieldErrors, values: {} as Record<string, string> });
  const has = (step: VisitStep) => steps.includes(step);
  const host = sent(["accept", "proposeDates"]);
  const declining = sent(["decline"]);
  const cancelling = sent(["cancel"]);
  const completing = sent(["complete"]);
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <p className="text-sm">
        <Link to="/kunjungan">← {t("studyVisit.listTitle")}</Link>
      </p>
      <header>
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-slate-700">
          <VisitStatusBadge status={visit.status} />
          <span>
            {dates(visit)} · {t("studyVisits.participants", { count: visit.participants })}
          </span>
        </p>
        <p className="mt-2 text-slate-700">
          <Link to={`/daerah/${visit.visitorRegionCode}`} className="underline">
            {visit.visitorRegionName}
          </Link>{" "}
          →{" "}
          <Link to={`/daerah/${visit.hostRegionCode}`} className="underline">
            {visit.hostRegionName}
          </Link>
        </p>
        {calendar ? (
          <p className="mt-2">
            <a href={`/kunjungan/${visit.id}/kalender.ics`} download className="underline">
              {t("studyVisit.calendar")}
            </a>
          </p>
        ) : null}
      </header>
      {result?.errors.form ? <Alert tone="error">{validationMessage(translator, result.errors.form)}</Alert> : null}

      <dl className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">{t("studyVisit.practices")}</dt>
        <dd>
          <ul className="list-disc pl-5">
            {visit.practices.map((practice) => (
              <li key={practice.id}>
                <Link to={`/praktik/${practice.id}`}>{practice.title}</Link>
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-medium">{t("studyVisit.purpose")}</dt>
        <dd className="whitespace-pre-line">{visit.purpose}</dd>
        {visit.request ? (
          <>
            <dt className="font-medium">{t("studyVisit.requestedBy")}</dt>
            <dd>{visit.request.requestedByName}</dd>
            <dt className="font-medium">{t("studyVisit.contact")}</dt>
            <dd>
              {visit.request.contact}
              <p className="text-sm text-slate-600">{t("studyVisit.consentRecorded", { version: visit.request.contactPurposeVersion })}</p>
            </dd>
          </>
        ) : null}
        {visit.lessons ? (
          <>
            <dt className="font-medium">{t("studyVisit.lessons")}</dt>
            <dd className="whitespace-pre-line">{visit.lessons}</dd>
          </>
        ) : null}
        {visit.adopterPracticeId && visit.adopterTitle ? (
          <>
            <dt className="font-medium">{t("studyVisit.linkedAdoption")}</dt>
            <dd>
              <Link to={`/praktik/${visit.adopterPracticeId}`}>{visit.adopterTitle}</Link>
            </dd>
          </>
        ) : null}
      </dl>

      {has("accept") || has("proposeDates") || has("decline") ? (
        <Panel id="host-answer" title={t("studyVisit.hostAnswer", { region: visit.hostRegionName })}>
          <SubmitForm method="post" className="mt-3 space-y-3">
            <VisitDateFields idPrefix="host-" values={{ startDate: host.values.startDate ?? visit.startDate, endDate: host.values.endDate ?? visit.endDate }} errors={host.errors} labels={{ start: t("studyVisit.startDate"), end: t("studyVisit.endDate") }} />
            <div className="flex flex-wrap gap-3">
              {has("accept") ? <StepButton step="accept">{t("studyVisit.accept")}</StepButton> : null}
              {has("proposeDates") ? (
                <StepButton step="proposeDates" tone="secondary">
                  {t("studyVisit.proposeDates")}
                </StepButton>
              ) : null}
            </div>
          </SubmitForm>
          {has("decline") ? (
            <SubmitForm method="post" className="mt-6 space-y-3">
              <TextAreaField name="reason" label={t("studyVisit.declineReason")} defaultValue={declining.values.reason} error={declining.errors.reason} rows={3} />
              <StepButton step="decline" tone="danger">
                {t("studyVisit.decline")}
              </StepButton>
            </SubmitForm>
          ) : null}
        </Panel>
      ) : null}

      {has("cancel") ? (
        <Panel id="cancel" title={t("studyVisit.cancelHeading")}>
          <SubmitForm method="post" className="mt-3 space-y-3">
            <p>{t("studyVisit.cancelLead", { region: visit.visitorRegionName })}</p>
            <TextAreaField name="reason" label={t("studyVisit.cancelReason")} defaultValue={cancelling.values.reason} error={cancelling.errors.reason} rows={3} />
            <StepButton step="cancel" tone="danger">
              {t("studyVisit.cancel")}
            </StepButton>
          </SubmitForm>
        </Panel>
      ) : null}

      {has("acceptDates") || has("withdraw") ? (
        <Panel id="follow-up" title={t("studyVisit.followUp", { region: visit.visitorRegionName })}>
          {has("acceptDates") ? (
            <SubmitForm method="post" className="mt-3 space-y-3">
              <p>{t("studyVisit.proposedDates", { region: visit.hostRegionName, dates: dates(visit) })}</p>
              <StepButton step="acceptDates">{t("studyVisit.acceptDates")}</StepButton>
            </SubmitForm>
          ) : null}
          {has("withdraw") ? (
            <SubmitForm method="post" className="mt-3">
              <StepButton step="withdraw" tone="danger">
                {t("studyVisit.withdraw")}
              </StepButton>
            </SubmitForm>
          ) : null}
        </Panel>
      ) : null}

      {has("complete") ? (
        <Panel id="lessons" title={t("studyVisit.lessonsHeading")}>
          <SubmitForm method="post" className="mt-3 space-y-4">
            <TextAreaField name="lessons" label={t("studyVisit.lessons")} defaultValue={completing.values.lessons ?? visit.lessons ?? ""} error={completing.errors.lessons} rows={5} />
            <div>
              <label htmlFor="adopsi" className="block text-sm font-medium text-slate-800">
                {t("studyVisit.adoption")}
              </label>
              <select
                id="adopsi"
                name="adopsi"
                defaultValue={completing.values.adopsi ?? String(visit.adopterPracticeId ?? "")}
                aria-invalid={completing.errors.adopsi ? true : undefined}
                aria-describedby="adopsi-hint"
                className={inputClass}
              >
                <option value="">{t("studyVisit.adoptionNone")}</option>
                {adoptions.map((adoption) => (
                  <option key={adoption.adopterPracticeId} value={adoption.adopterPracticeId}>
                    {adoption.title}
                  </option>
                ))}
              </select>
              {completing.errors.adopsi ? <p className="mt-1 text-sm font-medium text-red-700">{validationMessage(translator, completing.errors.adopsi)}</p> : null}
              <div id="adopsi-hint" className="mt-1 text-sm text-slate-600">
                <p>{t("studyVisit.adoptionHint", { region: visit.visitorRegionName, host: visit.hostRegionName })}</p>
                <ul className="mt-1 list-disc pl-5">
                  {ownPractices.map((practice) => (
                    <li key={practice.id}>
                      <Link to={`/praktik/${practice.id}/adopsi?daerah=${visit.hostRegionCode}`}>{t("studyVisit.recordAdoptionFor", { title: practice.title })}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
            <StepButton step="complete">{t("studyVisit.saveLessons")}</StepButton>
          </SubmitForm>
        </Panel>
      ) : null}

      {visit.request ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="text-xl font-bold">
            {t("studyVisit.history")}
          </h2>
          <ol className="mt-2 space-y-3">
            {visit.request.events.map((event) => (
              <li key={event.id} className="border-l-2 border-slate-300 pl-3">
                <p>
                  <span className="font-medium">{t(`studyVisit.event.${event.kind}`, { name: event.actorName })}</span>{" "}
                  <time dateTime={new Date(event.createdAt).toISOString()} className="text-sm text-slate-600">
                    {formatDateTime(event.createdAt)}
                  </time>
                </p>
                {event.startDate && event.endDate ? <p className="text-sm">{dates({ startDate: event.startDate, endDate: event.endDate })}</p> : null}
                {event.note ? <p className="whitespace-pre-line text-sm">{event.note}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

function StepButton({ step, tone, children }: { step: VisitStep; tone?: "primary" | "secondary" | "danger"; children: ReactNode }) {
  return (
    <SubmitButton name="langkah" value={step} tone={tone}>
      {children}
    </SubmitButton>
  );
}
