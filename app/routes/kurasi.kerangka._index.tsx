import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useFrameworkYears } from "~/components/frameworks/framework-switch";
import { DataTable } from "~/components/ui/data-table";
import { requirePermission } from "~/modules/auth/guards.server";
import { listCuratedFrameworks } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Curators: every framework with its status, version, years and the changes waiting for review. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "framework.propose" });
  const [frameworks, { t }] = await Promise.all([listCuratedFrameworks(), translatorForRequest(request)]);
  return { title: t("frameworkEditor.listTitle"), frameworks };
}

export default function CuratedFrameworks() {
  const { frameworks } = useLoaderData<typeof loader>();
  const { t } = useWorkspaceTranslator();
  const yearsOf = useFrameworkYears();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm">
        <Link to="/praktik/kelola">← {t("workspace.queueTitle")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("frameworkEditor.listTitle")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("frameworkEditor.listLead")}</p>
      <DataTable
        className="mt-6"
        caption={t("frameworkEditor.listTitle")}
        rows={frameworks}
        rowKey={(framework) => framework.slug}
        columns={[
          {
            id: "framework",
            header: t("frameworkEditor.columnFramework"),
            rowHeader: true,
            cell: (framework) => (
              <>
                <Link to={`/kurasi/kerangka/${framework.slug}`} className="font-medium">
                  {framework.shortName}
                </Link>
                <span className="block text-xs font-normal text-slate-600">{framework.name}</span>
              </>
            ),
          },
          { id: "status", header: t("frameworkEditor.columnStatus"), cell: (framework) => t(`frameworkPage.sourceStatus.${framework.sourceStatus}`) },
          { id: "version", header: t("frameworkEditor.columnVersion"), align: "end", cell: (framework) => framework.version, cellClassName: "tabular-nums" },
          { id: "years", header: t("frameworkEditor.columnYears"), cell: (framework) => yearsOf(framework) ?? "—" },
          { id: "pending", header: t("frameworkEditor.columnPending"), align: "end", cell: (framework) => framework.pending, cellClassName: "tabular-nums" },
          { id: "public", header: t("frameworkEditor.publicPage"), cell: (framework) => <Link to={`/kerangka/${framework.slug}`}>/kerangka/{framework.slug}</Link> },
        ]}
      />
    </div>
  );
}
