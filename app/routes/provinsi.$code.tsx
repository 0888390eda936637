import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FigureNotes, FigureSources, FigureValue, KindBadge } from "~/components/benchmark/figure";
import { FigureHistoryTable } from "~/components/benchmark/figure-history";
import { FigureTrendChart } from "~/components/benchmark/figure-trend";
import { PublishedAverages } from "~/components/benchmark/published-averages";
import { ErrorPage } from "~/components/error-page";
import { PredikatBadge } from "~/components/predikat-badge";
import { getGovernmentFigures, latestOfficialFigures, provinceAverages } from "~/modules/benchmark/region-figures.server";
import { SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageTitle } from "~/modules/i18n/page-title";
import { useTranslator } from "~/modules/i18n/use-translator";
import { getProvince } from "~/modules/regions/regions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

/**
 * A province: its own government's SPBE figures (ranked only among provincial governments, never
 * with kabupaten/kota), the averages sources publish for its kabupaten/kota, and those regions.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const province = await getProvince(params.code ?? "");
  if (!province) throw new Response(null, { status: 404 });
  const [figures, averages, latest, { t }] = await Promise.all([
    getGovernmentFigures(province.province.code, SPBE_2020),
    provinceAverages(SPBE_2020, province.province.code),
    latestOfficialFigures(SPBE_2020, province.regions.map((region) => region.code)),
    translatorForRequest(request),
  ]);
  return {
    title: t("province.title", { name: province.province.name }),
    province: province.province,
    figures,
    averages,
    regions: province.regions.map((region) => {
      return { ...region, latest: latest.get(region.code) ?? null };
    }),
  };
}

export default function ProvincePage() {
  const { province, figures, averages, regions } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useTranslator();
  const headline = figures?.headline ?? null;
  const government = t("province.government", { name: province.name });
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to="/daerah">{t("nav.regions")}</Link> › {province.name}
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("province.title", { name: province.name })}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("province.lead")}</p>
      </div>

      <section aria-labelledby="government-heading" className="space-y-3">
        <h2 id="government-heading" className="text-xl font-bold">
          {t("province.governmentHeading", { name: government })}
        </h2>
        {headline ? (
          <div className="max-w-md rounded-lg border border-slate-200 bg-white px-5 py-4">
            <p className="text-sm text-slate-600">{t("region.latestIndex", { year: headline.year })}</p>
            <p className="mt-1 flex flex-wrap items-center gap-2">
              <FigureValue figure={headline} className="text-3xl font-bold text-brand-800" />
              <PredikatBadge predikat={headline.predikat} />
              <KindBadge kind="official" />
            </p>
            <div className="mt-1 text-xs">
              <FigureSources figure={headline} />
            </div>
            <FigureNotes notes={headline.notes} />
          </div>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">{t("province.noFigures")}</p>
        )}
        {figures && figures.rows.length > 0 ? (
          <>
            <FigureTrendChart
              title={t("regionBenchmark.trendChart", { region: government })}
              description={t("regionBenchmark.trendDescription")}
              years={figures.rows.map((row) => row.year)}
              series={figures.kinds.map((kind) => ({ name: government, kind, tone: "primary", figures: figures.rows.flatMap((row) => row.figures[kind] ?? []) }))}
              national={figures.rows.flatMap((row) => (row.national ? [row.national] : []))}
            />
            <FigureHistoryTable caption={t("province.governmentHeading", { name: government })} kinds={figures.kinds} rows={figures.rows} />
            <p className="text-sm">
              <Link to="/peringkat?jenis=provinsi">{t("province.compareProvinces")}</Link>
            </p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="regions-heading" className="space-y-3">
        <h2 id="regions-heading" className="text-xl font-bold">
          {t("province.regionsHeading", { name: province.name })}
        </h2>
        <p className="text-sm">
          <Link to={`/peringkat?provinsi=${province.code}`}>{t("province.rankRegions")}</Link>
        </p>
        <PublishedAverages averages={averages} />
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("province.regionsHeading", { name: province.name })}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3">{t("directory.columnRegion")}</th>
                <th scope="col" className="hidden px-4 py-3 text-right md:table-cell">{t("directory.columnPopulation")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("directory.columnIndex")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {regions.map((region) => (
                <tr key={region.code}>
                  <td className="px-4 py-3">
                    <Link to={`/daerah/${region.code}`} className="font-medium">
                      {region.name}
                    </Link>
                  </td>
                  <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{region.population === null ? "—" : formatNumber(region.population)}</td>
                  <td className="px-4 py-3 text-right">
                    {region.latest ? (
                      <span className="inline-flex flex-col items-end gap-1">
                        <span className="font-semibold">
                          <FigureValue figure={region.latest} /> <span className="font-normal text-slate-600">({region.latest.year})</span>
                        </span>
                        <PredikatBadge predikat={region.latest.predikat} />
                      </span>
                    ) : (
                      <span className="text-slate-500">{t("directory.noIndex")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslator();
  return <ErrorPage notFoundMessage={t("province.notFound")} />;
}
