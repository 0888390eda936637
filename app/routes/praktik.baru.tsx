import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PracticeForm } from "~/components/practices/practice-form";
import { requirePermission, requireUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { readFormToken } from "~/modules/forms/form-token";
import { getFrameworkTree, SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { localeFromRequest, translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import type { PracticeFormValues } from "~/modules/practices/practice-content";
import { type EditorResult, readEditorSubmission } from "~/modules/practices/practice-editor.server";
import { createPractice } from "~/modules/practices/index.server";
import { getRegionName, listRegionsByProvince } from "~/modules/regions/regions.server";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

const emptyValues: PracticeFormValues = { text: {}, indicatorIds: [], metrics: [] };

/** Editors write for their own region; curators and admins pick one. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { t } = await translatorForRequest(request);
  const choosesRegion = can(user, { action: "practice.review" });
  if (!choosesRegion) await requirePermission(request, context, { action: "practice.write", regionCode: user.regionCode ?? "" });
  const [tree, regionGroups, regionName] = await Promise.all([
    getFrameworkTree(SPBE_2020),
    choosesRegion ? listRegionsByProvince() : null,
    user.regionCode ? getRegionName(user.regionCode) : null,
  ]);
  return { title: t("practiceForm.newTitle"), groups: tree.groups, regionGroups, regionName };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  await requireWithinLimit(context, "practiceEdit", user.id);
  const form = await readForm(request);
  const choosesRegion = can(user, { action: "practice.review" });
  const regionCode = choosesRegion ? String(form.get("regionCode") ?? "") : (user.regionCode ?? "");
  const submission = await readEditorSubmission(form, await localeFromRequest(request));
  if (!submission.ready) return data(submission.result, { status: submission.status });
  if (!(await getRegionName(regionCode))) {
    const result: EditorResult = { values: submission.values, errors: { regionCode: { code: "regionUnknown" } }, previewHtml: null, currentVersion: null };
    return data(result, { status: 400 });
  }
  await requirePermission(request, context, { action: "practice.write", regionCode });
  const { id } = await createPractice({
    regionCode,
    content: submission.content,
    contactConsent: submission.contactConsent,
    submit: submission.submit,
    actorId: user.id,
    ip: context.clientIp,
    formToken: readFormToken(form),
  });
  return redirect(`/praktik/${id}/tinjauan?disimpan=1`);
}

export default function NewPractice() {
  const { groups, regionGroups, regionName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as EditorResult | undefined;
  const { t } = useWorkspaceTranslator();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link to="/praktik/kelola">← {t("workspace.title")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("practiceForm.newTitle")}</h1>
      {regionName && !regionGroups ? <p className="mt-1 text-slate-700">{t("practiceForm.forRegion", { region: regionName })}</p> : null}
      <PracticeForm
        values={result?.values ?? emptyValues}
        errors={result?.errors ?? {}}
        version={0}
        groups={groups}
        previewHtml={result?.previewHtml ?? null}
        regionChoice={regionGroups ? { groups: regionGroups, selected: result?.values.text.regionCode ?? "" } : undefined}
      />
    </div>
  );
}
