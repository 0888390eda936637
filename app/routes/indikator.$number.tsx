import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataKindBadge } from "~/components/benchmark/data-kind-badge";
import { GroupedBarChart } from "~/components/charts/bar-chart";
import { PracticeCard } from "~/components/practices/practice-card";
import { Panel } from "~/components/ui/panel";
import { getIndicatorPage } from "~/modules/benchmark/indicator.server";
import { SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageTitle } from "~/modules/i18n/page-title";
import { useTranslator } from "~/modules/i18n/use-translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = /^\d{1,3}$/.test(params.number ?? "") ? Number(params.number) : null;
  const page = number === null ? null : await getIndicatorPage(SPBE_2020, number);
  if (!page) throw new Response(null, { status: 404 });
  const { t } = await translatorForRequest(request);
  return { title: t("indicator.title", { number: page.indicator.number, name: page.indicator.name }), page };
}

export default function IndicatorPage() {
  const { page } = useLoaderData<typeof loader>();
  const { t, formatNumber, formatIndex } = useTranslator();
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <div>
        <p className="text-sm text-slate-700">
          {t("practiceForm.domain", { number: page.domain.number })}: {page.domain.name} ›{" "}
          {t("practiceForm.aspect", { number: page.aspect.number })}: {page.aspect.name}
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("indicator.title", { number: page.indicator.number, name: page.indicator.name })}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("indicator.definition", { weight: formatNumber(page.indicator.weight) })}</p>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="levels" title={t("indicator.levels")}>
          <ol className="mt-3 space-y-1">
            {page.levelNames.map((level) => (
              <li key={level.level}>
                <strong>{t("benchmark.level", { level: level.level })}</strong> — {level.name}
              </li>
            ))}
          </ol>
          <p className="mt-3 text-sm text-slate-600">{t("indicator.levelsSource")}</p>
        </Panel>
        <Panel id="distribution" title={t("indicator.distribution", { year: page.year ?? "" })}>
          {page.assessed === 0 ? (
            <p className="mt-3 text-slate-700">{t("indicator.noLevels")}</p>
          ) : (
            <div className="mt-3">
              <GroupedBarChart
                title={t("indicator.distributionChart")}
                description={t("indicator.distributionDescription", { count: page.assessed, year: page.year ?? "" })}
                categories={page.distribution.map((level) => `${t("benchmark.level", { level: level.level })} — ${level.name}`)}
                series={[{ name: t("indicator.regions"), values: page.distribution.map((level) => level.regions), tone: "primary" }]}
                valueDomain={[0, Math.max(1, ...page.distribution.map((level) => level.regions))]}
                categoryLabel={t("indicator.level")}
                valueLabel={t("indicator.regions")}
                formatValue={(value) => formatNumber(value)}
                tableLabel={t("charts.showTable")}
                noDataLabel={t("charts.noData")}
              />
              {page.hasSample ? <p className="mt-2 text-sm text-amber-900">{t("benchmark.sampleNote")}</p> : null}
            </div>
          )}
        </Panel>
      </div>

      <Panel id="leaders" title={t("indicator.leaders", { level: page.topLevel })}>
        {page.leaders.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("indicator.noLevels")}</p>
        ) : (
          <ol className="mt-3 grid gap-2 sm:grid-cols-2">
            {page.leaders.map((leader) => (
              <li key={leader.code} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2">
                <Link to={`/daerah/${leader.code}/benchmark`}>{leader.name}</Link>
                <span className="flex items-center gap-2 text-sm tabular-nums">
                  {formatIndex(leader.value)} <DataKindBadge kind={leader.kind} />
                </span>
              </li>
            ))}
          </ol>
        )}
      </Panel>

      <section aria-labelledby="indicator-practices-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="indicator-practices-heading" className="text-xl font-bold">
            {t("indicator.practices")}
          </h2>
          {page.practiceTotal > page.practices.length ? (
            <Link to={`/praktik?indikator=${page.indicator.number}`}>{t("home.allPractices", { formatted: formatNumber(page.practiceTotal) })}</Link>
          ) : null}
        </div>
        {page.practices.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("indicator.noPractices")}</p>
        ) : (
          <ul className="mt-3 grid gap-4 md:grid-cols-2">
            {page.practices.map((practice) => (
              <li key={practice.id}>
                <PracticeCard practice={practice} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
