import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { FigureNotes, FigureValue, KindBadge, SourceCitation } from "~/components/benchmark/figure";
import { HeadlineFigure } from "~/components/benchmark/headline-figure";
import { drawRegionBenchmarkCharts } from "~/components/benchmark/benchmark-charts.server";
import { FigureTrendChart } from "~/components/benchmark/figure-trend";
import { FrameworkSwitch } from "~/components/frameworks/framework-switch";
import { groupLabel as frameworkGroupLabel } from "~/components/frameworks/group-label";
import { useGroupLabel } from "~/components/benchmark/group-label";
import { ChartFrame } from "~/components/charts/chart-frame";
import { DownloadLinks } from "~/components/ui/download-links";
import { EmptyState, FilterSelect } from "~/components/ui/filters";
import { Panel } from "~/components/ui/panel";
import { currentUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { getRegionBenchmark } from "~/modules/benchmark/region-benchmark.server";
import { getGovernmentHistory } from "~/modules/benchmark/region-figures.server";
import { FRAMEWORK_PARAM, requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { loaderMeta } from "~/modules/http/loader-meta";
import { serverPageMeta } from "~/modules/http/page-meta.server";
import { useBenchmarkTranslator } from "~/modules/i18n/use-benchmark-translator";
import { REGION_CODE_PATTERN } from "~/modules/regions/regions.server";
import { requestQuery } from "~/modules/http/request-input";
import { regionShare } from "~/components/share/share-cards.server";
import { BENCHMARK_SHARE_QUERY } from "~/components/share/share-query";
import { readYear } from "~/modules/http/url-query";

export const meta: MetaFunction<typeof loader> = loaderMeta;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  if (!REGION_CODE_PATTERN.test(code)) throw new Response(null, { status: 404 });
  const search = requestQuery(request);
  const requestedYear = readYear(search);
  const [user, { framework, frameworks, requested }] = await Promise.all([currentUser(request, context), requireFrameworkChoice(search)]);
  const [benchmark, history, translator] = await Promise.all([
    getRegionBenchmark(code, framework.slug, { year: requestedYear, group: search.get("kelompok") }, user),
    getGovernmentHistory(code, user),
    translatorForRequest(request),
  ]);
  if (!benchmark) throw new Response(null, { status: 404 });
  const { region } = benchmark;
  const title = translator.t("regionBenchmark.title", { region: region.name });
  // Shared with the region's own preview picture: its latest official index.
  const share = {
    description: translator.t("share.benchmark", { region: region.name, framework: framework.shortName }),
    image: regionShare(translator, { code: region.code, name: region.name, province: { name: region.provinceName } }, history.headline).image,
  };
  return {
    title,
    meta: await serverPageMeta(request, { title, ...share, query: BENCHMARK_SHARE_QUERY }),
    benchmark,
    // The parameter's name travels in loader data: components cannot read a .server module in the browser.
    frameworkParam: FRAMEWORK_PARAM,
    framework,
    frameworks,
    // A framework named in the URL stays in the links to other benchmark pages; the default needs no parameter.
    keptFramework: requested ? `${FRAMEWORK_PARAM}=${encodeURIComponent(framework.slug)}` : null,
    charts: drawRegionBenchmarkCharts(translator, benchmark, history),
    signedIn: user !== null,
    canReportLevels: can(user, { action: "assessment.self", regionCode: code }),
  };
}

export default function RegionBenchmark() {
  const { benchmark, frameworkParam, framework, frameworks, keptFramework, charts, signedIn, canReportLevels } = useLoaderData<typeof loader>();
  const translator = useBenchmarkTranslator();
  const { t, formatNumber } = translator;
  const groupLabel = useGroupLabel();
  const { region, headline, year, profile } = benchmark;
  // Indicator links always name the framework: indicator numbers overlap between frameworks.
  const inFramework = `${frameworkParam}=${encodeURIComponent(framework.slug)}`;
  const linkTo = (path: string, ...params: string[]) => {
    const query = [...params, ...(keptFramework ? [keptFramework] : [])];
    return query.length > 0 ? `${path}?${query.join("&")}` : path;
  };
  const frameworkField = <input type="hidden" name={frameworkParam} value={framework.slug} />;

  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to={`/daerah/${region.code}`}>← {region.name}</Link> · <Link to={linkTo("/peringkat")}>{t("rankings.short")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("regionBenchmark.title", { region: region.name })}</h1>
        <div className="mt-3">
          <FrameworkSwitch frameworks={frameworks} current={framework.slug} />
        </div>
        <div className="mt-3 flex flex-wrap items-start gap-4">
          <HeadlineFigure figure={headline} />
          {benchmark.beside.map((figure) => (
            <div key={figure.kind} className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm">
              <p className="text-slate-600">{t("regionBenchmark.besideLatest", { kind: t(`figures.kind.${figure.kind}`), year: figure.year })}</p>
              <p className="mt-1 flex flex-wrap items-center gap-2">
                <FigureValue figure={figure} className="text-lg font-semibold" />
                <KindBadge kind={figure.kind} />
              </p>
              {figure.mismatch ? <p className="text-xs text-red-700">{t("figures.mismatch")}</p> : null}
              {figure.source ? (
                <p className="text-xs">
                  <SourceCitation source={figure.source} />
                </p>
              ) : null}
              <FigureNotes notes={figure.notes} />
            </div>
          ))}
        </div>
        <p className="mt-3 text-sm">
          <Link to={linkTo("/bandingkan", `daerah=${region.code}`)}>{t("regionBenchmark.compareWith")}</Link>
          {canReportLevels ? (
            <>
              {" · "}
              <Link to={`/daerah/${region.code}/penilaian-mandiri`}>{t("selfAssessment.title")}</Link>
              {" · "}
              <Link to={`/daerah/${region.code}/level-resmi`}>{t("levelReports.open")}</Link>
            </>
          ) : null}
          {signedIn ? (
            <>
              {" · "}
              <Link to="/kelompok">{t("peerGroups.title")}</Link>
            </>
          ) : null}
        </p>
      </div>

      {year === null ? (
        <>
          <EmptyState title={t("regionBenchmark.noData", { framework: framework.shortName })} help={t("regionBenchmark.noDataHelp")} />
          <Panel id="structure" title={t("frameworkBenchmark.structure", { framework: framework.shortName })}>
            <ul className="mt-3 grid gap-2 sm:grid-cols-2">
              {benchmark.structure.map((group) => (
                <li key={group.id} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
                  {frameworkGroupLabel(translator, group)}
                </li>
              ))}
            </ul>
          </Panel>
          {charts.trend.table.rows.length > 0 ? (
            <Panel id="trend" title={t("regionBenchmark.trend")}>
              <div className="mt-3">
                <FigureTrendChart chart={charts.trend} />
              </div>
            </Panel>
          ) : null}
        </>
      ) : (
        <>
          <SubmitForm method="get" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-4">
            {frameworkField}
            <FilterSelect name="tahun" label={t("regionBenchmark.year")} options={benchmark.years.map((option) => ({ value: option, label: String(option) }))} defaultValue={year} />
            {benchmark.selected ? <input type="hidden" name="kelompok" value={benchmark.selected.param} /> : null}
            <SubmitButton className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("directory.apply")}
            </SubmitButton>
          </SubmitForm>

          <DownloadLinks path={`/daerah/${region.code}/benchmark`} />

          <Panel id="trend" title={t("regionBenchmark.trend")}>
            <div className="mt-3">
              <FigureTrendChart chart={charts.trend} />
            </div>
          </Panel>

          <Panel id="groups" title={t("regionBenchmark.ranks", { year })}>
            {benchmark.official === null ? (
              <p className="mt-3 text-slate-700">{t("regionBenchmark.noOfficialInYear", { year })}</p>
            ) : benchmark.official.value === null ? (
              <p className="mt-3 text-slate-700">{t("regionBenchmark.disputedInYear", { year })}</p>
            ) : (
              <>
                <p className="mt-1 text-sm text-slate-600">{t("regionBenchmark.ranksOfficialOnly")}</p>
                <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                  {benchmark.ranks.map((rank) => (
                    <li key={rank.param} className="rounded-md border border-slate-200 p-3">
                      <p className="text-sm text-slate-700">{groupLabel(rank)}</p>
                      <p className="mt-1 text-lg font-semibold">
                        {rank.withData > 1 ? t("regionBenchmark.rankOf", { rank: formatNumber(rank.rank), total: formatNumber(rank.withData) }) : t("regionBenchmark.onlyOneWithData")}
                      </p>
                      <p className="text-xs text-slate-600">{t("regionBenchmark.withData", { count: rank.withData, withData: formatNumber(rank.withData), size: formatNumber(rank.size) })}</p>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {benchmark.groups.some((group) => group.kind === "similar") ? <p className="mt-3 text-sm text-slate-600">{t("regionBenchmark.similarExplained")}</p> : null}
          </Panel>

          <section aria-labelledby="profile-heading" className="space-y-4">
            <div className="flex flex-wrap items-end justify-between gap-4">
              <h2 id="profile-heading" className="text-xl font-bold">
                {t("regionBenchmark.profile")}
              </h2>
              <SubmitForm method="get" className="flex flex-wrap items-end gap-2">
                {frameworkField}
                <input type="hidden" name="tahun" value={year} />
                <FilterSelect
                  name="kelompok"
                  label={t("regionBenchmark.peerGroup")}
                  options={benchmark.groups.map((group) => ({ value: group.param, label: `${groupLabel(group)} (${formatNumber(group.size)})` }))}
                  defaultValue={benchmark.selected?.param ?? null}
                />
                <SubmitButton className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                  {t("directory.apply")}
                </SubmitButton>
              </SubmitForm>
            </div>
            {profile ? (
              <>
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  <KindBadge kind={profile.kind} />
                  {profile.year === year ? t("regionBenchmark.profileFrom", { year: profile.year }) : t("regionBenchmark.profileFromEarlier", { year: profile.year, selected: year })}
                  {profile.source ? (
                    <span className="text-xs">
                      (<SourceCitation source={profile.source} />)
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-slate-600">
                  {t("regionBenchmark.profileCoverage", {
                    count: profile.withData,
                    withData: formatNumber(profile.withData),
                    size: formatNumber(profile.groupSize),
                    kind: t(`figures.kindLower.${profile.kind}`),
                    year: profile.year,
                  })}
                </p>
                {profile.kind === "sample" ? <p className="text-sm text-amber-900">{t("regionBenchmark.sampleLevels")}</p> : null}
                <div className="grid gap-6 lg:grid-cols-2">
                  {charts.profile.map((chart) => (
                    <ChartFrame key={chart.title} chart={chart} />
                  ))}
                </div>
              </>
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
                        <Link to={`/indikator/${indicator.number}?${inFramework}`}>
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

          {profile ? (
            <section aria-labelledby="leaders-heading">
              <h2 id="leaders-heading" className="text-xl font-bold">
                {t("leaders.title")}
              </h2>
              <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("leaders.lead", { kind: t(`figures.kindLower.${profile.kind}`), year: profile.year })}</p>
              {benchmark.leaders.length === 0 ? (
                <p className="mt-3 text-slate-700">{t("leaders.none")}</p>
              ) : (
                <ol className="mt-4 space-y-4">
                  {benchmark.leaders.map((gap) => (
                    <li key={gap.indicator.id} className="rounded-lg border border-slate-200 bg-white p-4">
                      <h3 className="font-semibold">
                        <Link to={`/indikator/${gap.indicator.number}?${inFramework}`}>
                          {gap.indicator.number}. {gap.indicator.name}
                        </Link>
                      </h3>
                      <p className="mt-1 text-sm text-slate-700">{t("leaders.gap", { mine: gap.myLevel, leader: gap.leaderLevel })}</p>
                      <ul className="mt-2 space-y-2">
                        {gap.leaders.map((leader) => (
                          <li key={leader.code} className="text-sm">
                            <Link to={linkTo(`/daerah/${leader.code}/benchmark`)} className="font-medium">
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
          ) : null}
        </>
      )}
    </div>
  );
}
