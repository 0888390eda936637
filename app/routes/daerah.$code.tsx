import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { GovernmentFigures } from "~/components/benchmark/figure-history";
import { drawGovernmentTrend } from "~/components/benchmark/figure-trend.server";
import { HeadlineFigure } from "~/components/benchmark/headline-figure";
import { FigureNoteControls, FigureNoteForm, type NoteFormResult, noteFormTarget } from "~/components/benchmark/figure-note-forms";
import { SourceLink } from "~/components/source-link";
import { regionShare } from "~/components/share/share-cards.server";
import { ShareLinks } from "~/components/share/share-links";
import { Badge } from "~/components/ui/badge";
import { DownloadLinks } from "~/components/ui/download-links";
import { Alert } from "~/components/ui/form-base";
import { validationMessage } from "~/modules/forms/validation-message";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { listVisits } from "~/modules/visits/index.server";
import { pageMeta } from "~/modules/http/page-meta";
import { FeedLinks } from "~/components/feeds/feed-links";
import { feedDiscoveryLinks } from "~/modules/open-data/feed-paths";
import { pageFeeds } from "~/modules/open-data/feeds.server";
import { useTranslator } from "~/modules/i18n/use-translator";
import { currentUser, requirePermission } from "~/modules/auth/guards.server";
import { RegionVisits } from "~/components/visits/region-visits";
import { FollowButton } from "~/components/follows/follow-button";
import { isFollowing } from "~/modules/follows/follows.server";
import { addFigureNote, findFigureNote, NOTED_KINDS, removeFigureNote } from "~/modules/benchmark/figure-notes.server";
import { can } from "~/modules/auth/permissions";
import { getRegionProfileFields } from "~/modules/regions/region-profile.server";
import { getGovernmentHistory } from "~/modules/benchmark/region-figures.server";
import { FRAMEWORK_PARAM, requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { getRegionProfile } from "~/modules/regions/regions.server";
import { getRegionPracticeOverview } from "~/modules/practices/practice-list.server";
import { RegionPractices } from "~/components/practices/region-practices";
import { RegionApplicationsSection } from "~/components/applications/region-applications";
import { getRegionApplications } from "~/modules/applications/index.server";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { canonicalUrl } from "~/modules/http/app-url.server";
import { readFormToken } from "~/modules/forms/form-token";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => [...pageMeta(args, { title: args.data?.region.name, description: args.data?.share.description, image: args.data?.share.image }), ...feedDiscoveryLinks(args.data?.feeds)];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const profile = await getRegionProfile(params.code ?? "");
  if (!profile) throw new Response(null, { status: 404 });
  const user = await currentUser(request, context);
  const [about, practiceOverview, applications, figures, visits, following, translator] = await Promise.all([
    getRegionProfileFields(profile.region.code),
    getRegionPracticeOverview(profile.region.code),
    getRegionApplications(profile.region.code),
    getGovernmentHistory(profile.region.code, user),
    listVisits(user, { regionCode: profile.region.code, limit: 20 }),
    isFollowing(user?.id ?? null, { type: "region", key: profile.region.code }),
    translatorForRequest(request),
  ]);
  const { description, image } = regionShare(translator, profile.region, figures.headline);
  return {
    ...profile,
    share: { description, image, url: canonicalUrl(request) },
    figures: { ...figures, trend: drawGovernmentTrend(translator, profile.region.name, figures) },
    about,
    practiceOverview,
    applications,
    canEdit: can(user, { action: "region.edit", regionCode: profile.region.code }),
    canNote: can(user, { action: "figure.note", regionCode: profile.region.code }),
    canModerate: can(user, { action: "figure.moderate" }),
    visits,
    follow: { signedIn: user !== null, following },
    feeds: pageFeeds(translator, [
      { name: "praktik", filters: { daerah: profile.region.code }, about: profile.region.name },
      { name: "hasil-resmi", filters: { daerah: profile.region.code }, about: profile.region.name },
      { name: "adopsi", filters: { daerah: profile.region.code }, about: profile.region.name },
    ]),
    // A request is about published practices: a region without any cannot be asked yet.
    canRequestVisit: practiceOverview.total > 0 && can(user, { action: "visit.request", hostRegionCode: profile.region.code }),
    justSaved: requestQuery(request).has("disimpan"),
    noteSaved: requestQuery(request).has("tanggapan"),
  };
}

/**
 * The right of reply on this page: the region's editors sign a note on one of its figures or
 * withdraw one; curators hide a note with a reason.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const profile = await getRegionProfile(params.code ?? "");
  if (!profile) throw new Response(null, { status: 404 });
  const code = profile.region.code;
  const form = await readForm(request);
  const intent = form.get("intent");
  const text = (name: string) => String(form.get(name) ?? "").slice(0, 2000);
  if (intent === "tanggapan") {
    const user = await requirePermission(request, context, { action: "figure.note", regionCode: code });
    await requireWithinLimit(context, "figureNote", user.id);
    const year = Number(text("tahun"));
    const kind = NOTED_KINDS.find((candidate) => candidate === text("jenis"));
    if (!Number.isInteger(year) || !kind) throw new Response(null, { status: 400 });
    const { framework } = await requireFrameworkChoice(new URLSearchParams({ [FRAMEWORK_PARAM]: text(FRAMEWORK_PARAM) }));
    const result = await addFigureNote({ regionCode: code, frameworkSlug: framework.slug, year, kind, body: text("tanggapan"), actor: user, ip: context.clientIp, formToken: readFormToken(form) });
    if (!result.ok) return data({ target: noteFormTarget(year, kind), error: result.errors.tanggapan!, body: text("tanggapan") } satisfies NoteFormResult, { status: 400 });
  } else if (intent === "tarik" || intent === "sembunyikan") {
    const id = /^\d{1,9}$/.test(text("catatan")) ? Number(text("catatan")) : null;
    const note = id === null ? null : await findFigureNote(id);
    if (!note || note.regionCode !== code) throw new Response(null, { status: 404 });
    const user =
      intent === "tarik"
        ? await requirePermission(request, context, { action: "figure.note", regionCode: code })
        : await requirePermission(request, context, { action: "figure.moderate" });
    await requireWithinLimit(context, intent === "tarik" ? "figureNote" : "curation", user.id);
    const result = await removeFigureNote({ id: note.id, how: intent === "tarik" ? "withdrawn" : "hidden", reason: text("alasan"), actorId: user.id, ip: context.clientIp });
    if (!result.ok) return data({ target: `note:${note.id}`, error: result.errors.alasan!, body: "" } satisfies NoteFormResult, { status: 400 });
  } else {
    throw new Response(null, { status: 400 });
  }
  return redirect(`/daerah/${code}?tanggapan=1#spbe-heading`);
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
  const translator = useTranslator();
  const { t, formatNumber, locale } = translator;
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
                  <Alert tone="error">{validationMessage(translator, noteResult.error)}</Alert>
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
