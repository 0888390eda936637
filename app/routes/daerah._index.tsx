import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LatestFigureCell } from "~/components/benchmark/headline-figure";
import { Badge } from "~/components/ui/badge";
import { inputClass } from "~/components/ui/form";
import { CohortSelect, EmptyState, FilterActions, ProvinceSelect, RegionTypeSelect } from "~/components/ui/filters";
import { Pagination } from "~/components/ui/pagination";
import { latestOfficialFigures } from "~/modules/benchmark/region-figures.server";
import { SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageTitle } from "~/modules/i18n/page-title";
import { useTranslator } from "~/modules/i18n/use-translator";
import { listCohorts } from "~/modules/regions/cohorts.server";
import { directorySearch, parseDirectoryQuery } from "~/modules/regions/directory-query";
import { listProvinces, searchRegionDirectory } from "~/modules/regions/regions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await translatorForRequest(request);
  const [provinces, cohorts] = await Promise.all([listProvinces(), listCohorts()]);
  const query = parseDirectoryQuery(new URL(request.url).searchParams, {
    provinceCodes: new Set(provinces.map((province) => province.code)),
    cohortSlugs: new Set(cohorts.map((cohort) => cohort.slug)),
  });
  const result = await searchRegionDirectory(query);
  const latest = await latestOfficialFigures(SPBE_2020, result.regions.map((region) => region.code));
  const regions = result.regions.map((region) => {
    return { ...region, latest: latest.get(region.code) ?? null };
  });
  return { title: t("directory.title"), provinces, cohorts, query: { ...query, page: result.page }, result: { ...result, regions } };
}


export default function RegionDirectory() {
  const { provinces, cohorts, query, result } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useTranslator();
  const from = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const to = Math.min(result.page * result.pageSize, result.total);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t("directory.title")}</h1>
      <p className="mt-2 text-slate-700">{t("directory.lead")}</p>

      <Form method="get" role="search" aria-label={t("directory.filters")} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <label className="block text-sm font-medium">
            {t("directory.name")}
            <input
              type="search"
              name="q"
              defaultValue={query.name}
              maxLength={100}
              placeholder={t("directory.namePlaceholder")}
              className={inputClass}
            />
          </label>
          <ProvinceSelect name="province" provinces={provinces} defaultValue={query.province} />
          <RegionTypeSelect name="type" defaultValue={query.type} />
          <CohortSelect name="cohort" cohorts={cohorts} defaultValue={query.cohort} />
        </div>
        <div className="mt-4">
          <FilterActions resetTo="/daerah" />
        </div>
      </Form>

      <p className="mt-6 text-sm text-slate-700" role="status">
        {result.total > 0
          ? t("directory.showing", { from: formatNumber(from), to: formatNumber(to), total: formatNumber(result.total) })
          : null}
      </p>

      {result.total === 0 ? (
        <EmptyState title={t("directory.none")} help={t("directory.noneHelp")} />
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3">{t("directory.columnRegion")}</th>
                <th scope="col" className="hidden px-4 py-3 sm:table-cell">{t("directory.columnProvince")}</th>
                <th scope="col" className="hidden px-4 py-3 text-right md:table-cell">{t("directory.columnPopulation")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("directory.columnIndex")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {result.regions.map((region) => (
                <tr key={region.code}>
                  <td className="px-4 py-3">
                    <Link to={`/daerah/${region.code}`} className="font-medium">
                      {region.name}
                    </Link>
                    <div className="mt-1 flex flex-wrap gap-1 text-xs text-slate-600">
                      <span className="sm:hidden">{region.provinceName}</span>
                      {region.cohorts.map((cohort) => (
                        <Badge key={cohort} tone="brand">
                          {cohort}
                        </Badge>
                      ))}
                    </div>
                  </td>
                  <td className="hidden px-4 py-3 sm:table-cell">{region.provinceName}</td>
                  <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">
                    {region.population === null ? "—" : formatNumber(region.population)}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <LatestFigureCell figure={region.latest} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => `/daerah${directorySearch(query, { page })}`}
        label={t("directory.pagination")}
      />
    </div>
  );
}
