import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useSearchParams } from "@remix-run/react";
import { NarrowPage } from "~/components/layout/narrow-page";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextField } from "~/components/ui/form";
import { currentUser } from "~/modules/auth/guards.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { setEmailLanguage } from "~/modules/notifications/preferences.server";
import { safeRedirectPath } from "~/modules/http/safe-redirect";
import { localeFromRequest, translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { sayRetryAfter } from "~/modules/limits/rate-limits.server";
import { minutesToWait } from "~/modules/limits/retry-after";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await currentUser(request, context)) {
    throw redirect(safeRedirectPath(requestQuery(request).get("redirectTo")));
  }
  return { title: (await translatorForRequest(request)).t("auth.signInTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = String(form.get("email") ?? "").slice(0, 254);
  const password = String(form.get("password") ?? "");
  const result = await signIn({ email, password, ip: context.clientIp });
  if (result.ok) {
    // Their emails follow the language they use the site in.
    await setEmailLanguage(result.userId, await localeFromRequest(request));
    return redirect(safeRedirectPath(form.get("redirectTo")), { headers: { "Set-Cookie": result.cookie } });
  }
  if (result.reason === "throttled") {
    sayRetryAfter(context, result.retryAfterSeconds);
    return data({ problem: "throttled" as const, retryAfterSeconds: result.retryAfterSeconds, email }, { status: 429 });
  }
  return data({ problem: "invalid" as const, retryAfterSeconds: 0, email }, { status: 400 });
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useExtraTranslator();
  return (
    <NarrowPage title={t("auth.signInTitle")} lead={t("auth.signInLead")}>
      <SubmitForm method="post" className="space-y-4">
        {actionData?.problem === "invalid" ? <Alert tone="error">{t("auth.invalidCredentials")}</Alert> : null}
        {actionData?.problem === "throttled" ? (
          <Alert tone="error">{t("auth.throttled", { count: minutesToWait(actionData.retryAfterSeconds) })}</Alert>
        ) : null}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="username"
          defaultValue={actionData?.email}
          required
        />
        <TextField name="password" type="password" label={t("auth.password")} autoComplete="current-password" required />
        <SubmitButton>{t("auth.signInButton")}</SubmitButton>
      </SubmitForm>
      <p className="mt-6 text-sm text-slate-600">{t("auth.noAccount")}</p>
    </NarrowPage>
  );
}
