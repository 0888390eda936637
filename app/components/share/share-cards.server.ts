/**
 * What region, practice, rankings and compare pages say when shared: the description of their
 * meta tags and the card of their preview image, built from the same figures the page shows.
 * The image routes (gambar.*) build the same cards, so a page's `?v=` always names its image.
 */
import type { FigureKind } from "~/modules/benchmark/figure-kinds";
import type { ServerTranslator } from "~/modules/i18n/translator";
import { canonicalPath } from "~/modules/http/page-meta";
import { type PreviewCard, previewPath } from "./preview-image.server";

interface Share {
  description: string;
  image: string;
}

type ShownFigure = { year: number; value: number | null; decimals: number; predikat: string | null };

function figureText(t: ServerTranslator, figure: Omit<ShownFigure, "predikat">) {
  return figure.value === null ? null : t.formatIndex(figure.value, figure.decimals);
}

function sampleNotice(t: ServerTranslator, kinds: readonly (FigureKind | null | undefined)[]) {
  return kinds.includes("sample") ? t.t("share.imageSample") : null;
}

/** A region: its latest official index (any framework's newest), with predikat, framework and year. */
export function regionShare(
  t: ServerTranslator,
  region: { code: string; name: string; province: { name: string } },
  headline: (ShownFigure & { framework?: { shortName: string } | null }) | null,
): Share & { card: PreviewCard } {
  const value = headline ? figureText(t, headline) : null;
  const framework = headline?.framework?.shortName ?? "";
  const card: PreviewCard = {
    kicker: headline ? t.t("share.imageIndex", { framework, kind: t.t("figures.kindLower.official"), year: headline.year }) : t.t("share.imageNoIndex"),
    title: region.name,
    figure: value ? { value, predikat: headline?.predikat ?? null } : null,
    lines: [region.province.name, ...(headline && !value ? [t.t("share.imageDisputed")] : [])],
  };
  const description =
    headline && value
      ? t.t("share.regionIndex", { framework, region: region.name, year: headline.year, value, predikat: headline.predikat ? ` (${headline.predikat})` : "" })
      : t.t("share.regionNoIndex", { region: region.name, province: region.province.name });
  return { description, card, image: previewPath(`/gambar/daerah/${region.code}.png`, card) };
}

/** A published practice: its title and region; the description is its summary (English ones when there are). */
export function practiceShare(
  t: ServerTranslator,
  practice: { id: number },
  revision: { title: string; titleEn: string | null; summary: string; summaryEn: string | null },
  region: { name: string; provinceName: string },
): Share & { card: PreviewCard } {
  const english = t.locale === "en";
  const title = (english && revision.titleEn) || revision.title;
  const card: PreviewCard = { kicker: t.t("share.imagePractice"), title, lines: [`${region.name} · ${region.provinceName}`] };
  return { description: (english && revision.summaryEn) || revision.summary, card, image: previewPath(`/gambar/praktik/${practice.id}.png`, card) };
}

/**
 * schema.org JSON-LD of a published practice: an Article by the region (a GovernmentOrganization).
 * Remix's <Meta> escapes `<`, `>` and `&` in it, so a title holding `</script>` stays inside the tag.
 */
export function practiceJsonLd(input: {
  url: string;
  title: string;
  description: string;
  locale: string;
  practice: { firstPublishedAt: Date | null; publishedAt: Date | null };
  region: { name: string; url: string };
}) {
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    "@id": input.url,
    url: input.url,
    headline: input.title,
    name: input.title,
    description: input.description,
    inLanguage: input.locale,
    datePublished: (input.practice.firstPublishedAt ?? input.practice.publishedAt)?.toISOString(),
    dateModified: input.practice.publishedAt?.toISOString(),
    author: { "@type": "GovernmentOrganization", name: input.region.name, url: input.region.url },
    publisher: { "@type": "Organization", name: "IDSL — Indonesia Digital Services Living Lab" },
  };
}

/** Rankings: framework, year, kind and the first three, each with its value. */
export function rankingsShare(
  t: ServerTranslator,
  search: string,
  ranking: { framework: string; year: number; kind: FigureKind; rows: readonly { rank: number; candidate: { name: string; figure: Omit<ShownFigure, "predikat"> } }[] },
): Share & { card: PreviewCard } {
  const kind = t.t(`figures.kindLower.${ranking.kind}`);
  const top = ranking.rows.slice(0, 3).map(({ rank, candidate }) => ({ rank, name: candidate.name, figure: candidate.figure }));
  const card: PreviewCard = {
    kicker: t.t("share.imageRankingsKind", { kind }),
    title: t.t("share.imageRankings", { framework: ranking.framework, year: ranking.year }),
    lines: top.map(({ rank, name, figure }) => `${rank}. ${name} — ${figureText(t, figure) ?? "—"}`),
    sample: sampleNotice(t, [ranking.kind]),
  };
  return { description: t.t("share.rankings", { framework: ranking.framework, year: ranking.year, kind }), card, image: previewPath(`/gambar/peringkat.png${search}`, card) };
}

/** A comparison: the compared regions, each with its official value of the year. */
export function compareShare(
  t: ServerTranslator,
  search: string,
  framework: string,
  comparison: { year: number | null; regions: { name: string; official: Omit<ShownFigure, "predikat"> | null }[] },
): Share & { card: PreviewCard } {
  const names = comparison.regions.map((region) => region.name);
  const card: PreviewCard = {
    kicker: comparison.year ? t.t("share.imageIndex", { framework, kind: t.t("figures.kindLower.official"), year: comparison.year }) : framework,
    title: t.t("share.imageCompare", { framework }),
    lines: comparison.regions.slice(0, 6).map((region) => `${region.name} — ${(region.official && figureText(t, region.official)) ?? "—"}`),
  };
  const description = names.length > 0 ? t.t("share.compare", { framework, regions: names.join(", ") }) : t.t("share.compareEmpty", { framework });
  return { description, card, image: previewPath(`/gambar/bandingkan.png${search}`, card) };
}

/**
 * `?…` with only the listed parameters of the request (share-query.ts), for a page's preview
 * image URL. Here, not beside the lists: pages use it in loaders only, and a browser-safe module
 * a route imports stays in its browser build even when only its loader uses it.
 */
export function shareSearch(request: Request, names: readonly string[]): string {
  return canonicalPath({ pathname: "", search: new URL(request.url).search }, names);
}
