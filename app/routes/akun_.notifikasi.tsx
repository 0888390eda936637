import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { SelectField } from "~/components/ui/form";
import { requirePermission } from "~/modules/auth/guards.server";
import { readForm } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { isNotificationChannel, type NotificationChannel, notificationChannels, notificationKinds, type NotificationKind } from "~/modules/notifications/kinds";
import { getChannels, setChannels } from "~/modules/notifications/preferences.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, { action: "account.use" });
  return { title: (await translatorForRequest(request)).t("notifications.settingsTitle"), channels: await getChannels(user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "account.use" });
  const form = await readForm(request);
  const chosen: Partial<Record<NotificationKind, NotificationChannel>> = {};
  const invalid: NotificationKind[] = [];
  for (const kind of notificationKinds) {
    const value = form.get(kind);
    if (isNotificationChannel(value)) chosen[kind] = value;
    else invalid.push(kind);
  }
  // All or nothing: a tampered field leaves every choice as it was.
  if (invalid.length > 0) return data({ ok: false as const, invalid, chosen }, { status: 400 });
  await setChannels(user.id, chosen);
  return { ok: true as const, invalid: [] as NotificationKind[], chosen };
}

export default function NotificationSettings() {
  const { channels } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useWorkspaceTranslator();
  const shown = { ...channels, ...actionData?.chosen };
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <h1 className="text-3xl font-bold">{t("notifications.settingsTitle")}</h1>
      <p className="text-slate-700">{t("notifications.settingsLead")}</p>
      {actionData?.ok ? <Alert tone="success">{t("notifications.saved")}</Alert> : null}
      <SubmitForm method="post" className="space-y-4">
        {notificationKinds.map((kind) => (
          <SelectField
            key={kind}
            name={kind}
            label={t(`notifications.kindName.${kind}`)}
            defaultValue={shown[kind]}
            error={actionData?.invalid.includes(kind) ? { code: "required" } : undefined}
          >
            {notificationChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`notifications.channel.${channel}`)}
              </option>
            ))}
          </SelectField>
        ))}
        <SubmitButton>{t("notifications.save")}</SubmitButton>
      </SubmitForm>
    </div>
  );
}
