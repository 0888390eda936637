import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, LiveReload, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "./components/error-page";
import { SiteFooter } from "./components/layout/site-footer";
import { SiteHeader } from "./components/layout/site-header";
import { useNonce } from "./components/nonce";
import { currentUser } from "./modules/auth/guards.server";
import { can } from "./modules/auth/permissions";
import { newFormToken } from "./modules/forms/submit-once.server";
import { sampleDataPresent } from "./modules/benchmark/sample-data.server";
import { defaultLocale } from "./modules/i18n/locales";
import { localeFromRequest } from "./modules/i18n/locale.server";
import { translatorFor } from "./modules/i18n/translator.server";
import { appOrigin } from "./modules/http/app-url.server";
import { loaderMeta } from "./modules/http/loader-meta";
import { serverPageMeta } from "./modules/http/page-meta.server";
import { useTranslator } from "./modules/i18n/use-translator";
import { unreadCount } from "./modules/notifications/inbox.server";
import stylesheet from "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = loaderMeta;

/** The start of this hour: its day in Jakarta (UTC+7, whole hours) is today's. */
function servedHour(): string {
  const hour = 60 * 60 * 1000;
  return new Date(Math.floor(Date.now() / hour) * hour).toISOString();
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [user, sampleData] = await Promise.all([currentUser(request, context), sampleDataPresent()]);
  // One count on the unread index, stopping at 100, so it costs the same for any inbox.
  const unread = user ? await unreadCount(user.id) : 0;
  const [locale, meta] = await Promise.all([localeFromRequest(request), serverPageMeta(request)]);
  return {
    sampleData,
    locale,
    // The site-wide tags, for error pages (their route has no loader data to read tags from).
    meta,
    // For every page's meta (pageMeta) and printed footer: absolute links, and the day it was
    // served, kept to the hour so that an unchanged page renders the same (its ETag holds).
    site: { origin: appOrigin(request), description: translatorFor(locale).t("share.siteDescription"), servedOn: servedHour() },
    // Forms post it back (SubmitForm): new with every render and after every action, so a
    // replay of one submission can be told from the next. Only signed-in users create things.
    formToken: user ? newFormToken() : null,
    user: user && {
      name: user.name,
      unread,
      canAdminister: can(user, { action: "invitations.manage" }),
      workspace: can(user, { action: "practice.review" }) ? ("curation" as const) : can(user, { action: "practice.workspace" }) ? ("workspace" as const) : null,
    },
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { t, formatDate } = useTranslator();
  const location = useLocation();
  const site = rootData?.site;
  return (
    <html lang={rootData?.locale ?? defaultLocale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          {t("site.skipToContent")}
        </a>
        <SiteHeader user={rootData?.user ?? null} />
        {rootData?.sampleData ? (
          <p role="note" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950">
            {t("site.sampleDataNotice")}
          </p>
        ) : null}
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
        {site ? (
          // A printed page says where and when it came from; the screen never shows this.
          <p className="hidden px-4 pt-4 text-xs text-slate-700 print:block" data-print-footer>
            {t("share.printedFrom", { url: new URL(location.pathname + location.search, site.origin).toString(), date: formatDate(site.servedOn) })}
          </p>
        ) : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        {/* Renders nothing outside `npm run dev`: the dev server's reload after a rebuild. */}
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
