import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IndicatorFilter } from "~/components/frameworks/indicator-filter";
import { Badge } from "~/components/ui/badge";
import { EmptyState, FilterActions, FilterSelect, ProvinceSelect } from "~/components/ui/filters";
import { inputClass, SubmitForm } from "~/components/ui/form-base";
import { Pagination } from "~/components/ui/pagination";
import { APPLICATION_FUNCTIONS, CATALOG_PAGE_SIZE, catalogSearch, parseCatalogQuery } from "~/modules/applications";
import { listCatalog, listTechnologies } from "~/modules/applications/catalog.server";
import { currentUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { indicatorSections } from "~/modules/frameworks";
import { getFrameworkTree, SPBE_2020 } from "~/modules/frameworks/index.server";
import { requestQuery } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { listProvinces } from "~/modules/regions/regions.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [provinces, tree, technologies, user, { t }] = await Promise.all([
    listProvinces(),
    getFrameworkTree(SPBE_2020),
    listTechnologies(),
    currentUser(request, context),
    translatorForRequest(request),
  ]);
  const query = parseCatalogQuery(requestQuery(request), { provinceCodes: new Set(provinces.map((province) => province.code)) });
  const result = await listCatalog(query);
  return {
    title: t("appCatalog.title"),
    provinces,
    indicatorSections: indicatorSections(tree.groups),
    technologies,
    query: { ...query, page: result.page },
    result,
    canAdd: user?.regionCode ? can(user, { action: "application.write", regionCode: user.regionCode }) : false,
    signedIn: user !== null,
  };
}

export default function ApplicationCatalog() {
  const { provinces, indicatorSections, technologies, query, result, canAdd, signedIn } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useWorkspaceTranslator();
  const from = result.total === 0 ? 0 : (result.page - 1) * CATALOG_PAGE_SIZE + 1;
  const to = Math.min(result.page * CATALOG_PAGE_SIZE, result.total);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{t("appCatalog.title")}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t("appCatalog.lead")}</p>
        </div>
        <div className="flex flex-wrap gap-4 text-sm">
          {canAdd ? <Link to="/aplikasi/baru">{t("appCatalog.add")}</Link> : null}
          {signedIn ? <Link to="/aplikasi/permintaan">{t("appCatalog.requestsLink")}</Link> : null}
        </div>
      </div>

      <SubmitForm method="get" role="search" aria-label={t("appCatalog.filters")} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <label className="block text-sm font-medium">
            {t("appCatalog.search")}
            <input type="search" name="q" defaultValue={query.text ?? ""} maxLength={200} className={inputClass} />
          </label>
          <FilterSelect
            name="fungsi"
            label={t("appCatalog.function")}
            allLabel={t("appCatalog.allFunctions")}
            options={APPLICATION_FUNCTIONS.map((value) => ({ value, label: t(`appCatalog.functions.${value}`) }))}
            defaultValue={query.function}
          />
          <IndicatorFilter label={t("appCatalog.indicator")} allLabel={t("appCatalog.allIndicators")} sections={indicatorSections} defaultValue={query.indicator} />
          <ProvinceSelect name="provinsi" provinces={provinces} defaultValue={query.province} />
          <FilterSelect
            name="teknologi"
            label={t("appCatalog.technology")}
            allLabel={t("appCatalog.allTechnologies")}
            options={[...(query.technology && !technologies.includes(query.technology) ? [query.technology] : []), ...technologies].map((value) => ({ value, label: value }))}
            defaultValue={query.technology}
          />
        </div>
        <div className="mt-4">
          <FilterActions resetTo="/aplikasi" />
        </div>
      </SubmitForm>

      <p className="mt-6 text-sm text-slate-700" role="status">
        {result.total > 0 ? t("appCatalog.showing", { from: formatNumber(from), to: formatNumber(to), total: formatNumber(result.total) }) : null}
      </p>
      {result.total === 0 ? (
        <EmptyState title={t("appCatalog.none")} help={t("appCatalog.noneHelp")} />
      ) : (
        <ul className="mt-3 grid gap-4 md:grid-cols-2">
          {result.applications.map((application) => (
            <li key={application.id} className="min-w-0 break-words rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link to={`/aplikasi/${application.id}`}>{application.name}</Link>
              </h2>
              <p className="text-sm text-slate-600">
                {application.regionName}, {application.provinceName}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Badge tone="brand">{t(`appCatalog.functions.${application.function}`)}</Badge>
                <Badge>{t(`appCatalog.terms.${application.terms}`)}</Badge>
              </div>
              <p className="mt-2 line-clamp-3 text-sm text-slate-700">{application.description}</p>
              {application.stack.length > 0 ? <p className="mt-2 text-sm text-slate-600">{application.stack.join(", ")}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => `/aplikasi${catalogSearch(query, { page })}`} label={t("directory.pagination")} />
    </div>
  );
}
