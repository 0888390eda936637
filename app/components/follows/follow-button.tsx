import { Link, useLocation } from "@remix-run/react";
import { SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { FOLLOW_FIELDS, FOLLOW_PATH, FOLLOW_TYPE_WORDS, type FollowTarget } from "~/modules/follows";
import { useTranslator } from "~/modules/i18n/use-translator";

/**
 * Follow or unfollow a region, an indicator or a tag, then come back to this page. A visitor is
 * offered to sign in and come back here instead.
 */
export function FollowButton({ target, following, signedIn }: { target: FollowTarget; following: boolean; signedIn: boolean }) {
  const { t } = useTranslator();
  const location = useLocation();
  const here = location.pathname + location.search;
  if (!signedIn) return <Link to={`/masuk?redirectTo=${encodeURIComponent(here)}`}>{t("followButton.signIn")}</Link>;
  return (
    <SubmitForm method="post" action={FOLLOW_PATH} className="inline-block">
      <input type="hidden" name={FOLLOW_FIELDS.type} value={FOLLOW_TYPE_WORDS[target.type]} />
      <input type="hidden" name={FOLLOW_FIELDS.key} value={target.key} />
      <input type="hidden" name={FOLLOW_FIELDS.back} value={here} />
      <SubmitButton tone="secondary" name={FOLLOW_FIELDS.intent} value={following ? "berhenti" : "ikuti"}>
        {following ? t("followButton.unfollow") : t("followButton.follow")}
      </SubmitButton>
    </SubmitForm>
  );
}
