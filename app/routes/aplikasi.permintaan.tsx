import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RequestList } from "~/components/applications/request-list";
import { listRequests } from "~/modules/applications/requests.server";
import { requirePermission } from "~/modules/auth/guards.server";
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
  const requests = user.regionCode ? await listRequests(user, { regionCode: user.regionCode }) : [];
  return {
    title: t("appCatalog.requestsTitle"),
    incoming: requests.filter((row) => row.ownerRegionCode === user.regionCode),
    outgoing: requests.filter((row) => row.requesterRegionCode === user.regionCode),
  };
}

export default function ApplicationRequests() {
  const { title, incoming, outgoing } = useLoaderData<typeof loader>();
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
        <RequestList requests={incoming} showApplication />
      </section>
      <section aria-labelledby="keluar-heading">
        <h2 id="keluar-heading" className="text-xl font-bold">
          {t("appCatalog.used")}
        </h2>
        <RequestList requests={outgoing} showApplication />
      </section>
    </div>
  );
}
