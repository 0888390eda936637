import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/ui/filters";
import { requirePermission } from "~/modules/auth/guards.server";
import { listSubmissionQueue } from "~/modules/benchmark/level-submissions.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageTitle } from "~/modules/i18n/page-title";
import { useTranslator } from "~/modules/i18n/use-translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

/** Curators: levels regions reported from their evaluation reports, waiting to be checked, oldest first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "assessment.verify" });
  const [queue, { t }] = await Promise.all([listSubmissionQueue(), translatorForRequest(request)]);
  return { title: t("levelReports.queueTitle"), queue };
}

export default function LevelReportQueue() {
  const { queue } = useLoaderData<typeof loader>();
  const { t, formatDate, formatIndex } = useTranslator();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm">
        <Link to="/praktik/kelola">← {t("workspace.queueTitle")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("levelReports.queueTitle")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("levelReports.queueLead")}</p>
      {queue.length === 0 ? (
        <EmptyState title={t("levelReports.queueEmpty")} />
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("levelReports.queueTitle")}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3">{t("directory.columnRegion")}</th>
                <th scope="col" className="px-4 py-3">{t("levelReports.year")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("levelReports.reportedIndex")}</th>
                <th scope="col" className="px-4 py-3">{t("workspace.submittedAt")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {queue.map((submission) => (
                <tr key={submission.id}>
                  <td className="px-4 py-3">
                    <Link to={`/kurasi/level-resmi/${submission.id}`} className="font-medium">
                      {submission.regionName}
                    </Link>
                  </td>
                  <td className="px-4 py-3 tabular-nums">{submission.year}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{submission.reportedIndex === null ? "—" : formatIndex(submission.reportedIndex)}</td>
                  <td className="px-4 py-3">
                    {formatDate(submission.submittedAt)} · {submission.submittedBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
