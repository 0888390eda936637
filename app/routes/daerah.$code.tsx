import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { PredikatBadge } from "~/components/predikat-badge";
import { SourceLink } from "~/components/source-link";
import { Badge } from "~/components/ui/badge";
import { Alert } from "~/components/ui/form";
import { pageTitle } from "~/modules/i18n/page-title";
import { useTranslator } from "~/modules/i18n/use-translator";
import { currentUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { getRegionProfileFields } from "~/modules/regions/region-profile.server";
import { getRegionProfile } from "~/modules/regions/regions.server";
import { getRegionPracticeOverview } from "~/modules/practices/practice-list.server";
import { RegionPractices } from "~/components/practices/region-practices";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.region.name);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const profile = await getRegionProfile(params.code ?? "");
  if (!profile) throw new Response(null, { status: 404 });
  const [about, user, practiceOverview] = await Promise.all([
    getRegionProfileFields(profile.region.code),
    currentUser(request, context),
    getRegionPracticeOverview(profile.region.code),
  ]);
  return {
    ...profile,
    about,
    practiceOverview,
    canEdit: can(user, { action: "region.edit", regionCode: profile.region.code }),
    justSaved: new URL(request.url).searchParams.has("disimpan"),
  };
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
  const { region, cohorts, spbeHistory, about, canEdit, justSaved, practiceOverview } = useLoaderData<typeof loader>();
  const { t, formatNumber, formatIndex, locale } = useTranslator();
  const description = locale === "en" && about.descriptionEn ? about.descriptionEn : about.descriptionId || about.descriptionEn;
  const latest = spbeHistory.at(-1);
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
            <Link to={`/daerah?province=${region.province.code}`}>{region.province.name}</Link> ›
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
          {canEdit ? (
            <p className="mt-3">
              <Link to={`/daerah/${region.code}/ubah`}>{t("regionEdit.edit")}</Link>
            </p>
          ) : null}
        </div>
        {latest ? (
          <div className="rounded-lg border border-slate-200 bg-white px-5 py-4 text-right shadow-sm">
            <p className="text-sm text-slate-600">{t("region.latestIndex", { year: latest.year })}</p>
            <p className="text-3xl font-bold text-brand-800 tabular-nums">{formatIndex(latest.index)}</p>
            <PredikatBadge predikat={latest.predikat} />
          </div>
        ) : null}
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
          {spbeHistory.length === 0 ? (
            <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
              {t("region.spbeEmpty")}
            </p>
          ) : (
            <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("region.spbeHeading")}</caption>
                <thead className="bg-slate-100 text-slate-700">
                  <tr>
                    <th scope="col" className="px-4 py-3">{t("region.year")}</th>
                    <th scope="col" className="px-4 py-3 text-right">{t("region.index")}</th>
                    <th scope="col" className="px-4 py-3">{t("region.predikat")}</th>
                    <th scope="col" className="px-4 py-3 text-right">{t("region.national")}</th>
                    <th scope="col" className="px-4 py-3">{t("region.source")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {spbeHistory.map((entry) => (
                    <tr key={entry.year}>
                      <th scope="row" className="px-4 py-3 font-medium tabular-nums">{entry.year}</th>
                      <td className="px-4 py-3 text-right font-semibold tabular-nums">{formatIndex(entry.index)}</td>
                      <td className="px-4 py-3">
                        <PredikatBadge predikat={entry.predikat} />
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums">
                        {entry.nationalIndex === null ? (
                          "—"
                        ) : (
                          <SourceLink source={entry.nationalSource}>{formatIndex(entry.nationalIndex)}</SourceLink>
                        )}
                      </td>
                      <td className="px-4 py-3">
                        {entry.decree ? `${entry.decree}, ` : null}
                        <SourceLink source={entry.source} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
      <RegionPractices overview={practiceOverview} />
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslator();
  return <ErrorPage notFoundMessage={t("errors.regionNotFoundBody")} />;
}
