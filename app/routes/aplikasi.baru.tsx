import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ApplicationForm } from "~/components/applications/application-form";
import { createApplication } from "~/modules/applications/application-commands.server";
import { editorChoices, refusedValues } from "~/modules/applications/application-editor.server";
import { parseApplicationForm } from "~/modules/applications/application-form.server";
import { requirePermission, requireUser } from "~/modules/auth/guards.server";
import { readFormToken } from "~/modules/forms/form-token";
import { readForm } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** A region's editor adds an application of their own region. */
async function requireRegionEditor(request: Request, context: LoaderFunctionArgs["context"]) {
  const regionCode = (await requireUser(request, context)).regionCode;
  if (!regionCode) throw new Response(null, { status: 403 });
  const user = await requirePermission(request, context, { action: "application.write", regionCode });
  return { user, regionCode };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { regionCode } = await requireRegionEditor(request, context);
  const [choices, { t }] = await Promise.all([editorChoices(regionCode), translatorForRequest(request)]);
  return { title: t("appCatalog.newTitle"), ...choices };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, regionCode } = await requireRegionEditor(request, context);
  await requireWithinLimit(context, "application", user.id);
  const form = await readForm(request);
  const parsed = parseApplicationForm(form);
  if (!parsed.ok) return data(refusedValues(form, parsed.errors), { status: 400 });
  const created = await createApplication({ regionCode, content: parsed.data, actor: user, ip: context.clientIp, formToken: readFormToken(form) });
  if (!created.ok) return data(refusedValues(form, created.errors), { status: 400 });
  return redirect(`/aplikasi/${created.id}?disimpan=1`);
}

export default function NewApplication() {
  const { title, groups, practices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useWorkspaceTranslator();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link to="/aplikasi">← {t("appCatalog.title")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <ApplicationForm values={result?.values ?? { text: {}, indicatorIds: [], practiceIds: [] }} errors={result?.errors ?? {}} groups={groups} practices={practices} />
    </div>
  );
}
