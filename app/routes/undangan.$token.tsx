import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkProblem } from "~/components/link-problem";
import { NarrowPage } from "~/components/layout/narrow-page";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { NewPasswordFields, TextField } from "~/components/ui/form";
import { acceptInvitation, inspectInvitation } from "~/modules/auth/invitations.server";
import { acceptInvitationSchema } from "~/modules/auth/auth-forms.server";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import { readForm } from "~/modules/http/request-input";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lookup = await inspectInvitation(params.token ?? "");
  const title = (await translatorForRequest(request)).t("auth.inviteTitle");
  return data({ title, lookup }, { status: lookup.status === "pending" ? 200 : 410 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(acceptInvitationSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const session = await acceptInvitation(params.token ?? "", {
    name: parsed.data.name,
    password: parsed.data.newPassword,
    ip: context.clientIp,
  });
  // The link stopped being valid while the form was open: show why.
  if (!session) return redirect(new URL(request.url).pathname);
  return redirect("/akun", { headers: { "Set-Cookie": session.cookie } });
}

export default function AcceptInvitation() {
  const { lookup } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useExtraTranslator();
  if (lookup.status !== "pending") return <LinkProblem status={lookup.status} />;
  const { invitation } = lookup;
  const errors = actionData && !actionData.ok ? actionData.errors : {};
  const values = actionData && !actionData.ok ? actionData.values : {};
  const role = t(`roles.${invitation.role}`);
  return (
    <NarrowPage
      title={t("auth.inviteTitle")}
      lead={
        invitation.regionName
          ? t("auth.inviteLeadRegion", { role, region: invitation.regionName, email: invitation.email })
          : t("auth.inviteLead", { role, email: invitation.email })
      }
    >
      <SubmitForm method="post" className="space-y-4">
        {actionData && !actionData.ok ? <Alert tone="error">{t("validation.formHasErrors")}</Alert> : null}
        <TextField name="name" label={t("auth.name")} autoComplete="name" defaultValue={values.name} error={errors.name} required />
        <NewPasswordFields errors={errors} />
        <SubmitButton>{t("auth.inviteAccept")}</SubmitButton>
      </SubmitForm>
    </NarrowPage>
  );
}
