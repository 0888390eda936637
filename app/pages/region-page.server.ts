import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { drawGovernmentTrend } from "~/components/benchmark/figure-trend.server";
import { type NoteFormResult, noteFormTarget } from "~/components/benchmark/figure-note-forms";
import { regionShare } from "~/components/share/share-cards.server";
import { currentUser, requirePermission } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { getRegionApplications } from "~/modules/applications/index.server";
import { addFigureNote, findFigureNote, NOTED_KINDS, removeFigureNote } from "~/modules/benchmark/figure-notes.server";
import { getGovernmentHistory } from "~/modules/benchmark/region-figures.server";
import { isFollowing } from "~/modules/follows/follows.server";
import { readFormToken } from "~/modules/forms/form-token";
import { validationMessage } from "~/modules/forms/validation-message";
import { FRAMEWORK_PARAM, requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { canonicalUrl } from "~/modules/http/app-url.server";
import { serverPageMeta } from "~/modules/http/page-meta.server";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";
import { feedDiscoveryLinks } from "~/modules/open-data/feed-links";
import { pageFeeds } from "~/modules/open-data/feeds.server";
import { getRegionPracticeOverview } from "~/modules/practices/practice-list.server";
import { getRegionProfileFields } from "~/modules/regions/region-profile.server";
import { getRegionProfile } from "~/modules/regions/regions.server";
import { listVisits } from "~/modules/visits/index.server";

/*
 * The region page's server side, in one module: the route (daerah.$code.tsx) imports only this,
 * so its browser build gets one empty stand-in for server code instead of one per module.
 */

/** The region page's data (daerah.$code.tsx): profile, figures, practices, visits, follow state and its head tags. */
export async function regionPageData({ request, context, params }: LoaderFunctionArgs) {
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
  const feeds = pageFeeds(translator, [
    { name: "praktik", filters: { daerah: profile.region.code }, about: profile.region.name },
    { name: "hasil-resmi", filters: { daerah: profile.region.code }, about: profile.region.name },
    { name: "adopsi", filters: { daerah: profile.region.code }, about: profile.region.name },
  ]);
  return {
    ...profile,
    meta: [...(await serverPageMeta(request, { title: profile.region.name, description, image })), ...feedDiscoveryLinks(feeds)],
    share: { url: canonicalUrl(request) },
    figures: { ...figures, trend: drawGovernmentTrend(translator, profile.region.name, figures) },
    about,
    practiceOverview,
    applications,
    canEdit: can(user, { action: "region.edit", regionCode: profile.region.code }),
    canNote: can(user, { action: "figure.note", regionCode: profile.region.code }),
    canModerate: can(user, { action: "figure.moderate" }),
    visits,
    follow: { signedIn: user !== null, following },
    feeds,
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
export async function regionPageAction({ request, context, params }: ActionFunctionArgs) {
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
    if (!result.ok) return data({ target: noteFormTarget(year, kind), message: validationMessage(await translatorForRequest(request), result.errors.tanggapan!), body: text("tanggapan") } satisfies NoteFormResult, { status: 400 });
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
    if (!result.ok) return data({ target: `note:${note.id}`, message: validationMessage(await translatorForRequest(request), result.errors.alasan!), body: "" } satisfies NoteFormResult, { status: 400 });
  } else {
    throw new Response(null, { status: 400 });
  }
  return redirect(`/daerah/${code}?tanggapan=1#spbe-heading`);
}
