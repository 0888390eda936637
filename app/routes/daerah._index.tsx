import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RegionFiguresTable } from "~/components/benchmark/region-figures-table";
import { inputClass, SubmitForm } from "~/components/ui/form";
import { CohortSelect, EmptyState, FilterActions, ProvinceSelect, RegionTypeSelect } from "~/components/ui/filters";
import { Pagination } from "~/components/ui/pagination";
import { withLatestOfficialFigure } from "~/modules/benchmark/region-figures.server";
import { getFrameworkSummary, SPBE_2020 } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { loaderMeta } from "~/modules/http/loader-meta";
import { serverPageMeta } from "~/modules/http/page-meta.server";
import { useTranslator } from "~/modules/i18n/use-translator";
import { listCohorts } from "~/modules/regions/cohorts.server";
import { directorySearch, parseDirectoryQuery, renamedDirectoryParams } from "~/modules/regions/directory-query";
import { listProvinces, searchRegionDirectory } from "~/modules/regions/regions.server";
import { requestQuery } from "~/modules/http/request-input";

export const meta: MetaFunction<typeof loader> = loaderMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = requestQuery(request);
  const renamed = renamedDirectoryParams(params);
  if (renamed) throw redirect(`/daerah?${renamed}`, 301);
  const { t } = await translatorForRequest(request);
  const [provinces, cohorts] = await Promise.all([listProvinces(), listCohorts()]);
  const query = parseDirectoryQuery(params, {
    provinceCodes: new Set(provinces.map((province) => province.code)),
    cohortSlugs: new Set(cohorts.map((cohort) => cohort.slug)),
  });
  const result = await searchRegionDirectory(query);
  // The directory lists SPBE 2020's official figures (the framework with years of results), named as such.
  const [regions, framework] = await Promise.all([withLatestOfficialFigure(SPBE_2020, result.regions), getFrameworkSummary(SPBE_2020)]);
  const title = t("directory.title");
  return { title, meta: await serverPageMeta(request, { title }), framework: framework?.shortName ?? SPBE_2020, provinces, cohorts, query: { ...query, page: result.page }, result: { ...result, regions } };
}

export default function RegionDirectory() {
  const { framework, provinces, cohorts, query, result } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useTranslator();
  const from = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const to = Math.min(result.page * result.pageSize, result.total);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t("directory.title")}</h1>
      <p className="mt-2 text-slate-700">{t("directory.lead", { framework })}</p>
      <p className="mt-2 text-sm">
        <Link to="/peta">{t("mapLink.open")}</Link>
      </p>

      <SubmitForm method="get" role="search" aria-label={t("directory.filters")} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
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
          <ProvinceSelect name="provinsi" provinces={provinces} defaultValue={query.province} />
          <RegionTypeSelect name="jenis" defaultValue={query.type} />
          <CohortSelect name="kohort" cohorts={cohorts} defaultValue={query.cohort} />
        </div>
        <div className="mt-4">
          <FilterActions resetTo="/daerah" />
        </div>
      </SubmitForm>

      <p className="mt-6 text-sm text-slate-700" role="status">
        {result.total > 0
          ? t("directory.showing", { from: formatNumber(from), to: formatNumber(to), total: formatNumber(result.total) })
          : null}
      </p>

      {result.total === 0 ? (
        <EmptyState title={t("directory.none")} help={t("directory.noneHelp")} />
      ) : (
        <div className="mt-3">
          <RegionFiguresTable regions={result.regions} framework={framework} />
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
