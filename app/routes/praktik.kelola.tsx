import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SubmitForm } from "~/components/ui/form-base";
import { PracticeStateBadge } from "~/components/practices/state-badge";
import { RegionSelect } from "~/components/region-select";
import { DataTable } from "~/components/ui/data-table";
import { EmptyState, FilterActions, FilterSelect, ProvinceSelect } from "~/components/ui/filters";
import { Pagination } from "~/components/ui/pagination";
import { requirePermission } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { countPendingSubmissions } from "~/modules/benchmark/level-submissions.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { listWorkspacePractices } from "~/modules/practices/practice-list.server";
import { parseWorkspaceQuery } from "~/modules/practices/practice-query";
import { PRACTICE_STATES } from "~/modules/practices/workflow";
import { listProvinces, listRegionsByProvince } from "~/modules/regions/regions.server";
import { requestQuery } from "~/modules/http/request-input";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/**
 * Curators: the review queue (submissions, oldest first, by province or region) and every
 * practice by status. Editors: their region's practices in every status.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, { action: "practice.workspace" });
  const reviewer = can(user, { action: "practice.review" });
  const [provinces, regionGroups, { t }] = await Promise.all([listProvinces(), listRegionsByProvince(), translatorForRequest(request)]);
  const query = parseWorkspaceQuery(
    requestQuery(request),
    {
      provinceCodes: new Set(provinces.map((province) => province.code)),
      regionCodes: new Set(regionGroups.flatMap((group) => group.regions.map((region) => region.code))),
    },
    reviewer ? "submitted" : null,
  );
  const [result, pendingLevels] = await Promise.all([listWorkspacePractices(user, query), reviewer ? countPendingSubmissions() : 0]);
  return {
    pendingLevels,
    title: reviewer ? t("workspace.queueTitle") : t("workspace.title"),
    reviewer,
    provinces: reviewer ? provinces : [],
    regionGroups: reviewer ? regionGroups : [],
    query: { ...query, page: result.page },
    result,
  };
}

export default function PracticeWorkspace() {
  const { title, reviewer, provinces, regionGroups, query, result, pendingLevels } = useLoaderData<typeof loader>();
  const { t, formatDate, formatNumber } = useWorkspaceTranslator();
  const search = (page: number) => {
    const params = new URLSearchParams();
    params.set("status", query.state ?? "semua");
    if (query.province) params.set("provinsi", query.province);
    if (query.region) params.set("daerah", query.region);
    if (page > 1) params.set("hal", String(page));
    return `?${params}`;
  };
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{title}</h1>
          <p className="mt-1 text-slate-700">{reviewer ? t("workspace.queueLead") : t("workspace.lead")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          {reviewer ? <Link to="/kurasi/kohort/idsl-2022">{t("workspace.cohorts")}</Link> : null}
          {reviewer ? <Link to="/kurasi/impor-spbe">{t("csvImport.title")}</Link> : null}
          {reviewer ? <Link to="/kurasi/level-resmi">{t("workspace.levelReports", { count: pendingLevels })}</Link> : null}
          {reviewer ? <Link to="/kurasi/tanggapan">{t("workspace.figureNotes")}</Link> : null}
          {reviewer ? <Link to="/kurasi/kerangka">{t("frameworkEditor.listTitle")}</Link> : null}
          {reviewer ? <Link to="/kurasi/padanan-kerangka">{t("assessmentFrameworks.curator.link")}</Link> : null}
          <Link to="/praktik/baru" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
          {t("workspace.new")}
          </Link>
        </div>
      </div>
      <SubmitForm method="get" className="mt-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <FilterSelect
          name="status"
          label={t("workspace.status")}
          options={[{ value: "semua", label: t("workspace.allStates") }, ...PRACTICE_STATES.map((state) => ({ value: state, label: t(`practiceState.${state}`) }))]}
          defaultValue={query.state ?? "semua"}
        />
        {reviewer ? (
          <>
            <ProvinceSelect name="provinsi" provinces={provinces} defaultValue={query.province} />
            <RegionSelect name="daerah" label={t("practice.region")} emptyLabel={t("practices.allRegions")} groups={regionGroups} defaultValue={query.region ?? ""} />
          </>
        ) : null}
        <div className="flex items-end">
          <FilterActions />
        </div>
      </SubmitForm>
      <p className="mt-6 text-sm text-slate-700" role="status">
        {t("workspace.count", { formatted: formatNumber(result.total) })}
      </p>
      {result.practices.length === 0 ? (
        <EmptyState title={t("workspace.empty")} />
      ) : (
        <DataTable
          className="mt-3"
          rows={result.practices}
          rowKey={(practice) => practice.id}
          columns={[
            {
              id: "title",
              header: t("practiceForm.title"),
              cell: (practice) => (
                <>
                  <Link to={`/praktik/${practice.id}/tinjauan`} className="font-medium">
                    {practice.title}
                  </Link>
                  {practice.isPublic && practice.state !== "published" ? (
                    <span className="block text-xs text-slate-600">{t("workspace.publishedStaysVisible")}</span>
                  ) : null}
                </>
              ),
            },
            {
              id: "region",
              header: t("practice.region"),
              cell: (practice) => (
                <>
                  {practice.regionName}
                  <span className="block text-xs text-slate-600">{practice.provinceName}</span>
                </>
              ),
            },
            { id: "state", header: t("workspace.status"), cell: (practice) => <PracticeStateBadge state={practice.state} /> },
            {
              id: "date",
              header: query.state === "submitted" ? t("workspace.submittedAt") : t("workspace.updatedAt"),
              cell: (practice) => formatDate(query.state === "submitted" && practice.submittedAt ? practice.submittedAt : practice.updatedAt),
              cellClassName: "tabular-nums",
            },
          ]}
        />
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={search} label={t("directory.pagination")} />
    </div>
  );
}
