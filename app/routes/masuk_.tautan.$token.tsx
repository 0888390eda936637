import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkProblem } from "~/components/link-problem";
import { NarrowPage } from "~/components/layout/narrow-page";
import { SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { inspectOneTimeLink, signInWithLink } from "~/modules/auth/one-time-links.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Demo sign-in links: opening the page changes nothing (link scanners), the button signs in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await inspectOneTimeLink(params.token ?? "", "sign_in");
  const title = (await translatorForRequest(request)).t("auth.linkSignInTitle");
  const user = link.status === "valid" ? { name: link.user.name, email: link.user.email } : null;
  return data({ title, status: link.status, user }, { status: link.status === "valid" ? 200 : 410 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await signInWithLink(params.token ?? "", context.clientIp);
  if (!session) return redirect(new URL(request.url).pathname);
  return redirect("/akun", { headers: { "Set-Cookie": session.cookie } });
}

export default function SignInWithLink() {
  const { status, user } = useLoaderData<typeof loader>();
  const { t } = useExtraTranslator();
  if (status !== "valid" || !user) return <LinkProblem status={status === "valid" ? "unknown" : status} />;
  return (
    <NarrowPage title={t("auth.linkSignInTitle")} lead={t("auth.linkSignInLead", { email: user.email })}>
      <SubmitForm method="post">
        <SubmitButton>{t("auth.linkSignInButton", { name: user.name })}</SubmitButton>
      </SubmitForm>
    </NarrowPage>
  );
}
