import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { KindBadge, SourceCitation } from "~/components/benchmark/figure";
import { LevelCriteriaList } from "~/components/benchmark/level-criteria";
import { drawIndicatorDistribution } from "~/components/benchmark/benchmark-charts.server";
import { ChartFrame } from "~/components/charts/chart-frame";
import { FollowButton } from "~/components/follows/follow-button";
import { FrameworkSwitch } from "~/components/frameworks/framework-switch";
import { groupLabel } from "~/components/frameworks/group-label";
import { PracticeCard } from "~/components/practices/practice-card";
import { DownloadLinks } from "~/components/ui/download-links";
import { FilterSelect } from "~/components/ui/filters";
import { Panel } from "~/components/ui/panel";
import { currentUser } from "~/modules/auth/guards.server";
import { getIndicatorPage } from "~/modules/benchmark/indicator.server";
import { isFollowing } from "~/modules/follows/follows.server";
import { FRAMEWORK_PARAM, requireFrameworkChoice, SPBE_2020 } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { FeedLinks } from "~/components/feeds/feed-links";
import { feedDiscoveryLinks } from "~/modules/open-data/feed-links";
import { pageFeeds } from "~/modules/open-data/feeds.server";
import { indicatorMetadata } from "~/modules/open-data/indicator-metadata.server";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import { requestQuery } from "~/modules/http/request-input";
import { readYear } from "~/modules/http/url-query";

export const meta: MetaFunction<typeof loader> = (args) => [...pageMeta(args, { title: args.data?.title }), ...feedDiscoveryLinks(args.data?.feeds)];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const number = /^\d{1,3}$/.test(params.number ?? "") ? Number(params.number) : null;
  const search = requestQuery(request);
  const [viewer, { framework, frameworks }] = await Promise.all([currentUser(request, context), requireFrameworkChoice(search)]);
  const page = number === null ? null : await getIndicatorPage(framework.slug, number, readYear(search), viewer);
  if (!page) throw new Response(null, { status: 404 });
  const translator = await translatorForRequest(request);
  // Practices and applications are tagged with SPBE 2020 indicators: only those can be followed.
  const follow =
    framework.slug === SPBE_2020 ? { signedIn: viewer !== null, following: await isFollowing(viewer?.id ?? null, { type: "indicator", key: String(page.indicator.id) }) } : null;
  return {
    title: translator.t("indicator.title", { number: page.indicator.number, name: page.indicator.name }),
    // The parameter's name travels in loader data: components cannot read a .server module in the browser.
    frameworkParam: FRAMEWORK_PARAM,
    framework,
    frameworks,
    follow,
    // Practices are tagged with SPBE 2020 indicators: only those have a practice feed.
    feeds: framework.slug === SPBE_2020 ? pageFeeds(translator, [{ name: "praktik", filters: { indikator: page.indicator.number }, about: translator.t("feeds.indicatorFilter", { number: page.indicator.number, name: page.indicator.name }) }]) : null,
    metadata: { heading: translator.t("indicatorMetadata.heading"), fields: (await indicatorMetadata(framework.slug, page.indicator.number, translator.locale))?.fields ?? [] },
    page: { ...page, spreads: page.spreads.map((spread) => ({ ...spread, chart: spread.assessed === 0 ? null : drawIndicatorDistribution(translator, page.levels, spread) })) },
  };
}

export default function IndicatorPage() {
  const { page, frameworkParam, framework, frameworks, follow, feeds, metadata } = useLoaderData<typeof loader>();
  const translator = useExtraTranslator();
  const { t, formatNumber, formatIndex } = translator;
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <div>
        <p className="text-sm text-slate-700">{page.path.map((group) => groupLabel(translator, group)).join(" › ")}</p>
        <h1 className="mt-2 text-3xl font-bold">{t("indicator.title", { number: page.indicator.number, name: page.indicator.name })}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("indicator.definition", { weight: formatNumber(page.indicator.weight), framework: framework.shortName })}</p>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <FrameworkSwitch frameworks={frameworks} current={framework.slug} />
          {follow ? <FollowButton target={{ type: "indicator", key: String(page.indicator.number) }} {...follow} /> : null}
          {feeds ? <FeedLinks feeds={feeds} /> : null}
        </div>
      </div>

      <Panel id="levels" title={t("indicator.levels")}>
        <LevelCriteriaList levels={page.levels} />
        <p className="mt-3 text-sm text-slate-600">
          {t("indicator.levelsSource", { framework: framework.shortName })}{" "}
          <Link to={`/kerangka/${framework.slug}`} className="underline">
            {framework.name}
          </Link>
        </p>
      </Panel>

      <Panel id="metadata" title={metadata.heading}>
        <dl className="mt-3 space-y-2 text-sm">
          {metadata.fields.map((entry) => (
            <div key={entry.field} className="grid gap-x-6 sm:grid-cols-[14rem_1fr]">
              <dt className="font-semibold">{entry.label}</dt>
              <dd className="text-slate-700">{entry.value}</dd>
            </div>
          ))}
        </dl>
      </Panel>

      {page.year !== null ? (
        <SubmitForm method="get" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name={frameworkParam} value={framework.slug} />
          <FilterSelect name="tahun" label={t("rankings.year")} options={page.years.map((year) => ({ value: year, label: String(year) }))} defaultValue={page.year} />
          <SubmitButton className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("directory.apply")}
          </SubmitButton>
        </SubmitForm>
      ) : null}

      {page.spreads.length > 0 ? <DownloadLinks path={`/indikator/${page.indicator.number}/sebaran`} /> : null}
      {page.spreads.map((spread) => (
        <div key={spread.kind} className="grid gap-6 lg:grid-cols-2">
          <Panel
            id={`distribution-${spread.kind}`}
            title={
              <span className="flex flex-wrap items-center gap-2">
                {t("indicator.distribution", { year: spread.year })} <KindBadge kind={spread.kind} />
              </span>
            }
          >
            <p className="mt-1 text-sm text-slate-600">
              {t("indicator.coverage", { count: spread.assessed, assessed: formatNumber(spread.assessed), total: formatNumber(spread.regionCount), kind: t(`figures.kindLower.${spread.kind}`), year: spread.year })}
            </p>
            {spread.chart === null ? (
              <p className="mt-3 text-slate-700">{t(spread.kind === "verified" ? "indicator.noVerifiedLevels" : "indicator.noLevels")}</p>
            ) : (
              <div className="mt-3">
                <ChartFrame chart={spread.chart} />
                {spread.kind === "sample" ? <p className="mt-2 text-sm text-amber-900">{t("benchmark.sampleNote")}</p> : null}
              </div>
            )}
          </Panel>
          <Panel
            id={`leaders-${spread.kind}`}
            title={
              <span className="flex flex-wrap items-center gap-2">
                {t("indicator.leaders", { level: spread.topLevel })} <KindBadge kind={spread.kind} />
              </span>
            }
          >
            {spread.leaders.length === 0 ? (
              <p className="mt-3 text-slate-700">{t("indicator.noLevels")}</p>
            ) : (
              <ol className="mt-3 grid gap-2 sm:grid-cols-2">
                {spread.leaders.map((leader) => (
                  <li key={leader.code} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2">
                    <Link to={`/daerah/${leader.code}/benchmark?${frameworkParam}=${encodeURIComponent(framework.slug)}`}>{leader.name}</Link>
                    <span className="text-sm tabular-nums">{leader.value === null ? "—" : formatIndex(leader.value, leader.decimals)}</span>
                    {leader.source ? (
                      <span className="w-full text-xs">
                        <SourceCitation source={leader.source} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </Panel>
        </div>
      ))}

      <section aria-labelledby="indicator-practices-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="indicator-practices-heading" className="text-xl font-bold">
            {t("indicator.practices")}
          </h2>
          {page.practices !== null && page.practiceTotal > page.practices.length ? (
            <Link to={`/praktik?indikator=${page.indicator.number}`}>{t("home.allPractices", { formatted: formatNumber(page.practiceTotal) })}</Link>
          ) : null}
        </div>
        {page.practices === null ? (
          <p className="mt-3 text-slate-700">
            {t("frameworkBenchmark.practicesTaggedSpbe", { framework: framework.shortName })} <Link to="/praktik">{t("frameworkBenchmark.practicesBySpbe")}</Link>
          </p>
        ) : page.practices.length === 0 ? (
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
