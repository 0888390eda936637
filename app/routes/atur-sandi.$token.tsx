import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkProblem } from "~/components/link-problem";
import { NarrowPage } from "~/components/layout/narrow-page";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { NewPasswordFields } from "~/components/ui/form";
import { inspectOneTimeLink, setPasswordWithLink } from "~/modules/auth/one-time-links.server";
import { setPasswordSchema } from "~/modules/auth/auth-forms.server";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import { readForm } from "~/modules/http/request-input";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await inspectOneTimeLink(params.token ?? "", "set_password");
  const title = (await translatorForRequest(request)).t("auth.setPasswordTitle");
  const email = link.status === "valid" ? link.user.email : null;
  return data({ title, status: link.status, email }, { status: link.status === "valid" ? 200 : 410 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(setPasswordSchema, await readForm(request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  const session = await setPasswordWithLink(params.token ?? "", parsed.data.newPassword, context.clientIp);
  if (!session) return redirect(new URL(request.url).pathname);
  return redirect("/akun", { headers: { "Set-Cookie": session.cookie } });
}

export default function SetPassword() {
  const { status, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useExtraTranslator();
  if (status !== "valid") return <LinkProblem status={status} />;
  const errors = actionData && !actionData.ok ? actionData.errors : {};
  return (
    <NarrowPage title={t("auth.setPasswordTitle")} lead={t("auth.setPasswordLead", { email: email ?? "" })}>
      <SubmitForm method="post" className="space-y-4">
        {actionData && !actionData.ok ? <Alert tone="error">{t("validation.formHasErrors")}</Alert> : null}
        <NewPasswordFields errors={errors} />
        <SubmitButton>{t("auth.setPasswordButton")}</SubmitButton>
      </SubmitForm>
    </NarrowPage>
  );
}
