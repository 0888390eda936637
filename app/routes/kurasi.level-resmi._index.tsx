import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import { EmptyState } from "~/components/ui/filters";
import { requirePermission } from "~/modules/auth/guards.server";
import { listSubmissionQueue } from "~/modules/benchmark/level-submissions.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Curators: levels regions reported from their evaluation reports, waiting to be checked, oldest first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "assessment.verify" });
  const [queue, { t }] = await Promise.all([listSubmissionQueue(), translatorForRequest(request)]);
  return { title: t("levelReports.queueTitle"), queue };
}

export default function LevelReportQueue() {
  const { queue } = useLoaderData<typeof loader>();
  const { t, formatDate, formatIndex } = useWorkspaceTranslator();
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
        <DataTable
          className="mt-6"
          caption={t("levelReports.queueTitle")}
          rows={queue}
          rowKey={(submission) => submission.id}
          columns={[
            {
              id: "region",
              header: t("directory.columnRegion"),
              cell: (submission) => (
                <Link to={`/kurasi/level-resmi/${submission.id}`} className="font-medium">
                  {submission.regionName}
                </Link>
              ),
            },
            { id: "year", header: t("levelReports.year"), cell: (submission) => submission.year, cellClassName: "tabular-nums" },
            {
              id: "index",
              header: t("levelReports.reportedIndex"),
              align: "end",
              cell: (submission) => (submission.reportedIndex === null ? "—" : formatIndex(submission.reportedIndex)),
              cellClassName: "tabular-nums",
            },
            { id: "submitted", header: t("workspace.submittedAt"), cell: (submission) => `${formatDate(submission.submittedAt)} · ${submission.submittedBy}` },
          ]}
        />
      )}
    </div>
  );
}
