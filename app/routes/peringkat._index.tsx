import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FigureNotes, FigureSources, FigureValue, KindBadge } from "~/components/benchmark/figure";
import { FrameworkSwitch } from "~/components/frameworks/framework-switch";
import { PublishedAverages } from "~/components/benchmark/published-averages";
import { PredikatBadge } from "~/components/predikat-badge";
import { DataTable } from "~/components/ui/data-table";
import { DownloadLinks } from "~/components/ui/download-links";
import { Alert, SubmitForm } from "~/components/ui/form";
import { CohortSelect, EmptyState, FilterActions, FilterSelect, ProvinceSelect, RegionTypeSelect } from "~/components/ui/filters";
import { Pagination } from "~/components/ui/pagination";
import { kindParam } from "~/modules/benchmark/figure-kinds";
import { type RankingQuery, type RankingSort, rankingSearch } from "~/modules/benchmark/rankings";
import { loaderMeta } from "~/modules/http/loader-meta";
import { FeedLinks } from "~/components/feeds/feed-links";
import { useTranslator } from "~/modules/i18n/use-translator";
import { ShareLinks } from "~/components/share/share-links";
import { rankingsPageData } from "~/pages/rankings-page.server";

export const meta: MetaFunction<typeof loader> = loaderMeta;

export async function loader(args: LoaderFunctionArgs) {
  return rankingsPageData(args);
}

export default function Rankings() {
  const { share, framework, frameworks, query, kinds, years, provinces, cohorts, rows, disputed, total, ranked, pageCount, averages, feeds } = useLoaderData<typeof loader>();
  const { t, formatIndex, formatNumber } = useTranslator();
  const rankingQuery = query as RankingQuery;
  const sortLink = (sort: RankingSort) => {
    const descending = query.sort === sort ? !query.descending : sort === "perubahan";
    return `/peringkat${rankingSearch(rankingQuery, { sort, descending, page: 1 })}`;
  };
  const ariaSort = (sort: RankingSort) => (query.sort === sort ? (query.descending ? "descending" : "ascending") : undefined);
  const withData = ranked + disputed.length;
  const who = query.type === "provinsi" ? t("rankings.provinceGovernments") : t("rankings.regions");
  const title = t("rankings.title", { framework: framework.shortName, year: query.year });
  // A framework without official results yet (Pemdi 2026 before its first round is published).
  const noOfficialYet = query.kind === "official" && years.length === 0;
  const otherKinds = kinds.filter((kind) => kind !== "official");
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="flex flex-wrap items-center gap-3 text-3xl font-bold">
        {title} <KindBadge kind={query.kind} />
      </h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("rankings.lead", { framework: framework.name })}</p>
      <ShareLinks url={share.url} title={title} className="mt-3" />
      <FeedLinks feeds={feeds} className="mt-3" />
      <div className="mt-4 max-w-3xl">
        <FrameworkSwitch frameworks={frameworks} current={framework.slug} />
      </div>
      <p className="mt-3 text-sm">
        <Link to={`/peta?kerangka=${framework.slug}&tahun=${query.year}`}>{t("mapLink.open")}</Link>
      </p>
      {noOfficialYet ? (
        <div className="mt-3 max-w-3xl">
          <Alert tone="info">
            {t("frameworkViews.noOfficial", { framework: framework.shortName, who })}{" "}
            {otherKinds.length > 0 ? (
              <>
                {t("frameworkViews.otherKinds")}{" "}
                {otherKinds.map((kind, index) => (
                  <span key={kind}>
                    {index > 0 ? ", " : null}
                    <Link to={`/peringkat?kerangka=${framework.slug}&data=${kindParam(kind)}`}>{t(`figures.kind.${kind}`)}</Link>
                  </span>
                ))}
                .
              </>
            ) : (
              t("frameworkViews.noOtherKinds")
            )}
          </Alert>
        </div>
      ) : null}
      {query.kind !== "official" ? (
        <div className="mt-3 max-w-3xl">
          <Alert tone="info">{t(`rankings.notOfficial.${query.kind}`)}</Alert>
        </div>
      ) : null}

      <SubmitForm method="get" aria-label={t("rankings.filters")} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="kerangka" value={framework.slug} />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <FilterSelect name="data" label={t("rankings.kind")} options={kinds.map((kind) => ({ value: kindParam(kind), label: t(`figures.kind.${kind}`) }))} defaultValue={kindParam(query.kind)} />
          <FilterSelect name="tahun" label={t("rankings.year")} options={[...years].reverse().map((year) => ({ value: year, label: String(year) }))} defaultValue={query.year} />
          <RegionTypeSelect name="jenis" defaultValue={query.type} withProvinceGovernments />
          <ProvinceSelect name="provinsi" provinces={provinces} defaultValue={query.province} />
          <CohortSelect name="kohort" cohorts={cohorts} defaultValue={query.cohort} />
        </div>
        <div className="mt-4">
          <FilterActions resetTo={`/peringkat?kerangka=${framework.slug}`} />
        </div>
      </SubmitForm>

      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" role="status">
          {t("rankings.coverage", { count: withData, withData: formatNumber(withData), total: formatNumber(total), who, kind: t(`figures.kindLower.${query.kind}`), year: query.year })}
        </p>
        <DownloadLinks path="/peringkat" />
      </div>
      <PublishedAverages averages={averages} />
      {rows.length === 0 && disputed.length === 0 ? (
        <EmptyState title={t("rankings.none")} help={t("rankings.noneHelp")} />
      ) : null}
      {rows.length > 0 ? (
        <DataTable
          className="mt-3"
          density="compact"
          caption={title}
          rows={rows}
          rowKey={(row) => row.code}
          columns={[
            { id: "rank", header: <Link to={sortLink("peringkat")}>{t("rankings.rank")}</Link>, sort: ariaSort("peringkat"), cell: (row) => formatNumber(row.rank), cellClassName: "tabular-nums" },
            {
              id: "name",
              header: <Link to={sortLink("nama")}>{t("directory.columnRegion")}</Link>,
              sort: ariaSort("nama"),
              cell: (row) => (
                <>
                  <Link to={query.type === "provinsi" ? `/provinsi/${row.code}` : `/daerah/${row.code}/benchmark?kerangka=${framework.slug}`} className="font-medium">
                    {row.name}
                  </Link>
                  {query.type === "provinsi" ? null : <span className="block text-xs text-slate-600">{row.provinceName}</span>}
                  <FigureNotes notes={row.notes} />
                </>
              ),
            },
            {
              id: "index",
              header: t("region.index"),
              align: "end",
              cellClassName: "font-semibold",
              cell: (row) => (
                <>
                  <FigureValue figure={row.figure} />
                  {row.figure.mismatch ? <span className="block text-xs font-normal text-red-700">{t("figures.mismatch")}</span> : null}
                </>
              ),
            },
            { id: "predikat", header: t("region.predikat"), cell: (row) => <PredikatBadge predikat={row.predikat} /> },
            {
              id: "change",
              header: <Link to={sortLink("perubahan")}>{t("rankings.change", { year: query.year - 1 })}</Link>,
              sort: ariaSort("perubahan"),
              align: "end",
              cellClassName: "tabular-nums",
              cell: (row) => (row.change === null ? "—" : `${row.change > 0 ? "+" : row.change < 0 ? "−" : "±"}${formatIndex(Math.abs(row.change))}`),
            },
            { id: "percentile", header: t("rankings.percentile"), align: "end", hideBelow: "sm", cellClassName: "tabular-nums", cell: (row) => formatNumber(row.percentile) },
            {
              id: "sources",
              header: t("figures.sources"),
              cellClassName: "text-xs",
              cell: (row) => (
                <>
                  <KindBadge kind={row.figure.kind} />
                  <FigureSources figure={row.figure} />
                </>
              ),
            },
          ]}
        />
      ) : null}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => `/peringkat${rankingSearch(rankingQuery, { page })}`} label={t("directory.pagination")} />
      {disputed.length > 0 ? (
        <section aria-labelledby="disputed-heading" className="mt-6">
          <h2 id="disputed-heading" className="text-lg font-bold">
            {t("rankings.disputedHeading")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("figures.disputedHelp")}</p>
          <ul className="mt-2 space-y-2">
            {disputed.map((row) => (
              <li key={row.code} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <Link to={`/daerah/${row.code}`} className="font-medium">
                  {row.name}
                </Link>{" "}
                <FigureValue figure={row.figure} />
                <div className="mt-1 text-xs">
                  <FigureSources figure={row.figure} />
                </div>
                <FigureNotes notes={row.notes} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mt-3 text-sm text-slate-600">{t("rankings.percentileNote")}</p>
    </div>
  );
}
