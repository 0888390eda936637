import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RegionSelect } from "~/components/region-select";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { DataTable } from "~/components/ui/data-table";
import { Alert, OneTimeLink, SelectField, SubmitButton, SubmitForm, TextField } from "~/components/ui/form";
import { invitationSchema } from "~/modules/auth/auth-forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { createInvitation, type InvitationStatus, listInvitations, revokeInvitation } from "~/modules/auth/invitations.server";
import { invitationMail, sendMail } from "~/modules/auth/mailer.server";
import { can, invitableRolesFor } from "~/modules/auth/permissions";
import { echoValues, type FieldErrors, parseRecordNumber } from "~/modules/forms/form-data";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { readFormToken } from "~/modules/forms/form-token";
import { appUrl } from "~/modules/http/app-url.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { listRegionsByProvince } from "~/modules/regions/regions.server";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, { action: "invitations.manage" });
  const [invitations, regionGroups] = await Promise.all([listInvitations(), listRegionsByProvince()]);
  return {
    title: (await translatorForRequest(request)).t("admin.invitationsTitle"),
    invitations,
    regionGroups,
    invitableRoles: invitableRolesFor(user),
  };
}

type ActionResult =
  | { intent: "create"; ok: false; errors: FieldErrors; values: Record<string, string> }
  /** `link` is null when the form was sent again: the invitation exists, and was sent the first time. */
  | { intent: "create"; ok: true; email: string; link: string | null; emailed: boolean }
  | { intent: "revoke"; ok: boolean };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "invitations.manage" });
  await requireWithinLimit(context, "invitation", user.id);
  const form = await readForm(request);
  if (form.get("intent") === "revoke") {
    const id = parseRecordNumber(form.get("invitationId"));
    const ok = id !== null && (await revokeInvitation(id, user.id, context.clientIp));
    return data({ intent: "revoke", ok } satisfies ActionResult, { status: ok ? 200 : 400 });
  }

  const parsed = parseForm(invitationSchema, form);
  if (!parsed.ok) return data({ intent: "create", ...parsed } satisfies ActionResult, { status: 400 });
  // The role is part of the question: curators may not hand out the admin role.
  if (!can(user, { action: "invitation.create", role: parsed.data.role })) throw new Response(null, { status: 403 });
  const created = await createInvitation({ ...parsed.data, invitedById: user.id, ip: context.clientIp, formToken: readFormToken(form) });
  if (!created.ok) {
    const code = created.problem === "alreadyRegistered" ? "alreadyRegistered" : "regionUnknown";
    const result: ActionResult = {
      intent: "create",
      ok: false,
      errors: { [created.field]: { code } },
      values: echoValues(form),
    };
    return data(result, { status: 400 });
  }
  if (created.path === null) return { intent: "create", ok: true, email: parsed.data.email, link: null, emailed: false } satisfies ActionResult;
  const link = appUrl(request, created.path);
  const emailed = await sendMail(invitationMail({ to: parsed.data.email, link, inviterName: user.name }));
  return { intent: "create", ok: true, email: parsed.data.email, link, emailed } satisfies ActionResult;
}

const statusTone: Record<InvitationStatus, BadgeTone> = {
  pending: "brand",
  accepted: "success",
  revoked: "neutral",
  expired: "warning",
};
const statusKey = {
  pending: "admin.statusPending",
  accepted: "admin.statusAccepted",
  revoked: "admin.statusRevoked",
  expired: "admin.statusExpired",
} as const;

export default function AdminInvitations() {
  const { invitations, regionGroups, invitableRoles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t, formatDate } = useWorkspaceTranslator();
  const created = result?.intent === "create" && result.ok ? result : null;
  const failed = result?.intent === "create" && !result.ok ? result : null;
  return (
    <div className="space-y-8">
      <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h1 id="invite-heading" className="text-2xl font-bold">
          {t("admin.invite")}
        </h1>
        {created ? (
          <div className="mt-4">
            <Alert tone="success">
              {created.link === null
                ? t("admin.invitationAlreadyCreated", { email: created.email })
                : created.emailed
                  ? t("admin.invitationSent", { email: created.email })
                  : t("admin.invitationCreated", { email: created.email })}
            </Alert>
            {created.link === null ? null : <OneTimeLink url={created.link} label={t("admin.invite")} />}
          </div>
        ) : null}
        {failed ? (
          <div className="mt-4">
            <Alert tone="error">{t("validation.formHasErrors")}</Alert>
          </div>
        ) : null}
        <SubmitForm method="post" className="mt-4 grid gap-4 sm:grid-cols-3" resetOnSuccess>
          <input type="hidden" name="intent" value="create" />
          <TextField
            name="email"
            type="email"
            label={t("admin.email")}
            defaultValue={failed?.values.email}
            error={failed?.errors.email}
            required
          />
          <SelectField name="role" label={t("admin.role")} defaultValue={failed?.values.role ?? "editor"} error={failed?.errors.role}>
            {invitableRoles.map((role) => (
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
            defaultValue={failed?.values.regionCode ?? ""}
            error={failed?.errors.regionCode}
          />
          <div>
            <SubmitButton>{t("admin.inviteButton")}</SubmitButton>
          </div>
        </SubmitForm>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="text-xl font-bold">
          {t("admin.invitationsTitle")}
        </h2>
        {result?.intent === "revoke" && result.ok ? (
          <div className="mt-3">
            <Alert tone="success">{t("admin.revoked")}</Alert>
          </div>
        ) : null}
        {invitations.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("admin.none")}</p>
        ) : (
          <DataTable
            className="mt-3"
            rows={invitations}
            rowKey={(invitation) => invitation.id}
            columns={[
              { id: "email", header: t("admin.email"), cell: (invitation) => invitation.email, cellClassName: "break-all" },
              {
                id: "role",
                header: t("admin.role"),
                cell: (invitation) => (
                  <>
                    {t(`roles.${invitation.role}`)}
                    {invitation.regionName ? <div className="text-xs text-slate-600">{invitation.regionName}</div> : null}
                  </>
                ),
              },
              { id: "invitedBy", header: t("admin.invitedBy"), cell: (invitation) => invitation.invitedBy },
              { id: "expires", header: t("admin.expires"), cell: (invitation) => formatDate(invitation.expiresAt) },
              {
                id: "status",
                header: t("admin.status"),
                cell: (invitation) => <Badge tone={statusTone[invitation.status]}>{t(statusKey[invitation.status])}</Badge>,
              },
              {
                id: "revoke",
                header: <span className="sr-only">{t("admin.revoke")}</span>,
                cell: (invitation) =>
                  invitation.status === "pending" ? (
                    <SubmitForm method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <SubmitButton className="text-red-700 underline">
                        {t("admin.revoke")}
                        <span className="sr-only"> {invitation.email}</span>
                      </SubmitButton>
                    </SubmitForm>
                  ) : null,
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}
