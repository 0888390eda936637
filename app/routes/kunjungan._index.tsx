import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/ui/pagination";
import { VisitList } from "~/components/visits/visit-parts";
import { currentUser } from "~/modules/auth/guards.server";
import { requestQuery } from "~/modules/http/request-input";
import { readPage, searchString } from "~/modules/http/url-query";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { visitPage } from "~/modules/visits/index.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Study visits the viewer may see, a page at a time (?hal=): everyone the accepted, completed and cancelled ones, both regions and Kemendagri the open ones too. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await currentUser(request, context);
  const [list, { t }] = await Promise.all([visitPage(user, readPage(requestQuery(request))), translatorForRequest(request)]);
  return { title: t("studyVisit.listTitle"), ...list, signedIn: user !== null };
}

export default function Visits() {
  const { title, visits, page, pageCount, signedIn } = useLoaderData<typeof loader>();
  const { t } = useWorkspaceTranslator();
  return (
    <div className="mx-auto max-w-4xl space-y-4 px-4 py-8">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="text-slate-700">{t("studyVisit.listLead")}</p>
      {signedIn ? <p className="text-sm text-slate-600">{t("studyVisit.listHint")}</p> : null}
      {visits.length > 0 ? <VisitList visits={visits} /> : <p className="text-slate-600">{t("studyVisit.listEmpty")}</p>}
      <Pagination page={page} pageCount={pageCount} hrefFor={(target) => `/kunjungan${searchString({ hal: target > 1 ? target : null })}`} label={title} />
    </div>
  );
}
