import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { requirePermission } from "~/modules/auth/guards.server";
import { readForm } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { inboxPage, markAllRead } from "~/modules/notifications/inbox.server";
import { notificationText } from "~/modules/notifications/message";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** `?sebelum=<id>`: the page of notifications older than that one (keyset paging). */
function beforeParameter(request: Request): number | null {
  const value = new URL(request.url).searchParams.get("sebelum");
  return value && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, { action: "account.use" });
  const before = beforeParameter(request);
  const page = await inboxPage(user.id, before);
  return { title: (await translatorForRequest(request)).t("notifications.title"), ...page, paged: before !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "account.use" });
  const form = await readForm(request);
  if (form.get("intent") !== "read-all") return { ok: false as const, marked: 0 };
  return { ok: true as const, marked: await markAllRead(user.id) };
}

export default function Inbox() {
  const { entries, olderFrom, paged } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const translator = useWorkspaceTranslator();
  const { t, formatDateTime } = translator;
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold">{t("notifications.title")}</h1>
        <Link to="/akun/notifikasi">{t("notifications.settingsLink")}</Link>
      </div>
      <p className="text-slate-700">{t("notifications.lead")}</p>
      {actionData?.ok ? <Alert tone="success">{t("notifications.markedAllRead", { count: actionData.marked })}</Alert> : null}
      {entries.some((entry) => !entry.read) ? (
        <SubmitForm method="post">
          <input type="hidden" name="intent" value="read-all" />
          <SubmitButton tone="secondary">{t("notifications.markAllRead")}</SubmitButton>
        </SubmitForm>
      ) : null}
      {entries.length === 0 ? (
        <p className="text-slate-700">{t("notifications.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {entries.map((entry) => (
            <li key={entry.id} className={`px-4 py-3 ${entry.read ? "" : "bg-brand-50"}`}>
              {/* Opening marks it read and goes on to the thing it is about. */}
              <Link to={`/kotak-masuk/${entry.id}`} className={entry.read ? "" : "font-semibold"}>
                {notificationText(t, entry)}
              </Link>
              <p className="mt-1 text-sm text-slate-600">
                {entry.read ? null : <span className="mr-2 font-medium text-brand-900">{t("notifications.unread")}</span>}
                <time dateTime={new Date(entry.createdAt).toISOString()}>{formatDateTime(entry.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav className="flex gap-4" aria-label={t("notifications.title")}>
        {paged ? <Link to="/kotak-masuk">{t("notifications.newest")}</Link> : null}
        {olderFrom !== null ? <Link to={`/kotak-masuk?sebelum=${olderFrom}`}>{t("notifications.older")}</Link> : null}
      </nav>
    </div>
  );
}
