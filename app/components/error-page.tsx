import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslator } from "~/modules/i18n/use-translator";

/** Localized page for thrown 404s and unexpected errors; details stay in the server log. */
export function ErrorPage({ notFoundMessage }: { notFoundMessage?: string }) {
  const error = useRouteError();
  const { t } = useTranslator();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const notFound = status === 404;
  const forbidden = status === 403;
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center">
      <p className="text-5xl font-bold text-brand-700" aria-hidden="true">
        {notFound || forbidden ? status : 500}
      </p>
      <h1 className="mt-4 text-2xl font-bold">
        {notFound ? t("errors.notFoundTitle") : forbidden ? t("errors.forbiddenTitle") : t("errors.errorTitle")}
      </h1>
      <p className="mt-3 text-slate-700">
        {notFound ? (notFoundMessage ?? t("errors.notFoundBody")) : forbidden ? t("errors.forbiddenBody") : t("errors.errorBody")}
      </p>
      <p className="mt-6">
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </div>
  );
}
