import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { KindBadge } from "~/components/benchmark/figure";
import { ProvinceMap } from "~/components/benchmark/province-map";
import { ErrorPage } from "~/components/error-page";
import { FrameworkSwitch } from "~/components/frameworks/framework-switch";
import { DataTable } from "~/components/ui/data-table";
import { Alert } from "~/components/ui/form";
import { MAP_METRICS, type MapMetric, mapSearch } from "~/modules/benchmark/province-map";
import { getProvinceMap } from "~/modules/benchmark/province-map.server";
import { pageMeta } from "~/modules/http/page-meta";
import { requestQuery } from "~/modules/http/request-input";
import { searchString } from "~/modules/http/url-query";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageMeta(args, { title: args.data?.title, description: args.data?.description, query: ["ukuran", "kerangka", "tahun"] });

/** Anyone: the province map of one measure (official index mean of one framework and year, practices, adoptions). */
export async function loader({ request }: LoaderFunctionArgs) {
  const [map, { t }] = await Promise.all([getProvinceMap(requestQuery(request)), translatorForRequest(request)]);
  const { query, framework } = map;
  return {
    ...map,
    frameworks: map.frameworks.map(({ slug, name, shortName, sourceStatus, firstYear, lastYear, version }) => ({ slug, name, shortName, sourceStatus, firstYear, lastYear, version })),
    title: t("provinceMap.title"),
    description: t(`provinceMap.caption.${query.metric}`, { framework: framework.shortName, year: query.year }),
  };
}

export default function ProvinceMapPage() {
  const { query, framework, frameworks, years, hasOfficial, width, height, classes, decimals, provinces, replaced, description } = useLoaderData<typeof loader>();
  const { t, formatIndex } = useExtraTranslator();
  const indexShown = query.metric === "indeks";
  // The rankings and directory take the province as `provinsi`, like their own filters.
  const rankingsHref = (code: string) => `/peringkat${searchString({ kerangka: framework.slug, tahun: hasOfficial ? query.year : null, provinsi: code })}`;
  const directoryHref = (code: string) => `/daerah${searchString({ provinsi: code })}`;
  const choiceClass = (selected: boolean) =>
    `inline-block rounded-md border px-3 py-1.5 text-sm no-underline ${selected ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:border-brand-700"}`;
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-8">
      <div>
        <h1 className="text-3xl font-bold">{t("provinceMap.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("provinceMap.lead")}</p>
      </div>

      {replaced.metric !== null ? <Alert tone="info">{t("provinceMap.replacedMetric", { requested: replaced.metric, shown: t(`provinceMap.metrics.${query.metric}`) })}</Alert> : null}
      {replaced.year !== null && hasOfficial ? (
        <Alert tone="info">{t("provinceMap.replacedYear", { framework: framework.shortName, requested: replaced.year, year: query.year })}</Alert>
      ) : null}

      <nav aria-label={t("provinceMap.metric")} className="space-y-2">
        <p className="text-sm font-medium">{t("provinceMap.metric")}</p>
        <ul className="flex flex-wrap gap-2">
          {MAP_METRICS.map((metric: MapMetric) => (
            <li key={metric}>
              <Link to={`/peta${mapSearch({ ...query, metric })}`} aria-current={metric === query.metric ? "page" : undefined} className={choiceClass(metric === query.metric)}>
                {t(`provinceMap.metrics.${metric}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {indexShown ? (
        <div className="space-y-4">
          <FrameworkSwitch frameworks={frameworks} current={framework.slug} />
          {years.length > 0 ? (
            <nav aria-label={t("provinceMap.year")} className="space-y-2">
              <p className="text-sm font-medium">{t("provinceMap.year")}</p>
              <ul className="flex flex-wrap gap-2">
                {[...years].reverse().map((year) => (
                  <li key={year}>
                    <Link to={`/peta${mapSearch({ ...query, year })}`} aria-current={year === query.year ? "page" : undefined} className={choiceClass(year === query.year)}>
                      {year}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {hasOfficial ? null : <Alert tone="info">{t("provinceMap.noOfficial", { framework: framework.shortName })}</Alert>}
        </div>
      ) : null}

      <figure className="space-y-3">
        <figcaption>
          <span className="flex flex-wrap items-center gap-2 text-lg font-bold">
            {description} {indexShown ? <KindBadge kind="official" /> : null}
          </span>
          <span className="mt-1 block max-w-3xl text-sm text-slate-700">{t(`provinceMap.note.${query.metric}`)}</span>
          {indexShown ? <span className="mt-1 block max-w-3xl text-sm text-slate-700">{t("provinceMap.legendIndex", { framework: framework.shortName })}</span> : null}
        </figcaption>
        <ProvinceMap title={description} width={width} height={height} provinces={provinces} classes={classes} decimals={decimals} metric={query.metric} hrefOf={rankingsHref} />
        <p className="text-xs text-slate-600">
          {indexShown ? t("provinceMap.source", { framework: framework.shortName }) : t("provinceMap.sourceCounts")}{" "}
          <a href="https://github.com/denyherianto/indonesia-geojson-topojson-maps-with-38-provinces" rel="noopener noreferrer external" className="underline">
            {t("provinceMap.attribution")}
          </a>{" "}
          <a href="https://creativecommons.org/licenses/by/4.0/" rel="noopener noreferrer external license" className="underline">
            CC BY 4.0
          </a>
        </p>
      </figure>

      <section aria-labelledby="peta-tabel" className="space-y-3">
        <h2 id="peta-tabel" className="text-xl font-bold">
          {t("provinceMap.tableHeading")}
        </h2>
        <DataTable
          density="compact"
          caption={description}
          rows={provinces}
          rowKey={(province) => province.code}
          columns={[
            { id: "name", header: t("provinceMap.province"), rowHeader: true, cellClassName: "font-medium", cell: (province) => <Link to={rankingsHref(province.code)}>{province.name}</Link> },
            {
              id: "mean",
              header: `${t("provinceMap.mean")} (${framework.shortName}, ${query.year})`,
              align: "end",
              cellClassName: "tabular-nums",
              cell: (province) => (province.mean === null ? <span className="text-slate-600">{t("provinceMap.noData")}</span> : formatIndex(province.mean)),
            },
            { id: "withData", header: t("provinceMap.withData"), align: "end", cellClassName: "tabular-nums", cell: (province) => t("provinceMap.withDataValue", { withData: province.withData, regions: province.regions }) },
            { id: "practices", header: t("provinceMap.practicesColumn"), align: "end", cellClassName: "tabular-nums", cell: (province) => <Link to={`/praktik${searchString({ provinsi: province.code })}`}>{province.practices}</Link> },
            { id: "adoptions", header: t("provinceMap.adoptionsColumn"), align: "end", cellClassName: "tabular-nums", cell: (province) => province.adoptions },
            {
              id: "links",
              header: t("provinceMap.links"),
              cell: (province) => (
                <span className="flex flex-wrap gap-x-3">
                  <Link to={rankingsHref(province.code)} aria-label={`${t("provinceMap.rankings")}: ${province.name}`}>
                    {t("provinceMap.rankings")}
                  </Link>
                  <Link to={directoryHref(province.code)} aria-label={`${t("provinceMap.directory")}: ${province.name}`}>
                    {t("provinceMap.directory")}
                  </Link>
                </span>
              ),
            },
          ]}
        />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
