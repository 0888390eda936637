import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { GovernmentFigures } from "~/components/benchmark/figure-history";
import { HeadlineFigure } from "~/components/benchmark/headline-figure";
import { FigureNoteControls, FigureNoteForm, type NoteFormResult, noteFormTarget } from "~/components/benchmark/figure-note-forms";
import { SourceLink } from "~/components/source-link";
import { ShareLinks } from "~/components/share/share-links";
import { Badge } from "~/components/ui/badge";
import { DownloadLinks } from "~/components/ui/download-links";
import { Alert } from "~/components/ui/form-base";
import { loaderMeta } from "~/modules/http/loader-meta";
import { FeedLinks } from "~/components/feeds/feed-links";
import { useTranslator } from "~/modules/i18n/use-translator";
import { RegionVisits } from "~/components/visits/region-visits";
import { FollowButton } from "~/components/follows/follow-button";
import { RegionPractices } from "~/components/practices/region-practices";
import { RegionApplicationsSection } from "~/components/applications/region-applications";
import { regionPageAction, regionPageData } from "~/pages/region-page.server";

export const meta: MetaFunction<typeof loader> = loaderMeta;

export async function loader(args: LoaderFunctionArgs) {
  return regionPageData(args);
}

export async function action(args: ActionFunctionArgs) {
  return regionPageAction(args);
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

export default function RegionProfilePage() {
  const { share, region, cohorts, figures, about, canEdit, canNote, canModerate, justSaved, noteSaved, practiceOverview, applications, visits, canRequestVisit, follow, feeds } = useLoaderData<typeof loader>();
  const noteResult = useActionData<typeof action>() as NoteFormResult | undefined;
  const { t, formatNumber, locale } = useTranslator();
  const description = locale === "en" && about.descriptionEn ? about.descriptionEn : about.descriptionId || about.descriptionEn;
  const headline = figures.headline;
  const density =
    region.population !== null && region.areaKm2 ? Math.round(region.population / region.areaKm2) : null;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <nav aria-label={t("region.breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap gap-1 text-slate-600">
          <li>
            <Link to="/daerah">{t("nav.regions")}</Link> ›
          </li>
          <li>
            <Link to={`/provinsi/${region.province.code}`}>{region.province.name}</Link> ›
          </li>
          <li aria-current="page">{region.name}</li>
        </ol>
      </nav>

      {justSaved ? (
        <div className="mt-4">
          <Alert tone="success">{t("regionEdit.saved")}</Alert>
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap items-start justify-between gap-6">
        <div>
          <h1 className="text-3xl font-bold">{region.name}</h1>
          <div className="mt-2 flex flex-wrap gap-2">
            <Badge>{t(`regionType.${region.type}`)}</Badge>
            {cohorts.map((cohort) => (
              <Badge key={cohort.slug} tone="brand">
                {t("region.cohortBadge", { cohort: cohort.name })}
              </Badge>
            ))}
          </div>
          <div className="mt-3">
            <FollowButton target={{ type: "region", key: region.code }} {...follow} />
          </div>
          <FeedLinks feeds={feeds} className="mt-3" />
          <ShareLinks url={share.url} title={region.name} className="mt-3" />
          {canEdit ? (
            <p className="mt-3">
              <Link to={`/daerah/${region.code}/ubah`}>{t("regionEdit.edit")}</Link>
            </p>
          ) : null}
          {canRequestVisit ? (
            <p className="mt-3">
              <Link to={`/kunjungan/baru?daerah=${region.code}`}>{t("studyVisits.request")}</Link>
            </p>
          ) : null}
        </div>
        <HeadlineFigure figure={headline} className="max-w-sm" />
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-5">
        <section aria-labelledby="facts-heading" className="min-w-0 lg:col-span-2">
          {description || about.websiteUrl || about.contactEmail ? (
            <div className="mb-8">
              <h2 className="text-xl font-bold">{t("regionEdit.about")}</h2>
              {description ? <p className="mt-2 whitespace-pre-line text-slate-700">{description}</p> : null}
              {about.websiteUrl ? (
                <p className="mt-2 text-sm">
                  {t("regionEdit.website_label")}:{" "}
                  <a href={about.websiteUrl} rel="noopener noreferrer nofollow external" className="break-all">
                    {about.websiteUrl}
                  </a>
                </p>
              ) : null}
              {about.contactEmail ? (
                <p className="mt-1 text-sm">
                  {t("regionEdit.contact")}: <a href={`mailto:${about.contactEmail}`}>{about.contactEmail}</a>
                </p>
              ) : null}
            </div>
          ) : null}
          <h2 id="facts-heading" className="text-xl font-bold">
            {t("region.factsHeading")}
          </h2>
          <dl className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4">
            <Fact label={t("region.province")}>{region.province.name}</Fact>
            <Fact label={t("region.type")}>{t(`regionType.${region.type}`)}</Fact>
            <Fact label={t("region.code")}>
              <span className="tabular-nums">{region.code}</span>
            </Fact>
            {region.population !== null ? (
              <Fact label={t("region.population")}>
                {t("region.populationValue", { value: formatNumber(region.population) })}
              </Fact>
            ) : null}
            {region.areaKm2 !== null ? (
              <Fact label={t("region.area")}>
                {t("region.areaValue", { value: formatNumber(region.areaKm2, { maximumFractionDigits: 2 }) })}
              </Fact>
            ) : null}
            {density !== null ? (
              <Fact label={t("region.density")}>{t("region.densityValue", { value: formatNumber(density) })}</Fact>
            ) : null}
          </dl>
          {region.source ? (
            <p className="mt-2 text-sm text-slate-600">
              {t("region.source")}:{" "}
              <SourceLink source={region.source} />
            </p>
          ) : null}

          {cohorts.length > 0 ? (
            <>
              <h2 className="mt-8 text-xl font-bold">{t("region.cohortHeading")}</h2>
              <ul className="mt-3 space-y-2">
                {cohorts.map((cohort) => (
                  <li key={cohort.slug} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
                    <p className="font-semibold">{cohort.name}</p>
                    <p className="mt-1 text-slate-700">
                      {t("region.cohortEvidence")}:{" "}
                      <SourceLink
                        source={{
                          citation: cohort.evidence,
                          url: /^https?:\/\//.test(cohort.evidence) ? cohort.evidence : null,
                        }}
                      />
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>

        <section aria-labelledby="spbe-heading" className="min-w-0 lg:col-span-3">
          <h2 id="spbe-heading" className="text-xl font-bold">
            {t("region.spbeHeading")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("region.spbeLead")}</p>
          <p className="mt-1 text-sm">
            <Link to={`/daerah/${region.code}/benchmark`}>{t("regionBenchmark.open")}</Link>
          </p>
          {figures.rows.length === 0 ? (
            <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
              {t("region.spbeEmpty")}
            </p>
          ) : (
            <>
              {noteResult && !figures.rows.some((row) => Object.keys(row.figures).some((kind) => noteFormTarget(row.year, kind) === noteResult.target)) && !noteResult.target.startsWith("note:") ? (
                <div className="mt-3">
                  <Alert tone="error">{noteResult.message}</Alert>
                </div>
              ) : null}
              {noteSaved && !noteResult ? (
                <div className="mt-3">
                  <Alert tone="success">{t("figures.noteSaved")}</Alert>
                </div>
              ) : null}
              <GovernmentFigures
                caption={t("region.spbeHeading")}
                figures={figures}
                actions={canNote ? (row, kind) => (kind === "sample" ? null : <FigureNoteForm year={row.year} kind={kind} framework={row.framework?.slug} result={noteResult} />) : undefined}
                noteControls={canNote || canModerate ? (note) => <FigureNoteControls note={note} canWithdraw={canNote} canHide={canModerate} result={noteResult} /> : undefined}
              />
              <DownloadLinks path={`/daerah/${region.code}/riwayat`} className="mt-3" />
            </>
          )}
        </section>
      </div>
      <RegionPractices overview={practiceOverview} />
      <RegionApplicationsSection applications={applications} />
      <RegionVisits regionCode={region.code} visits={visits} />
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslator();
  return <ErrorPage notFoundMessage={t("errors.regionNotFoundBody")} />;
}
