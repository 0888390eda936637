import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import type { UnknownFramework } from "~/modules/frameworks/index.server";
import { useTranslator } from "~/modules/i18n/use-translator";
import { minutesToWait } from "~/modules/limits/retry-after";
import { REQUEST_ID_ATTRIBUTE, useRequestId } from "./request-id";

/** What the page says for each status a loader or action may throw; anything else is "our fault". */
const PAGES = {
  400: { title: "errors.badRequestTitle", body: "errors.badRequestBody" },
  403: { title: "errors.forbiddenTitle", body: "errors.forbiddenBody" },
  404: { title: "errors.notFoundTitle", body: "errors.notFoundBody" },
  415: { title: "errors.unsupportedTitle", body: "errors.unsupportedBody" },
  429: { title: "errors.tooManyTitle", body: "errors.tooManyBody" },
  500: { title: "errors.errorTitle", body: "errors.errorBody" },
  503: { title: "errors.unavailableTitle", body: "errors.unavailableBody" },
} as const;

/** Localized page for thrown statuses and unexpected errors; details stay in the server log. */
export function ErrorPage({ notFoundMessage }: { notFoundMessage?: string }) {
  const error = useRouteError();
  const location = useLocation();
  const { t } = useTranslator();
  const requestId = useRequestId();
  const thrown = isRouteErrorResponse(error) ? error.status : 500;
  const status = thrown in PAGES ? (thrown as keyof typeof PAGES) : 500;
  const retryAfterSeconds = isRouteErrorResponse(error) ? Number((error.data as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds) || 60 : 60;
  const unknownFramework = isRouteErrorResponse(error) ? (error.data as Partial<UnknownFramework> | null)?.unknownFramework : undefined;
  // A refusal may bring its own words, localized by the server (a read limit is not about submissions).
  const told = isRouteErrorResponse(error) ? (error.data as { title?: unknown; body?: unknown } | null) : null;
  const body = unknownFramework
    ? t("frameworks.unknown", { requested: unknownFramework.requested })
    : status === 404 && notFoundMessage
      ? notFoundMessage
      : typeof told?.body === "string"
        ? told.body
        : t(PAGES[status].body, status === 429 ? { count: minutesToWait(retryAfterSeconds) } : undefined);
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center">
      <p className="text-5xl font-bold text-brand-700" aria-hidden="true">
        {status}
      </p>
      <h1 className="mt-4 text-2xl font-bold">{typeof told?.title === "string" ? told.title : t(PAGES[status].title)}</h1>
      <p className="mt-3 text-slate-700">{body}</p>
      {unknownFramework ? (
        <ul className="mt-3 space-y-1">
          {unknownFramework.choices.map((choice) => (
            <li key={choice.slug}>
              <Link to={`${location.pathname}?kerangka=${encodeURIComponent(choice.slug)}`}>{choice.shortName}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {requestId ? (
        <p className="mt-6 text-sm text-slate-600" {...{ [REQUEST_ID_ATTRIBUTE]: requestId }}>
          {t("support.requestId", { id: requestId })}
        </p>
      ) : null}
      <p className="mt-6">
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </div>
  );
}
