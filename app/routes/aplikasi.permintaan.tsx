import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RequestList } from "~/components/applications/request-list";
import { Pagination } from "~/components/ui/pagination";
import { requestPage } from "~/modules/applications/requests.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { requestQuery } from "~/modules/http/request-input";
import { integerBetween, readParam, searchString } from "~/modules/http/url-query";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/**
 * A region's officials: requests for their region's applications (its editors decide them here
 * or on the application's page, which both forms post to) and their region's own requests. Accounts without a region have nothing here.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, { action: "account.use" });
  const { t } = await translatorForRequest(request);
  // Each list has its own page: ?hal-masuk= and ?hal-keluar=.
  const query = requestQuery(request);
  const pages = { incoming: readParam(query, "hal-masuk", integerBetween(1, 10_000)) ?? 1, outgoing: readParam(query, "hal-keluar", integerBetween(1, 10_000)) ?? 1 };
  const empty = (page: number) => ({ requests: [], page, pageCount: 1 });
  const { regionCode } = user;
  const [incoming, outgoing] = regionCode
    ? await Promise.all([requestPage({ ...user, regionCode }, "incoming", pages.incoming), requestPage({ ...user, regionCode }, "outgoing", pages.outgoing)])
    : [empty(pages.incoming), empty(pages.outgoing)];
  return { title: t("appCatalog.requestsTitle"), incoming, outgoing };
}

export default function ApplicationRequests() {
  const { title, incoming, outgoing } = useLoaderData<typeof loader>();
  const hrefFor = (incomingPage: number, outgoingPage: number) =>
    `/aplikasi/permintaan${searchString({ "hal-masuk": incomingPage > 1 ? incomingPage : null, "hal-keluar": outgoingPage > 1 ? outgoingPage : null })}`;
  const { t } = useWorkspaceTranslator();
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to="/aplikasi">← {t("appCatalog.title")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{title}</h1>
        <p className="mt-1 text-slate-700">{t("appCatalog.requestsLead")}</p>
      </div>
      <section aria-labelledby="masuk-heading">
        <h2 id="masuk-heading" className="text-xl font-bold">
          {t("appCatalog.shared")}
        </h2>
        <RequestList requests={incoming.requests} showApplication />
        <Pagination page={incoming.page} pageCount={incoming.pageCount} hrefFor={(page) => hrefFor(page, outgoing.page)} label={t("appCatalog.shared")} />
      </section>
      <section aria-labelledby="keluar-heading">
        <h2 id="keluar-heading" className="text-xl font-bold">
          {t("appCatalog.used")}
        </h2>
        <RequestList requests={outgoing.requests} showApplication />
        <Pagination page={outgoing.page} pageCount={outgoing.pageCount} hrefFor={(page) => hrefFor(incoming.page, page)} label={t("appCatalog.used")} />
      </section>
    </div>
  );
}
