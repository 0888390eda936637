import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextAreaField, TextField } from "~/components/ui/form";
import { requirePermission } from "~/modules/auth/guards.server";
import type { FieldErrors } from "~/modules/forms/form-data";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { readFormToken } from "~/modules/forms/form-token";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { getRegionProfileFields, regionProfileSchema, saveRegionProfile } from "~/modules/regions/region-profile.server";
import { getRegionName, REGION_CODE_PATTERN } from "~/modules/regions/regions.server";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** The region named in the URL, or 404 (before any permission question, so codes cannot be probed). */
async function regionFromParams(code: string | undefined) {
  const regionName = code && REGION_CODE_PATTERN.test(code) ? await getRegionName(code) : null;
  if (!code || !regionName) throw new Response(null, { status: 404 });
  return { code, regionName };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const region = await regionFromParams(params.code);
  await requirePermission(request, context, { action: "region.edit", regionCode: region.code });
  const { t } = await translatorForRequest(request);
  return { title: t("regionEdit.title", { region: region.regionName }), region, profile: await getRegionProfileFields(region.code) };
}

type ActionResult = {
  ok: false;
  /** Set on a conflict: the version the user's text must now be based on. */
  currentVersion: number | null;
  errors: FieldErrors;
  values: Record<string, string>;
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const region = await regionFromParams(params.code);
  const user = await requirePermission(request, context, { action: "region.edit", regionCode: region.code });
  await requireWithinLimit(context, "profileEdit", user.id);
  const form = await readForm(request);
  const parsed = parseForm(regionProfileSchema, form);
  if (!parsed.ok) return data({ ...parsed, currentVersion: null } satisfies ActionResult, { status: 400 });
  const { version, ...profileFields } = parsed.data;
  const saved = await saveRegionProfile({
    regionCode: region.code,
    baseVersion: version,
    fields: profileFields,
    actorId: user.id,
    ip: context.clientIp,
    formToken: readFormToken(form),
  });
  if (!saved.ok) {
    const values = { ...profileFields, websiteUrl: profileFields.websiteUrl ?? "", contactEmail: profileFields.contactEmail ?? "" };
    const result: ActionResult = { ok: false, currentVersion: saved.currentVersion, errors: {}, values };
    return data(result, { status: 409 });
  }
  return redirect(`/daerah/${region.code}?disimpan=1`);
}

export default function EditRegionProfile() {
  const { region, profile } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useWorkspaceTranslator();
  const values = result?.values;
  const conflict = typeof result?.currentVersion === "number";
  const errors = result?.errors ?? {};
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link to={`/daerah/${region.code}`}>← {region.regionName}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("regionEdit.title", { region: region.regionName })}</h1>
      <SubmitForm method="post" className="mt-6 space-y-5 rounded-lg border border-slate-200 bg-white p-6">
        {conflict ? <Alert tone="error">{t("validation.conflict")}</Alert> : null}
        {result && !conflict ? <Alert tone="error">{t("validation.formHasErrors")}</Alert> : null}
        {/* On a conflict the form keeps the user's text and is re-based on the current version
            (loaders do not revalidate after a 4xx action, so the action says which it is). */}
        <input type="hidden" name="version" value={result?.currentVersion ?? profile.version} />
        <TextAreaField
          name="descriptionId"
          label={t("regionEdit.descriptionId")}
          hint={t("regionEdit.descriptionHint")}
          defaultValue={values?.descriptionId ?? profile.descriptionId}
          error={errors.descriptionId}
        />
        <TextAreaField
          name="descriptionEn"
          label={t("regionEdit.descriptionEn")}
          defaultValue={values?.descriptionEn ?? profile.descriptionEn}
          error={errors.descriptionEn}
        />
        <TextField
          name="websiteUrl"
          type="url"
          label={t("regionEdit.website")}
          defaultValue={values?.websiteUrl ?? profile.websiteUrl ?? ""}
          error={errors.websiteUrl}
        />
        <TextField
          name="contactEmail"
          type="email"
          label={t("regionEdit.contactEmail")}
          defaultValue={values?.contactEmail ?? profile.contactEmail ?? ""}
          error={errors.contactEmail}
        />
        <SubmitButton>{t("regionEdit.save")}</SubmitButton>
      </SubmitForm>
    </div>
  );
}
