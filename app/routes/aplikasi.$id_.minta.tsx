import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { APPLICATION_LIMITS } from "~/modules/applications";
import { parseRequestForm } from "~/modules/applications/application-form.server";
import { applicationFromParams, listApplicationUses, listSupportedPractices } from "~/modules/applications/catalog.server";
import { requestApplication } from "~/modules/applications/requests.server";
import { requireUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import type { FieldErrors } from "~/modules/forms/form-data";
import { readFormToken } from "~/modules/forms/form-token";
import { validationMessage } from "~/modules/forms/validation-message";
import { readForm } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";
import { listPublishedPractices } from "~/modules/practices/index.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/**
 * A signed-in official of another region asks for the application; a visitor is sent to sign in
 * and back here. An account of the owner region (or of no region) sees why it cannot, and
 * requestApplication refuses its posts with the same message.
 */
async function requireRequester(request: Request, context: ActionFunctionArgs["context"], id: string | undefined) {
  const application = await applicationFromParams(id);
  const user = await requireUser(request, context);
  const allowed = can(user, { action: "application.request", ownerRegionCode: application.regionCode });
  return { application, user, requesterRegionCode: allowed ? user.regionCode : null };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { application, requesterRegionCode } = await requireRequester(request, context, params.id);
  const [supported, own, uses, { t }] = await Promise.all([
    listSupportedPractices(application.id),
    requesterRegionCode
      ? listPublishedPractices({ province: null, region: requesterRegionCode, indicator: null, stage: null, tag: null, sort: "terbaru", page: 1 })
      : { practices: [] },
    listApplicationUses({ applicationId: application.id }),
    translatorForRequest(request),
  ]);
  return {
    title: t("appCatalog.requestTitle", { name: application.name }),
    application: { id: application.id, name: application.name, regionName: application.regionName },
    supported,
    // The region's newest published practices (one page): the adopting practice is one of them.
    own: own.practices.map((practice) => ({ id: practice.id, title: practice.title })),
    usesIt: uses.some((use) => use.regionCode === requesterRegionCode),
    allowed: requesterRegionCode !== null,
  };
}

type ActionResult = { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { application, user } = await requireRequester(request, context, params.id);
  await requireWithinLimit(context, "application", user.id);
  const form = await readForm(request);
  const parsed = parseRequestForm(form);
  if (!parsed.ok) return data(parsed satisfies ActionResult, { status: 400 });
  const sent = await requestApplication({ applicationId: application.id, actor: user, request: parsed.data, ip: context.clientIp, formToken: readFormToken(form) });
  if (!sent.ok) {
    const values: Record<string, string> = { ...parsed.data, sourcePracticeId: String(parsed.data.sourcePracticeId), adopterPracticeId: String(parsed.data.adopterPracticeId), contactConsent: "ya" };
    return data({ ok: false, errors: sent.errors, values } satisfies ActionResult, { status: 400 });
  }
  return redirect(`/aplikasi/${application.id}?diminta=1#permintaan`);
}

export default function RequestApplication() {
  const { title, application, supported, own, usesIt, allowed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const translator = useWorkspaceTranslator();
  const { t } = translator;
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to={`/aplikasi/${application.id}`}>← {application.name}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{title}</h1>
        <p className="mt-1 text-slate-700">{t("appCatalog.requestLead", { region: application.regionName })}</p>
      </div>
      {usesIt ? <Alert tone="info">{t("appCatalog.alreadyUses")}</Alert> : null}
      {errors.form ? <Alert tone="error">{validationMessage(translator, errors.form)}</Alert> : null}
      {!allowed ? (
        <Alert tone="info">{validationMessage(translator, { code: "applicationOwnRegion" })}</Alert>
      ) : supported.length === 0 ? (
        <Alert tone="info">{t("appCatalog.noPracticeToRequest")}</Alert>
      ) : own.length === 0 ? (
        <Alert tone="info">
          {t("appCatalog.noOwnPractice")} <Link to="/praktik/baru">{t("appCatalog.writePractice")}</Link>
        </Alert>
      ) : (
        <SubmitForm method="post" className="space-y-4">
          <TextAreaField name="purpose" label={t("appCatalog.purpose")} hint={t("appCatalog.purposeHint")} defaultValue={values.purpose} error={errors.purpose} />
          <SelectField name="sourcePracticeId" label={t("appCatalog.sourcePractice", { region: application.regionName })} defaultValue={values.sourcePracticeId ?? String(supported[0]!.id)} error={errors.sourcePracticeId}>
            {supported.map((practice) => (
              <option key={practice.id} value={practice.id}>
                {practice.title}
              </option>
            ))}
          </SelectField>
          <SelectField name="adopterPracticeId" label={t("appCatalog.adopterPractice")} hint={t("appCatalog.adopterHint")} defaultValue={values.adopterPracticeId ?? ""} error={errors.adopterPracticeId}>
            <option value="">{t("appCatalog.choosePractice")}</option>
            {own.map((practice) => (
              <option key={practice.id} value={practice.id}>
                {practice.title}
              </option>
            ))}
          </SelectField>
          <TextField name="contact" label={t("appCatalog.contact")} hint={t("appCatalog.contactHint")} maxLength={APPLICATION_LIMITS.contact} defaultValue={values.contact} error={errors.contact} />
          <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
            <p className="font-medium">{t("contactConsent.purposeHeading")}</p>
            <p className="mt-1 text-slate-700">{t("appCatalog.contactPurpose")}</p>
            <label className="mt-2 flex items-start gap-2">
              <input type="checkbox" name="contactConsent" value="ya" defaultChecked={values.contactConsent === "ya"} aria-invalid={errors.contactConsent ? true : undefined} className="mt-1" />
              {t("appCatalog.contactConsent")}
            </label>
            {errors.contactConsent ? <p className="mt-1 font-medium text-red-700">{validationMessage(translator, errors.contactConsent)}</p> : null}
          </div>
          <SubmitButton>{t("appCatalog.send")}</SubmitButton>
        </SubmitForm>
      )}
    </div>
  );
}
