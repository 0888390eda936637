import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DataKindBadge } from "~/components/benchmark/data-kind-badge";
import { PredikatBadge } from "~/components/predikat-badge";
import { CohortSelect, EmptyState, FilterActions, FilterSelect, ProvinceSelect, RegionTypeSelect } from "~/components/ui/filters";
import { Pagination } from "~/components/ui/pagination";
import { computeRankings, rankingChoices } from "~/modules/benchmark/rankings.server";
import { RANKING_PAGE_SIZE, type RankingQuery, type RankingSort, rankingSearch } from "~/modules/benchmark/rankings";
import { SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageTitle } from "~/modules/i18n/page-title";
import { useTranslator } from "~/modules/i18n/use-translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const [choices, { t }] = await Promise.all([rankingChoices(SPBE_2020, new URL(request.url).searchParams), translatorForRequest(request)]);
  if (!choices) throw new Response(null, { status: 404 });
  const { data, ...rest } = choices;
  const ranked = await computeRankings(data, choices.query);
  const pageCount = Math.max(1, Math.ceil(ranked.length / RANKING_PAGE_SIZE));
  const page = Math.min(choices.query.page, pageCount);
  // Only what the table shows travels to the browser: the loader data is part of the page.
  const rows = ranked.slice((page - 1) * RANKING_PAGE_SIZE, page * RANKING_PAGE_SIZE).map(({ candidate, rank, percentile, change }) => ({
    code: candidate.code,
    name: candidate.name,
    provinceName: candidate.provinceName,
    value: candidate.value,
    predikat: candidate.predikat,
    kind: candidate.kind,
    mismatch: candidate.mismatch,
    source: candidate.kind === "official" ? candidate.source : undefined,
    rank,
    percentile,
    change,
  }));
  return { title: t("rankings.title", { year: choices.query.year }), ...rest, query: { ...choices.query, page }, pageCount, total: ranked.length, rows };
}

export default function Rankings() {
  const { query, years, provinces, cohorts, rows, total, pageCount } = useLoaderData<typeof loader>();
  const { t, formatIndex, formatNumber } = useTranslator();
  const sortLink = (sort: RankingSort) => {
    const descending = query.sort === sort ? !query.descending : sort === "perubahan";
    return `/peringkat${rankingSearch(query as RankingQuery, { sort, descending, page: 1 })}`;
  };
  const ariaSort = (sort: RankingSort) => (query.sort === sort ? (query.descending ? "descending" : "ascending") : undefined);
  const hasSample = rows.some((row) => row.kind === "sample");
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t("rankings.title", { year: query.year })}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("rankings.lead")}</p>

      <Form method="get" aria-label={t("rankings.filters")} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect name="tahun" label={t("rankings.year")} options={[...years].reverse().map((year) => ({ value: year, label: String(year) }))} defaultValue={query.year} />
          <ProvinceSelect name="provinsi" provinces={provinces} defaultValue={query.province} />
          <RegionTypeSelect name="jenis" defaultValue={query.type} />
          <CohortSelect name="kohort" cohorts={cohorts} defaultValue={query.cohort} />
        </div>
        <div className="mt-4">
          <FilterActions resetTo="/peringkat" />
        </div>
      </Form>

      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" role="status">
          {t("rankings.count", { formatted: formatNumber(total) })}
        </p>
        <a href={`/peringkat.csv${rankingSearch(query as RankingQuery, { page: 1 })}`} download className="text-sm font-semibold">
          {t("rankings.downloadCsv")}
        </a>
      </div>
      {hasSample ? <p className="mt-2 text-sm text-amber-900">{t("benchmark.sampleNote")}</p> : null}
      {rows.length === 0 ? (
        <EmptyState title={t("rankings.none")} help={t("rankings.noneHelp")} />
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("rankings.title", { year: query.year })}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-3" aria-sort={ariaSort("peringkat")}>
                  <Link to={sortLink("peringkat")}>{t("rankings.rank")}</Link>
                </th>
                <th scope="col" className="px-3 py-3" aria-sort={ariaSort("nama")}>
                  <Link to={sortLink("nama")}>{t("directory.columnRegion")}</Link>
                </th>
                <th scope="col" className="px-3 py-3 text-right">{t("region.index")}</th>
                <th scope="col" className="px-3 py-3">{t("region.predikat")}</th>
                <th scope="col" className="px-3 py-3 text-right" aria-sort={ariaSort("perubahan")}>
                  <Link to={sortLink("perubahan")}>{t("rankings.change", { year: query.year - 1 })}</Link>
                </th>
                <th scope="col" className="hidden px-3 py-3 text-right sm:table-cell">{t("rankings.percentile")}</th>
                <th scope="col" className="px-3 py-3">{t("rankings.data")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map(({ rank, percentile, change, ...candidate }) => (
                <tr key={candidate.code}>
                  <td className="px-3 py-2 tabular-nums">{formatNumber(rank)}</td>
                  <td className="px-3 py-2">
                    <Link to={`/daerah/${candidate.code}/benchmark`} className="font-medium">
                      {candidate.name}
                    </Link>
                    <span className="block text-xs text-slate-600">{candidate.provinceName}</span>
                  </td>
                  <td className="px-3 py-2 text-right font-semibold tabular-nums">
                    {formatIndex(candidate.value)}
                    {candidate.mismatch ? (
                      <span className="block text-xs font-normal text-red-700">{t("benchmark.mismatch")}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    <PredikatBadge predikat={candidate.predikat} />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {change === null ? "—" : `${change > 0 ? "+" : change < 0 ? "−" : "±"}${formatIndex(Math.abs(change))}`}
                  </td>
                  <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{formatNumber(percentile)}</td>
                  <td className="px-3 py-2">
                    <DataKindBadge kind={candidate.kind} source={candidate.source} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => `/peringkat${rankingSearch(query as RankingQuery, { page })}`} label={t("directory.pagination")} />
      <p className="mt-3 text-sm text-slate-600">{t("rankings.percentileNote")}</p>
    </div>
  );
}
