import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import { readUnsubscribeToken, unsubscribe } from "~/modules/notifications/unsubscribe.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/**
 * An email's unsubscribe link. Opening it only asks (link checkers and previews open links);
 * the button, or the mail client's one-click POST (RFC 8058), unsubscribes. The signed token is
 * the authority: no session needed, and a tampered one changes nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const target = readUnsubscribeToken(params.token ?? "");
  return data({ title: (await translatorForRequest(request)).t("unsubscribe.title"), valid: target !== null }, { status: target ? 200 : 400 });
}

export async function action({ params }: ActionFunctionArgs) {
  const done = await unsubscribe(params.token ?? "");
  return data({ ok: done !== null }, { status: done ? 200 : 400 });
}

export default function Unsubscribe() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useExtraTranslator();
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <h1 className="text-3xl font-bold">{t("unsubscribe.title")}</h1>
      {actionData ? (
        <Alert tone={actionData.ok ? "success" : "error"}>{actionData.ok ? t("unsubscribe.done") : t("unsubscribe.invalid")}</Alert>
      ) : valid ? (
        <>
          <p className="text-slate-700">{t("unsubscribe.lead")}</p>
          <SubmitForm method="post">
            <SubmitButton>{t("unsubscribe.confirm")}</SubmitButton>
          </SubmitForm>
        </>
      ) : (
        <Alert tone="error">{t("unsubscribe.invalid")}</Alert>
      )}
    </div>
  );
}
