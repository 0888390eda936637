import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { VisitDateFields } from "~/components/visits/visit-date-fields";
import { ContactConsentFields } from "~/components/ui/contact-consent-fields";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextAreaField, TextField } from "~/components/ui/form";
import { requireUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { type FieldErrors, parseRecordNumber } from "~/modules/forms/form-data";
import { readFormToken } from "~/modules/forms/form-token";
import { validationMessage } from "~/modules/forms/validation-message";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { localeFromRequest, translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";
import { REGION_CODE_PATTERN } from "~/modules/regions/regions.server";
import { echoVisitRequest, jakartaToday, newVisitChoice, parseVisitRequest, requestVisit } from "~/modules/visits/index.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** The region asked (?praktik= one of its published practices, or ?daerah=) and its practices. */
async function hostOf(request: Request) {
  const query = requestQuery(request);
  const region = query.get("daerah") ?? "";
  const choice = await newVisitChoice({ practiceId: parseRecordNumber(query.get("praktik")), regionCode: REGION_CODE_PATTERN.test(region) ? region : null });
  if (!choice) throw new Response(null, { status: 404 });
  return choice;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [choice, { t }] = await Promise.all([hostOf(request), translatorForRequest(request)]);
  return {
    title: t("studyVisit.newTitle", { region: choice.region.name }),
    ...choice,
    // Officials of the host region itself are told why, next to the region, instead of a form.
    refusal: can(user, { action: "visit.request", hostRegionCode: choice.region.code }) ? null : user.regionCode === choice.region.code ? "visitSameRegion" : "visitRequestNotAllowed",
  } as const;
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  await requireWithinLimit(context, "visit", user.id);
  const form = await readForm(request);
  const parsed = parseVisitRequest(form, { today: jakartaToday(), convention: await localeFromRequest(request) });
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values } satisfies ActionResult, { status: 400 });
  const created = await requestVisit({ ...parsed.data, actor: user, ip: context.clientIp, formToken: readFormToken(form) });
  if (!created.ok) return data({ errors: created.errors, values: echoVisitRequest(form) } satisfies ActionResult, { status: 400 });
  return redirect(`/kunjungan/${created.id}`);
}

export default function NewVisit() {
  const { title, region, practices, chosen, refusal } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const translator = useWorkspaceTranslator();
  const { t } = translator;
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const checked = new Set(result ? values.praktik?.split(",") : chosen.map(String));
  const hostError = refusal ? { code: refusal } : errors.hostRegionCode;
  const fieldMessage = (field: string) => {
    const error = errors[field];
    return error ? (
      <p id={`${field}-error`} className="mt-1 text-sm font-medium text-red-700">
        {validationMessage(translator, error)}
      </p>
    ) : null;
  };
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <p className="text-sm">
        <Link to={`/daerah/${region.code}`}>← {region.name}</Link>
      </p>
      <div>
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="mt-1 text-slate-700">{t("studyVisit.newLead", { region: region.name })}</p>
      </div>
      {errors.form ? <Alert tone="error">{validationMessage(translator, errors.form)}</Alert> : null}
      <div>
        <p className="text-sm font-medium text-slate-800">{t("studyVisit.hostRegion")}</p>
        <p className="mt-1">{region.name}</p>
        {hostError ? (
          <p id="hostRegionCode-error" role="alert" className="mt-1 text-sm font-medium text-red-700">
            {validationMessage(translator, hostError)}
          </p>
        ) : null}
      </div>
      {refusal ? null : (
        // Posted to the region's address, so a refused request renders this page again without ?praktik=.
        <SubmitForm method="post" action={`/kunjungan/baru?daerah=${region.code}`} className="space-y-5">
          <input type="hidden" name="hostRegionCode" value={region.code} />
          <fieldset aria-describedby={errors.praktik ? "praktik-error" : undefined}>
            <legend className="text-sm font-medium text-slate-800">{t("studyVisit.practices")}</legend>
            {fieldMessage("praktik")}
            <ul className="mt-2 space-y-2">
              {practices.map((practice) => (
                <li key={practice.id}>
                  <label className="flex items-start gap-2">
                    <input type="checkbox" name="praktik" value={practice.id} defaultChecked={checked.has(String(practice.id))} className="mt-1" />
                    {practice.title}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <TextAreaField name="purpose" label={t("studyVisit.purpose")} hint={t("studyVisit.purposeHint")} defaultValue={values.purpose} error={errors.purpose} rows={4} />
          <VisitDateFields values={values} errors={errors} labels={{ start: t("studyVisit.startDate"), end: t("studyVisit.endDate") }} />
          <TextField name="participants" label={t("studyVisit.participants")} hint={t("studyVisit.participantsHint")} defaultValue={values.participants} error={errors.participants} maxLength={12} />
          <ContactWithConsent values={values} errors={errors} />
          <SubmitButton>{t("studyVisit.submit")}</SubmitButton>
        </SubmitForm>
      )}
    </div>
  );
}

/** The requester's contact person with the consent it needs (UU 27/2022), as a practice's contact takes it. */
function ContactWithConsent({ values, errors }: { values: Record<string, string>; errors: FieldErrors }) {
  const { t } = useWorkspaceTranslator();
  return (
    <ContactConsentFields
      values={values}
      errors={errors}
      purposeId="visit-contact-purpose"
      text={{ label: t("studyVisit.contact"), hint: t("studyVisit.contactHint"), consent: t("studyVisit.consentLabel"), purposeHeading: t("contactConsent.purposeHeading"), purpose: t("studyVisit.contactPurpose") }}
    />
  );
}
