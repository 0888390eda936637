import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GovernmentFigures } from "~/components/benchmark/figure-history";
import { drawGovernmentTrend } from "~/components/benchmark/figure-trend.server";
import { HeadlineFigure } from "~/components/benchmark/headline-figure";
import { PublishedAverages } from "~/components/benchmark/published-averages";
import { RegionFiguresTable } from "~/components/benchmark/region-figures-table";
import { ErrorPage } from "~/components/error-page";
import { currentUser } from "~/modules/auth/guards.server";
import { getGovernmentFigures, provinceAverages, withLatestOfficialFigure } from "~/modules/benchmark/region-figures.server";
import { getFrameworkSummary, SPBE_2020 } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import { getProvince } from "~/modules/regions/regions.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/**
 * A province: its own government's SPBE figures (ranked only among provincial governments, never
 * with kabupaten/kota), the averages sources publish for its kabupaten/kota, and those regions.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const province = await getProvince(params.code ?? "");
  if (!province) throw new Response(null, { status: 404 });
  // SPBE 2020's figures (the framework with years of results), named as such on the page.
  const [figures, averages, regions, framework, translator] = await Promise.all([
    currentUser(request, context).then((viewer) => getGovernmentFigures(province.province.code, SPBE_2020, viewer)),
    provinceAverages(SPBE_2020, province.province.code),
    withLatestOfficialFigure(SPBE_2020, province.regions),
    getFrameworkSummary(SPBE_2020),
    translatorForRequest(request),
  ]);
  const { t } = translator;
  const government = t("province.government", { name: province.province.name });
  return {
    title: t("province.title", { name: province.province.name }),
    province: province.province,
    framework: { slug: SPBE_2020, shortName: framework?.shortName ?? SPBE_2020 },
    figures: figures && { ...figures, trend: drawGovernmentTrend(translator, government, figures) },
    averages,
    regions,
  };
}

export default function ProvincePage() {
  const { province, framework, figures, averages, regions } = useLoaderData<typeof loader>();
  const { t } = useExtraTranslator();
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
          {t("province.governmentHeading", { framework: framework.shortName, name: government })}
        </h2>
        <HeadlineFigure figure={headline} className="max-w-md" />
        {figures && figures.rows.length > 0 ? (
          <>
            <GovernmentFigures caption={t("province.governmentHeading", { framework: framework.shortName, name: government })} figures={figures} />
            <p className="text-sm">
              <Link to={`/peringkat?kerangka=${framework.slug}&jenis=provinsi`}>{t("province.compareProvinces")}</Link>
            </p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="regions-heading" className="space-y-3">
        <h2 id="regions-heading" className="text-xl font-bold">
          {t("province.regionsHeading", { name: province.name })}
        </h2>
        <p className="text-sm">
          <Link to={`/peringkat?kerangka=${framework.slug}&provinsi=${province.code}`}>{t("province.rankRegions")}</Link>
        </p>
        <PublishedAverages averages={averages} />
        <RegionFiguresTable regions={regions} framework={framework.shortName} caption={t("province.regionsHeading", { name: province.name })} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useExtraTranslator();
  return <ErrorPage notFoundMessage={t("province.notFound")} />;
}
