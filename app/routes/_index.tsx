import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PracticeCard } from "~/components/practices/practice-card";
import { FigureSources, KindBadge } from "~/components/benchmark/figure";
import { PredikatBadge } from "~/components/predikat-badge";
import { getLatestNationalResult } from "~/modules/benchmark/national.server";
import { listFrameworks } from "~/modules/frameworks/index.server";
import { predikatOf } from "~/modules/frameworks/predikat";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { loaderMeta } from "~/modules/http/loader-meta";
import { serverPageMeta } from "~/modules/http/page-meta.server";
import { useHomeTranslator } from "~/modules/i18n/use-home-translator";
import { listPublishedPractices } from "~/modules/practices/practice-list.server";
import { getCohortOverview, IDSL_2022 } from "~/modules/regions/cohorts.server";
import { countRegionsAndProvinces } from "~/modules/regions/regions.server";

export const meta: MetaFunction<typeof loader> = loaderMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await translatorForRequest(request);
  const [cohort, nationals, counts, latestPractices] = await Promise.all([
    getCohortOverview(IDSL_2022),
    // One key figure per framework that has a published national index: each named with its
    // framework, never averaged or compared across frameworks.
    listFrameworks().then((frameworks) =>
      Promise.all(
        frameworks.map(async (framework) => {
          const national = await getLatestNationalResult(framework.slug);
          return national && { ...national, framework: { slug: framework.slug, shortName: framework.shortName }, predikat: predikatOf(framework, national.value) };
        }),
      ),
    ),
    countRegionsAndProvinces(),
    listPublishedPractices({ province: null, region: null, indicator: null, stage: null, tag: null, sort: "terbaru", page: 1 }),
  ]);
  const title = t("home.title");
  return {
    title,
    meta: await serverPageMeta(request, { title }),
    cohort,
    nationals: nationals.flatMap((national) => national ?? []),
    counts,
    latestPractices: { total: latestPractices.total, practices: latestPractices.practices.slice(0, LATEST_PRACTICES) },
  };
}

const LATEST_PRACTICES = 4;

function KeyFigure({ value, label, children }: { value: string; label: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1">
        <span className="text-3xl font-bold text-brand-800">{value}</span>
        <div className="mt-2 space-y-1 text-sm text-slate-600">{children}</div>
      </dd>
    </div>
  );
}

export default function Home() {
  const { cohort, nationals, counts, latestPractices } = useLoaderData<typeof loader>();
  const { t, formatNumber, formatIndex } = useHomeTranslator();
  return (
    <>
      <section className="bg-brand-800 text-white">
        <div className="mx-auto max-w-6xl px-4 py-12 sm:py-16">
          <h1 className="max-w-3xl text-3xl font-bold sm:text-4xl">{t("home.heroTitle")}</h1>
          <p className="mt-4 max-w-3xl text-lg text-brand-100">{t("home.heroLead")}</p>
          <p className="mt-8 flex flex-wrap gap-4">
            <Link
              to="/praktik"
              className="inline-block rounded-md bg-white px-5 py-3 font-semibold text-brand-900 no-underline hover:bg-brand-50 hover:no-underline"
            >
              {t("home.explorePractices")}
            </Link>
            <Link
              to="/daerah"
              className="inline-block rounded-md px-5 py-3 font-semibold text-white no-underline ring-1 ring-white hover:bg-brand-700 hover:no-underline"
            >
              {t("home.exploreRegions")}
            </Link>
          </p>
        </div>
      </section>

      <div className="mx-auto max-w-6xl space-y-12 px-4 py-10">
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading" className="text-xl font-bold">
            {t("home.figuresHeading")}
          </h2>
          <dl className="mt-4 grid gap-4 md:grid-cols-3">
            {cohort ? (
              <KeyFigure value={formatNumber(cohort.members.length)} label={t("home.cohortMembers", { cohort: cohort.name })}>
                {cohort.plannedSize ? (
                  <p>{t("home.cohortMembersDetail", { planned: formatNumber(cohort.plannedSize) })}</p>
                ) : null}
              </KeyFigure>
            ) : null}
            {nationals.map((national) => (
              <KeyFigure
                key={national.framework.slug}
                value={national.value === null ? t("figures.disputed") : formatIndex(national.value)}
                label={t("home.nationalIndex", { framework: national.framework.shortName, year: national.year })}
              >
                <p>
                  <KindBadge kind="official" /> {t("region.predikat")}: <PredikatBadge predikat={national.predikat} />
                </p>
                <div>
                  {t("home.source")}: <FigureSources figure={{ ...national, kind: "official", decimals: 2, source: null }} />
                </div>
                <p>
                  <Link to={`/peringkat?kerangka=${national.framework.slug}`}>{t("frameworkViews.homeRankings", { framework: national.framework.shortName })}</Link>
                </p>
              </KeyFigure>
            ))}
            <KeyFigure value={formatNumber(counts.regions)} label={t("home.regionsCount")}>
              <p>{t("home.regionsCountDetail", { provinces: formatNumber(counts.provinces) })}</p>
            </KeyFigure>
          </dl>
        </section>

        {latestPractices.practices.length > 0 ? (
          <section aria-labelledby="latest-heading">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="latest-heading" className="text-xl font-bold">
                {t("home.latestPractices")}
              </h2>
              <Link to="/praktik">{t("home.allPractices", { formatted: formatNumber(latestPractices.total) })}</Link>
            </div>
            <ul className="mt-4 grid gap-4 md:grid-cols-2">
              {latestPractices.practices.map((practice) => (
                <li key={practice.id}>
                  <PracticeCard practice={practice} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <div className="grid gap-10 md:grid-cols-2">
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="text-xl font-bold">
              {t("home.aboutHeading")}
            </h2>
            <p className="mt-3 leading-relaxed text-slate-700">{t("home.aboutBody")}</p>
            <h2 className="mt-8 text-xl font-bold">{t("home.storyHeading")}</h2>
            <p className="mt-3 leading-relaxed text-slate-700">{t("home.storyBody")}</p>
          </section>

          {cohort ? (
            <section aria-labelledby="cohort-heading">
              <h2 id="cohort-heading" className="text-xl font-bold">
                {t("home.cohortHeading", { cohort: cohort.name })}
              </h2>
              <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
                {cohort.members.map((member) => (
                  <li key={member.code} className="flex flex-wrap justify-between gap-2 px-4 py-3">
                    <Link to={`/daerah/${member.code}`} className="font-medium">
                      {member.name}
                    </Link>
                    <span className="text-sm text-slate-600">{member.provinceName}</span>
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-sm text-slate-600">{t("home.cohortNote")}</p>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
