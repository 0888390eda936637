import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RegionSelect } from "~/components/region-select";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextField } from "~/components/ui/form";
import { Panel } from "~/components/ui/panel";
import { requirePermission } from "~/modules/auth/guards.server";
import { changePeerGroup, listPeerGroups, peerGroupFormSchema } from "~/modules/benchmark/peer-groups.server";
import { invalidateBenchmarkData } from "~/modules/benchmark/benchmark-data.server";
import type { FieldErrors } from "~/modules/forms/form-data";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { readFormToken } from "~/modules/forms/form-token";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { listRegionsByProvince } from "~/modules/regions/regions.server";
import { validationMessage } from "~/modules/forms/validation-message";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, { action: "peerGroups.own" });
  const [groups, regionGroups, { t }] = await Promise.all([listPeerGroups(user.id), listRegionsByProvince(), translatorForRequest(request)]);
  return { title: t("peerGroups.title"), groups, regionGroups };
}

type ActionResult = { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "peerGroups.own" });
  await requireWithinLimit(context, "peerGroup", user.id);
  const form = await readForm(request);
  const parsed = parseForm(peerGroupFormSchema, form);
  if (!parsed.ok) return data(parsed satisfies ActionResult, { status: 400 });
  const changed = await changePeerGroup(user.id, parsed.data, readFormToken(form));
  if (!changed.ok) {
    if (changed.field === "groupId") throw new Response(null, { status: 404 });
    return data({ ok: false, errors: { [changed.field]: { code: changed.code } }, values: {} } satisfies ActionResult, { status: 400 });
  }
  await invalidateBenchmarkData();
  return redirect("/kelompok?disimpan=1");
}

export default function PeerGroups() {
  const { groups, regionGroups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const translator = useWorkspaceTranslator();
  const { t } = translator;
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <div>
        <h1 className="text-3xl font-bold">{t("peerGroups.title")}</h1>
        <p className="mt-2 text-slate-700">{t("peerGroups.lead")}</p>
      </div>
      {result?.errors.regionCode ? <Alert tone="error">{validationMessage(translator, result.errors.regionCode)}</Alert> : null}
      <Panel id="create" title={t("peerGroups.create")}>
        <SubmitForm method="post" className="mt-3 flex flex-wrap items-end gap-3" resetOnSuccess>
          <input type="hidden" name="intent" value="create" />
          <div className="min-w-64 flex-1">
            <TextField name="name" label={t("peerGroups.name")} maxLength={80} error={result?.errors.name} />
          </div>
          <SubmitButton>{t("peerGroups.create")}</SubmitButton>
        </SubmitForm>
      </Panel>
      {groups.length === 0 ? <p className="text-slate-700">{t("peerGroups.empty")}</p> : null}
      {groups.map((group) => (
        <Panel key={group.id} id={`group-${group.id}`} title={group.name}>
          {group.members.length === 0 ? <p className="mt-2 text-slate-600">{t("peerGroups.noMembers")}</p> : null}
          <ul className="mt-3 flex flex-wrap gap-2">
            {group.members.map((member) => (
              <li key={member.code} className="flex items-center gap-2 rounded-full bg-brand-50 px-3 py-1 text-sm">
                {member.name}
                <SubmitForm method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="groupId" value={group.id} />
                  <input type="hidden" name="regionCode" value={member.code} />
                  <SubmitButton aria-label={t("peerGroups.remove", { region: member.name })} className="font-bold text-brand-800">
                    ×
                  </SubmitButton>
                </SubmitForm>
              </li>
            ))}
          </ul>
          <SubmitForm method="post" className="mt-3 flex flex-wrap items-end gap-3" resetOnSuccess>
            <input type="hidden" name="intent" value="add" />
            <input type="hidden" name="groupId" value={group.id} />
            <div className="min-w-64 flex-1">
              <RegionSelect name="regionCode" id={`add-region-${group.id}`} label={t("peerGroups.add")} emptyLabel={t("practiceForm.chooseRegion")} groups={regionGroups} />
            </div>
            <SubmitButton tone="secondary">{t("peerGroups.addButton")}</SubmitButton>
          </SubmitForm>
          <SubmitForm method="post" className="mt-4">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="groupId" value={group.id} />
            <SubmitButton tone="danger">{t("peerGroups.delete")}</SubmitButton>
          </SubmitForm>
        </Panel>
      ))}
    </div>
  );
}
