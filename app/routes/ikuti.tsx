import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { Alert } from "~/components/ui/form-base";
import { currentUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { FEED_PATH, FOLLOW_FIELDS } from "~/modules/follows";
import { follow, resolveFollowTarget, unfollow } from "~/modules/follows/follows.server";
import { readForm } from "~/modules/http/request-input";
import { safeRedirectPath } from "~/modules/http/safe-redirect";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";

/**
 * Follows or unfollows what the form names, for the signed-in user only (a user id in the form
 * is ignored), and goes back to the page the form was on. Bad input answers with a message here.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  // Parsed as a URL so that what goes into the Location header is percent-encoded ASCII.
  const backUrl = new URL(safeRedirectPath(form.get(FOLLOW_FIELDS.back), FEED_PATH), "http://idsl.invalid");
  const back = backUrl.pathname + backUrl.search;
  const user = await currentUser(request, context);
  if (!can(user, { action: "follows.own" })) return data({ problem: "signIn" as const, back }, { status: 401 });
  const stop = form.get(FOLLOW_FIELDS.intent) === "berhenti";
  const resolved = await resolveFollowTarget(form.get(FOLLOW_FIELDS.type), form.get(FOLLOW_FIELDS.key), { tagMustExist: !stop });
  if (!resolved.ok) return data({ problem: resolved.problem, back }, { status: 400 });
  await (stop ? unfollow : follow)(user!.id, resolved.target);
  return redirect(back);
}

/** Shown only when a follow was refused (a success goes back); opened directly, it points to the feed. */
export default function FollowProblemPage() {
  const result = useActionData<typeof action>();
  const { t } = useWorkspaceTranslator();
  if (!result) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-8">
        <Link to={FEED_PATH}>{t("follows.feedLink")}</Link>
      </div>
    );
  }
  const { back } = result;
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-8">
      <h1 className="text-3xl font-bold">{t("follows.errorTitle")}</h1>
      {result?.problem === "signIn" ? (
        <>
          <Alert tone="error">{t("followButton.signInFirst")}</Alert>
          <p>
            <Link to={`/masuk?redirectTo=${encodeURIComponent(back)}`}>{t("followButton.signIn")}</Link>
          </p>
        </>
      ) : (
        <Alert tone="error">{t(`follows.problem.${result.problem}`)}</Alert>
      )}
      <p>
        <Link to={back}>{t("follows.back")}</Link>
      </p>
    </div>
  );
}
