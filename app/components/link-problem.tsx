import { Link } from "@remix-run/react";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

const messageKeys = {
  expired: "auth.linkExpired",
  used: "auth.linkUsed",
  accepted: "auth.linkUsed",
  revoked: "auth.linkRevoked",
  unknown: "auth.linkUnknown",
} as const;

export type LinkProblemStatus = keyof typeof messageKeys;

/** The page for a one-time link that is expired, used, revoked or unknown. */
export function LinkProblem({ status }: { status: LinkProblemStatus }) {
  const { t } = useExtraTranslator();
  return (
    <div className="mx-auto max-w-lg px-4 py-12">
      <h1 className="text-2xl font-bold">{t("auth.linkProblemTitle")}</h1>
      <p className="mt-3 text-slate-700">{t(messageKeys[status])}</p>
      <p className="mt-6">
        <Link to="/masuk">{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}
