import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DataKindBadge } from "~/components/benchmark/data-kind-badge";
import { useGroupLabel } from "~/components/benchmark/group-label";
import { GroupedBarChart } from "~/components/charts/bar-chart";
import { LineChart } from "~/components/charts/line-chart";
import { PredikatBadge } from "~/components/predikat-badge";
import { EmptyState } from "~/components/ui/filters";
import { inputClass } from "~/components/ui/form";
import { Panel } from "~/components/ui/panel";
import { currentUser } from "~/modules/auth/guards.server";
import { getRegionBenchmark } from "~/modules/benchmark/region-benchmark.server";
import { SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageTitle } from "~/modules/i18n/page-title";
import { useTranslator } from "~/modules/i18n/use-translator";
import { REGION_CODE_PATTERN } from "~/modules/regions/regions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  if (!REGION_CODE_PATTERN.test(code)) throw new Response(null, { status: 404 });
  const user = await currentUser(request, context);
  const [benchmark, { t }] = await Promise.all([
    getRegionBenchmark(code, SPBE_2020, new URL(request.url).searchParams.get("kelompok"), user?.id ?? null),
    translatorForRequest(request),
  ]);
  if (!benchmark) throw new Response(null, { status: 404 });
  return { title: t("regionBenchmark.title", { region: benchmark.region.name }), benchmark: { ...benchmark, signedIn: user !== null } };
}

export default function RegionBenchmark() {
  const { benchmark } = useLoaderData<typeof loader>();
  const { t, formatIndex, formatNumber } = useTranslator();
  const groupLabel = useGroupLabel();
  const { region, latest, year } = benchmark;
  const domains = benchmark.profile.filter((node) => node.kind === "domain");
  const aspects = benchmark.profile.filter((node) => node.kind === "aspect");
  const profileSeries = (nodes: typeof domains) => [
    { name: region.name, values: nodes.map((node) => node.mine), tone: "primary" as const },
    { name: t("regionBenchmark.groupAverage"), values: nodes.map((node) => node.average), tone: "muted" as const },
    { name: t("regionBenchmark.groupBest"), values: nodes.map((node) => node.best), tone: "accent" as const },
  ];
  const chartText = {
    formatValue: (value: number) => formatIndex(value),
    tableLabel: t("charts.showTable"),
    noDataLabel: t("charts.noData"),
  };

  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to={`/daerah/${region.code}`}>← {region.name}</Link> · <Link to="/peringkat">{t("rankings.short")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("regionBenchmark.title", { region: region.name })}</h1>
        {latest ? (
          <p className="mt-2 flex flex-wrap items-center gap-2 text-slate-700">
            {t("regionBenchmark.latest", { year })}: <strong className="tabular-nums">{formatIndex(latest.value)}</strong>
            <PredikatBadge predikat={benchmark.predikat} /> <DataKindBadge kind={latest.kind} source={latest.source} />
            {latest.mismatch ? <span className="text-sm text-red-700">{t("benchmark.mismatch")}</span> : null}
          </p>
        ) : null}
        {benchmark.self ? (
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            {t("regionBenchmark.selfLatest", { year: benchmark.self.year })}:{" "}
            {benchmark.self.computedIndex === null ? t("selfAssessment.answered", { answered: benchmark.self.filled, total: benchmark.self.total }) : <strong>{formatIndex(benchmark.self.computedIndex)}</strong>}
            <DataKindBadge kind="self" />
          </p>
        ) : null}
        <p className="mt-2 text-sm">
          <Link to={`/bandingkan?daerah=${region.code}`}>{t("regionBenchmark.compareWith")}</Link> ·{" "}
          <Link to={`/daerah/${region.code}/penilaian-mandiri`}>{t("selfAssessment.title")}</Link>
          {benchmark.signedIn ? (
            <>
              {" · "}
              <Link to="/kelompok">{t("peerGroups.title")}</Link>
            </>
          ) : null}
        </p>
      </div>

      {!latest ? (
        <EmptyState title={t("regionBenchmark.noData")} help={t("regionBenchmark.noDataHelp")} />
      ) : (
        <>
          <Panel id="trend" title={t("regionBenchmark.trend")}>
            <div className="mt-3">
              <LineChart
                title={t("regionBenchmark.trendChart", { region: region.name })}
                description={t("regionBenchmark.trendDescription")}
                series={[
                  { name: region.name, points: benchmark.trend.map((point) => ({ x: point.year, y: point.value })), tone: "primary" },
                  { name: t("regionBenchmark.national"), points: benchmark.trend.map((point) => ({ x: point.year, y: point.national })), tone: "muted" },
                ]}
                yDomain={[0, 5]}
                xLabel={t("rankings.year")}
                yLabel={t("region.index")}
                {...chartText}
              />
            </div>
          </Panel>

          <Panel id="groups" title={t("regionBenchmark.ranks", { year })}>
            <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {benchmark.ranks.map((rank) => (
                <li key={rank.param} className="rounded-md border border-slate-200 p-3">
                  <p className="text-sm text-slate-700">{groupLabel(rank)}</p>
                  <p className="mt-1 text-lg font-semibold">{t("regionBenchmark.rankOf", { rank: formatNumber(rank.rank), total: formatNumber(rank.total) })}</p>
                </li>
              ))}
            </ul>
            {benchmark.groups.some((group) => group.kind === "similar") ? <p className="mt-3 text-sm text-slate-600">{t("regionBenchmark.similarExplained")}</p> : null}
          </Panel>

          <section aria-labelledby="profile-heading" className="space-y-4">
            <div className="flex flex-wrap items-end justify-between gap-4">
              <h2 id="profile-heading" className="text-xl font-bold">
                {t("regionBenchmark.profile")}
              </h2>
              <Form method="get" className="flex flex-wrap items-end gap-2">
                <label className="block text-sm font-medium">
                  {t("regionBenchmark.peerGroup")}
                  <select name="kelompok" defaultValue={benchmark.selected?.param} className={inputClass}>
                    {benchmark.groups.map((group) => (
                      <option key={group.param} value={group.param}>
                        {groupLabel(group)} ({formatNumber(group.size)})
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                  {t("directory.apply")}
                </button>
              </Form>
            </div>
            {latest.levelsKind === "sample" ? <p className="text-sm text-amber-900">{t("regionBenchmark.sampleLevels")}</p> : null}
            {domains.some((node) => node.mine !== null) ? (
              <div className="grid gap-6 lg:grid-cols-2">
                <GroupedBarChart
                  title={t("regionBenchmark.domainsChart")}
                  description={t("regionBenchmark.profileDescription", { group: benchmark.selected ? groupLabel(benchmark.selected) : "" })}
                  categories={domains.map((node) => node.name)}
                  series={profileSeries(domains)}
                  valueDomain={[0, 5]}
                  categoryLabel={t("regionBenchmark.domain")}
                  valueLabel={t("region.index")}
                  {...chartText}
                />
                <GroupedBarChart
                  title={t("regionBenchmark.aspectsChart")}
                  description={t("regionBenchmark.profileDescription", { group: benchmark.selected ? groupLabel(benchmark.selected) : "" })}
                  categories={aspects.map((node) => node.name)}
                  series={profileSeries(aspects)}
                  valueDomain={[0, 5]}
                  categoryLabel={t("regionBenchmark.aspect")}
                  valueLabel={t("region.index")}
                  {...chartText}
                />
              </div>
            ) : (
              <p className="text-slate-700">{t("regionBenchmark.noLevels")}</p>
            )}
          </section>

          {benchmark.strongest.length > 0 ? (
            <div className="grid gap-6 md:grid-cols-2">
              {(
                [
                  ["strongest", benchmark.strongest],
                  ["weakest", benchmark.weakest],
                ] as const
              ).map(([key, list]) => (
                <Panel key={key} id={key} title={t(`regionBenchmark.${key}`)}>
                  <ol className="mt-3 space-y-2 text-sm">
                    {list.map((indicator) => (
                      <li key={indicator.id} className="flex justify-between gap-3">
                        <Link to={`/indikator/${indicator.number}`}>
                          {indicator.number}. {indicator.name}
                        </Link>
                        <span className="shrink-0 font-semibold">{t("benchmark.level", { level: indicator.level })}</span>
                      </li>
                    ))}
                  </ol>
                </Panel>
              ))}
            </div>
          ) : null}

          <section aria-labelledby="leaders-heading">
            <h2 id="leaders-heading" className="text-xl font-bold">
              {t("leaders.title")}
            </h2>
            <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("leaders.lead")}</p>
            {benchmark.leaders.length === 0 ? (
              <p className="mt-3 text-slate-700">{t("leaders.none")}</p>
            ) : (
              <ol className="mt-4 space-y-4">
                {benchmark.leaders.map((gap) => (
                  <li key={gap.indicator.id} className="rounded-lg border border-slate-200 bg-white p-4">
                    <h3 className="font-semibold">
                      <Link to={`/indikator/${gap.indicator.number}`}>
                        {gap.indicator.number}. {gap.indicator.name}
                      </Link>
                    </h3>
                    <p className="mt-1 text-sm text-slate-700">{t("leaders.gap", { mine: gap.myLevel, leader: gap.leaderLevel })}</p>
                    <ul className="mt-2 space-y-2">
                      {gap.leaders.map((leader) => (
                        <li key={leader.code} className="text-sm">
                          <Link to={`/daerah/${leader.code}/benchmark`} className="font-medium">
                            {leader.name}
                          </Link>
                          {leader.practices.length > 0 ? (
                            <ul className="ml-4 mt-1 list-disc pl-4">
                              {leader.practices.map((practice) => (
                                <li key={practice.id}>
                                  <Link to={`/praktik/${practice.id}`}>{practice.title}</Link>
                                </li>
                              ))}
                            </ul>
                          ) : (
                            <span className="text-slate-600"> — {t("leaders.noPractice")}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                    {gap.moreLeaders > 0 ? <p className="mt-1 text-xs text-slate-600">{t("leaders.more", { count: gap.moreLeaders })}</p> : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}
