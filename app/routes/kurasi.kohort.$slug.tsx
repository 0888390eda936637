import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RegionSelect } from "~/components/region-select";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextField } from "~/components/ui/form";
import { requirePermission } from "~/modules/auth/guards.server";
import type { FieldErrors } from "~/modules/forms/form-data";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { addCohortMember, cohortMemberSchema, getCohortOverview, removeCohortMember } from "~/modules/regions/cohorts.server";
import { listRegionsByProvince } from "~/modules/regions/regions.server";
import { Panel } from "~/components/ui/panel";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

async function cohortFromParams(slug: string | undefined) {
  const cohort = slug ? await getCohortOverview(slug.slice(0, 100)) : null;
  if (!cohort) throw new Response(null, { status: 404 });
  return cohort;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "cohorts.manage" });
  const cohort = await cohortFromParams(params.slug);
  const { t } = await translatorForRequest(request);
  return { title: t("cohortAdmin.title", { cohort: cohort.name }), cohort, regionGroups: await listRegionsByProvince() };
}

type ActionResult =
  | { ok: true; message: "added" | "removed"; regionName: string }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "cohorts.manage" });
  await requireWithinLimit(context, "curation", user.id);
  const cohort = await cohortFromParams(params.slug);
  const form = await readForm(request);
  const change = { cohortId: cohort.id, actorId: user.id, ip: context.clientIp };
  if (form.get("intent") === "remove") {
    const result = await removeCohortMember({ ...change, regionCode: String(form.get("regionCode") ?? "") });
    if (!result.ok) throw new Response(null, { status: 404 });
    return { ok: true, message: "removed", regionName: result.regionName } satisfies ActionResult;
  }
  const parsed = parseForm(cohortMemberSchema, form);
  if (!parsed.ok) return data(parsed satisfies ActionResult, { status: 400 });
  const result = await addCohortMember({ ...change, ...parsed.data });
  if (!result.ok) {
    const errors: FieldErrors = { regionCode: { code: result.problem === "alreadyMember" ? "alreadyMember" : "regionUnknown" } };
    return data({ ok: false, errors, values: parsed.data } satisfies ActionResult, { status: 400 });
  }
  return { ok: true, message: "added", regionName: result.regionName } satisfies ActionResult;
}

export default function CohortMembers() {
  const { cohort, regionGroups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useWorkspaceTranslator();
  const failed = result && !result.ok ? result : null;
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold">{t("cohortAdmin.title", { cohort: cohort.name })}</h1>
        <p className="mt-2 text-slate-700">{t("cohortAdmin.lead")}</p>
      </div>
      {result?.ok ? (
        <Alert tone="success">
          {result.message === "added" ? t("cohortAdmin.added", { region: result.regionName }) : t("cohortAdmin.removed", { region: result.regionName })}
        </Alert>
      ) : null}
      <Panel id="add" title={t("cohortAdmin.add")}>
        <SubmitForm method="post" className="mt-4 grid gap-4 sm:grid-cols-2" resetOnSuccess>
          <RegionSelect
            name="regionCode"
            label={t("cohortAdmin.region")}
            emptyLabel={t("cohortAdmin.chooseRegion")}
            groups={regionGroups}
            defaultValue={failed?.values.regionCode}
            error={failed?.errors.regionCode}
          />
          <TextField name="evidence" label={t("cohortAdmin.evidence")} defaultValue={failed?.values.evidence} error={failed?.errors.evidence} maxLength={500} />
          <div>
            <SubmitButton>{t("cohortAdmin.addButton")}</SubmitButton>
          </div>
        </SubmitForm>
      </Panel>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {cohort.members.map((member) => (
          <li key={member.code} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <span>
              <Link to={`/daerah/${member.code}`}>{member.name}</Link>
              <span className="ml-2 text-sm text-slate-600">{member.provinceName}</span>
            </span>
            <SubmitForm method="post">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="regionCode" value={member.code} />
              <SubmitButton className="text-sm text-red-700 underline">
                {t("cohortAdmin.remove")}
                <span className="sr-only"> {member.name}</span>
              </SubmitButton>
            </SubmitForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
