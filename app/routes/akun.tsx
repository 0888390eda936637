import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { NewPasswordFields, TextField } from "~/components/ui/form";
import { changePassword, signOutOtherSessions } from "~/modules/auth/account.server";
import { currentSession, requirePermission } from "~/modules/auth/guards.server";
import { changePasswordSchema } from "~/modules/auth/auth-forms.server";
import type { FieldErrors } from "~/modules/forms/form-data";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { getRegionName } from "~/modules/regions/regions.server";
import { Panel } from "~/components/ui/panel";
import { FEED_PATH } from "~/modules/follows";
import { readForm } from "~/modules/http/request-input";
import { sayRetryAfter } from "~/modules/limits/rate-limits.server";
import { minutesToWait } from "~/modules/limits/retry-after";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, { action: "account.use" });
  const title = (await translatorForRequest(request)).t("account.title");
  return { title, user, regionName: user.regionCode ? await getRegionName(user.regionCode) : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "account.use" });
  const session = (await currentSession(request, context))!;
  const form = await readForm(request);
  if (form.get("intent") === "sign-out-others") {
    const ended = await signOutOtherSessions({ userId: user.id, sessionId: session.sessionId, ip: context.clientIp });
    return { intent: "sign-out-others" as const, ok: true as const, ended };
  }
  const parsed = parseForm(changePasswordSchema, form);
  if (!parsed.ok) return data({ intent: "change-password" as const, ...parsed }, { status: 400 });
  const changed = await changePassword({
    userId: user.id,
    sessionId: session.sessionId,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
    ip: context.clientIp,
  });
  if (changed.ok) return { intent: "change-password" as const, ok: true as const, ended: 0 };
  const throttled = changed.reason === "throttled";
  if (throttled) sayRetryAfter(context, changed.retryAfterSeconds);
  const error: FieldErrors = { currentPassword: throttled ? { code: "passwordThrottled", max: minutesToWait(changed.retryAfterSeconds) } : { code: "wrongCurrentPassword" } };
  return data({ intent: "change-password" as const, ok: false as const, errors: error, values: {} }, { status: throttled ? 429 : 400 });
}

export default function Account() {
  const { user, regionName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useWorkspaceTranslator();
  const passwordResult = actionData?.intent === "change-password" ? actionData : null;
  const errors = passwordResult && !passwordResult.ok ? passwordResult.errors : {};
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-8">
      <div>
        <h1 className="text-3xl font-bold">{t("account.title")}</h1>
        <dl className="mt-4 grid gap-2 sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium text-slate-600">{t("auth.name")}</dt>
          <dd>{user.name}</dd>
          <dt className="font-medium text-slate-600">{t("auth.email")}</dt>
          <dd>{user.email}</dd>
          <dt className="font-medium text-slate-600">{t("account.role")}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          {regionName ? (
            <>
              <dt className="font-medium text-slate-600">{t("account.region")}</dt>
              <dd>{regionName}</dd>
            </>
          ) : null}
        </dl>
        <p className="mt-4">
          <Link to={FEED_PATH}>{t("follows.feedLink")}</Link>
        </p>
      </div>

      <Panel id="password" title={t("account.changePassword")}>
        <SubmitForm method="post" className="mt-4 space-y-4">
          {passwordResult?.ok ? <Alert tone="success">{t("account.passwordChanged")}</Alert> : null}
          <TextField
            name="currentPassword"
            type="password"
            label={t("account.currentPassword")}
            autoComplete="current-password"
            error={errors.currentPassword}
            required
          />
          <NewPasswordFields errors={errors} />
          <SubmitButton>{t("account.savePassword")}</SubmitButton>
        </SubmitForm>
      </Panel>

      <Panel id="sessions" title={t("account.otherSessions")}>
        <p className="mt-2 text-slate-700">{t("account.otherSessionsLead")}</p>
        {actionData?.intent === "sign-out-others" ? (
          <div className="mt-3">
            <Alert tone="success">{t("account.signedOutOthers", { count: actionData.ended })}</Alert>
          </div>
        ) : null}
        <SubmitForm method="post" className="mt-4">
          <input type="hidden" name="intent" value="sign-out-others" />
          <SubmitButton tone="secondary">{t("account.signOutOthers")}</SubmitButton>
        </SubmitForm>
      </Panel>
    </div>
  );
}
