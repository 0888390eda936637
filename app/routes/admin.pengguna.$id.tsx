import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RegionSelect } from "~/components/region-select";
import { Badge } from "~/components/ui/badge";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { OneTimeLink, SelectField } from "~/components/ui/form";
import { roleAndRegionSchema } from "~/modules/auth/auth-forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { roles } from "~/modules/auth/roles";
import { changeUserRole, getUserForAdmin, issuePasswordResetLink, setUserActive } from "~/modules/auth/users.server";
import type { FieldErrors } from "~/modules/forms/form-data";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { appUrl } from "~/modules/http/app-url.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { listRegionsByProvince } from "~/modules/regions/regions.server";
import { Panel } from "~/components/ui/panel";
import { validationMessage } from "~/modules/forms/validation-message";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.user.name });

function userIdParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw new Response(null, { status: 404 });
  return id;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "users.manage" });
  const user = await getUserForAdmin(userIdParam(params.id));
  if (!user) throw new Response(null, { status: 404 });
  return { user, regionGroups: await listRegionsByProvince() };
}

type ActionResult =
  | { intent: "role"; ok: boolean; errors: FieldErrors }
  | { intent: "active"; ok: boolean; errors: FieldErrors }
  | { intent: "reset"; ok: true; link: string; errors: FieldErrors };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "users.manage" });
  await requireWithinLimit(context, "curation", actor.id);
  const userId = userIdParam(params.id);
  const form = await readForm(request);
  const intent = form.get("intent");
  const ip = context.clientIp;

  if (intent === "reset") {
    const path = await issuePasswordResetLink({ userId, actorId: actor.id, ip });
    return { intent: "reset", ok: true, link: appUrl(request, path), errors: {} } satisfies ActionResult;
  }
  if (intent === "deactivate" || intent === "activate") {
    const result = await setUserActive({ userId, active: intent === "activate", actorId: actor.id, ip });
    if (!result.ok && result.problem === "notFound") throw new Response(null, { status: 404 });
    const errors: FieldErrors = result.ok ? {} : { form: { code: "self" } };
    return data({ intent: "active", ok: result.ok, errors } satisfies ActionResult, { status: result.ok ? 200 : 400 });
  }
  const parsed = parseForm(roleAndRegionSchema, form);
  if (!parsed.ok) return data({ intent: "role", ok: false, errors: parsed.errors } satisfies ActionResult, { status: 400 });
  const result = await changeUserRole({ userId, ...parsed.data, actorId: actor.id, ip });
  if (!result.ok && result.problem === "notFound") throw new Response(null, { status: 404 });
  const errors: FieldErrors = result.ok
    ? {}
    : result.problem === "unknownRegion"
      ? { regionCode: { code: "regionUnknown" } }
      : { form: { code: "self" } };
  return data({ intent: "role", ok: result.ok, errors } satisfies ActionResult, { status: result.ok ? 200 : 400 });
}

export default function AdminUser() {
  const { user, regionGroups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const translator = useWorkspaceTranslator();
  const { t } = translator;
  const errors = result?.errors ?? {};
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{user.name}</h1>
        <p className="mt-1 break-all text-slate-700">{user.email}</p>
        <p className="mt-2 flex flex-wrap gap-2">
          <Badge tone="brand">{t(`roles.${user.role}`)}</Badge>
          {user.regionName ? <Badge>{user.regionName}</Badge> : null}
          {user.active ? <Badge tone="success">{t("admin.active")}</Badge> : <Badge tone="danger">{t("admin.inactive")}</Badge>}
        </p>
      </div>

      {errors.form ? <Alert tone="error">{validationMessage(translator, errors.form)}</Alert> : null}
      {result?.ok && result.intent !== "reset" ? <Alert tone="success">{t("admin.saved")}</Alert> : null}

      <Panel id="role" title={t("admin.changeRole")}>
        <SubmitForm method="post" className="mt-4 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="role" />
          <SelectField name="role" label={t("admin.role")} defaultValue={user.role} error={errors.role}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </SelectField>
          <RegionSelect
            name="regionCode"
            label={t("admin.region")}
            emptyLabel="—"
            hint={t("admin.regionCodeHint")}
            groups={regionGroups}
            defaultValue={user.regionCode ?? ""}
            error={errors.regionCode}
          />
          <div>
            <SubmitButton>{t("admin.save")}</SubmitButton>
          </div>
        </SubmitForm>
      </Panel>

      <Panel id="reset" title={t("admin.resetLink")}>
        <p className="mt-1 text-sm text-slate-700">{t("admin.resetLinkHint")}</p>
        {result?.intent === "reset" ? (
          <div className="mt-3">
            <Alert tone="success">{t("admin.linkCreated")}</Alert>
            <OneTimeLink url={result.link} label={t("admin.resetLink")} />
          </div>
        ) : null}
        <SubmitForm method="post" className="mt-4">
          <input type="hidden" name="intent" value="reset" />
          <SubmitButton tone="secondary">{t("admin.resetLink")}</SubmitButton>
        </SubmitForm>
      </Panel>

      <Panel id="active" title={user.active ? t("admin.deactivate") : t("admin.activate")}>
        {user.active ? <p className="mt-1 text-sm text-slate-700">{t("admin.deactivateHint")}</p> : null}
        <SubmitForm method="post" className="mt-4">
          <input type="hidden" name="intent" value={user.active ? "deactivate" : "activate"} />
          <SubmitButton tone={user.active ? "danger" : "primary"}>
            {user.active ? t("admin.deactivate") : t("admin.activate")}
          </SubmitButton>
        </SubmitForm>
      </Panel>
    </div>
  );
}
