import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ApplicationForm } from "~/components/applications/application-form";
import { updateApplication } from "~/modules/applications/application-commands.server";
import { editorChoices, editorValues, refusedValues } from "~/modules/applications/application-editor.server";
import { parseApplicationForm } from "~/modules/applications/application-form.server";
import { applicationFromParams, supportedPracticeIds } from "~/modules/applications/catalog.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { readForm } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Only the owner region's editors (and Kemendagri) edit; another region's editor gets a 403. */
async function requireWriter(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const application = await applicationFromParams(id);
  const user = await requirePermission(request, context, { action: "application.write", regionCode: application.regionCode });
  return { application, user };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { application } = await requireWriter(request, context, params.id);
  const [choices, practiceIds, { t }] = await Promise.all([editorChoices(application.regionCode), supportedPracticeIds(application.id), translatorForRequest(request)]);
  return { title: t("appCatalog.editTitle"), application: { id: application.id, name: application.name }, values: editorValues({ ...application, practiceIds }), ...choices };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { application, user } = await requireWriter(request, context, params.id);
  await requireWithinLimit(context, "application", user.id);
  const form = await readForm(request);
  const parsed = parseApplicationForm(form);
  if (!parsed.ok) return data(refusedValues(form, parsed.errors), { status: 400 });
  const saved = await updateApplication({ id: application.id, content: parsed.data, actor: user, ip: context.clientIp });
  if (!saved.ok) return data(refusedValues(form, saved.errors), { status: 400 });
  return redirect(`/aplikasi/${application.id}?disimpan=1`);
}

export default function EditApplication() {
  const { title, application, values, groups, practices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link to={`/aplikasi/${application.id}`}>← {application.name}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <ApplicationForm values={result?.values ?? values} errors={result?.errors ?? {}} groups={groups} practices={practices} />
    </div>
  );
}
