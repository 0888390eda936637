/**
 * The public feeds (Atom and JSON Feed, written by the `feed` library): newly published
 * practices, official index results as published, and adoptions. Only what the public pages
 * show goes in: public practices, current published results, adoptions by public practices;
 * never a draft, a contact or an account.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { Feed, type Item } from "feed";
import { frameworks, practiceRevisions, practices, provinces, publishedResults, regions, sources } from "../../../db/schema";
import { db } from "../db.server";
import { searchString } from "../http/url-query";
import { resolveFollowTarget } from "../follows/index.server";
import { type FrameworkSummary, getFrameworkSummary, getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { localeFromRequest } from "../i18n/locale.server";
import { isLocale, type Locale } from "../i18n/locales";
import type { ServerTranslator } from "../i18n/translator";
import { translatorFor } from "../i18n/translator.server";
import { listPublicAdoptions, selectPublicPractices } from "../practices/index.server";
import { escapeHtml } from "../text/escape-html";
import { FEED_FORMATS, type FeedFormat, type PageFeeds } from "./feed-links";
import { FEED_FILTERS, type FeedFilterValues, type FeedName, feedPath } from "./feed-paths";

/** Entries per feed: readers poll, so the newest are enough. */
export const FEED_SIZE = 50;

export interface FeedFilter {
  region: { code: string; name: string } | null;
  indicator: { id: number; number: number; name: string } | null;
  tag: string | null;
  framework: FrameworkSummary | null;
}

export type FeedProblem = "unknownRegion" | "unknownIndicator" | "unknownTag" | "unknownFramework";

/**
 * The feed's filters from its query (the feed's own parameters only; others, such as a reader's
 * tracking parameters, are ignored). A region, SPBE 2020 indicator or tag must exist as the
 * follow form requires (a tag: on a public practice); anything else is a problem, never an
 * empty feed that would look like "nothing new".
 */
export async function readFeedFilter(name: FeedName, params: URLSearchParams): Promise<{ ok: true; filter: FeedFilter } | { ok: false; problem: FeedProblem }> {
  const filter: FeedFilter = { region: null, indicator: null, tag: null, framework: null };
  const accepted: readonly string[] = FEED_FILTERS[name];
  const given = (param: string) => (accepted.includes(param) ? params.get(param) : null);
  const region = given("daerah");
  if (region !== null) {
    const resolved = await resolveFollowTarget("daerah", region, { tagMustExist: false });
    const [row] = resolved.ok ? await db().select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.code, resolved.target.key)) : [];
    if (!row) return { ok: false, problem: "unknownRegion" };
    filter.region = row;
  }
  const indicator = given("indikator");
  if (indicator !== null) {
    const resolved = await resolveFollowTarget("indikator", indicator, { tagMustExist: false });
    const found = resolved.ok ? (await getFrameworkTree(SPBE_2020)).indicatorsById.get(Number(resolved.target.key)) : undefined;
    if (!found) return { ok: false, problem: "unknownIndicator" };
    filter.indicator = found;
  }
  const tag = given("tag");
  if (tag !== null) {
    const resolved = await resolveFollowTarget("tag", tag, { tagMustExist: true });
    if (!resolved.ok) return { ok: false, problem: "unknownTag" };
    filter.tag = resolved.target.key;
  }
  const framework = given("kerangka");
  if (framework !== null) {
    filter.framework = /^[a-z0-9-]{1,60}$/.test(framework) ? await getFrameworkSummary(framework) : null;
    if (!filter.framework) return { ok: false, problem: "unknownFramework" };
  }
  return { ok: true, filter };
}

/** The feed's language: `?bahasa=en|id` (feed readers send no cookie), else the site's language cookie. */
export async function feedLocale(request: Request, params: URLSearchParams): Promise<Locale> {
  const asked = params.get("bahasa");
  return isLocale(asked) ? asked : localeFromRequest(request);
}

/** One entry as both formats write it; text fields are plain text, escaped where a format renders HTML. */
export interface FeedEntry {
  /** An IRI that never changes for this entry. */
  id: string;
  title: string;
  summary: string;
  path: string;
  published: Date;
  updated: Date;
  /** Who published it: a region or a source, never a person. */
  author: string;
  tags: string[];
}

export interface FeedContent {
  title: string;
  description: string;
  /** The page listing what the feed announces. */
  pagePath: string;
  entries: FeedEntry[];
}

/** Text of a practice in the reader's language where the region translated it. */
const inLanguage = (locale: Locale, indonesian: string, english: string) => (locale === "en" && english.trim() !== "" ? english : indonesian);

function filterLabel(filter: FeedFilter, t: ServerTranslator["t"]): string {
  return [
    filter.region?.name,
    filter.indicator ? t("feeds.indicatorFilter", { number: filter.indicator.number, name: filter.indicator.name }) : null,
    filter.tag === null ? null : t("feeds.tagFilter", { tag: filter.tag }),
    filter.framework?.shortName,
  ]
    .filter(Boolean)
    .join(" · ");
}

function titled(base: string, filter: FeedFilter, t: ServerTranslator["t"]): string {
  const label = filterLabel(filter, t);
  return label ? `${base} — ${label}` : base;
}

/** A tag URI (RFC 4151) for entries that have no page of their own. */
const tagUri = (origin: string, name: string, id: number) => `tag:${new URL(origin).hostname},2026:${name}/${id}`;

async function practiceFeed(filter: FeedFilter, translator: ServerTranslator, origin: string): Promise<FeedContent> {
  const { t, locale } = translator;
  const rows = await selectPublicPractices(
    {
      id: practices.id,
      title: practiceRevisions.title,
      titleEn: practiceRevisions.titleEn,
      summary: practiceRevisions.summary,
      summaryEn: practiceRevisions.summaryEn,
      tags: practiceRevisions.tags,
      regionName: regions.name,
      firstPublishedAt: practices.firstPublishedAt,
      publishedAt: practices.publishedAt,
    },
    {
      where: and(
        filter.region ? eq(practices.regionCode, filter.region.code) : undefined,
        filter.indicator ? sql`${practiceRevisions.indicatorIds} @> array[${filter.indicator.id}]::int[]` : undefined,
        filter.tag === null ? undefined : sql`${practiceRevisions.tags} @> array[${filter.tag}]::text[]`,
      ),
    },
  )
    .orderBy(sql`${practices.firstPublishedAt} desc nulls last`, desc(practices.id))
    .limit(FEED_SIZE);
  return {
    title: titled(t("feeds.practices.title"), filter, t),
    description: t("feeds.practices.description"),
    pagePath: `/praktik${searchString({ daerah: filter.region?.code, indikator: filter.indicator?.number, tag: filter.tag })}`,
    entries: rows.map((row) => {
      const published = row.firstPublishedAt ?? row.publishedAt ?? new Date(0);
      return {
        id: new URL(`/praktik/${row.id}`, origin).toString(),
        title: inLanguage(locale, row.title, row.titleEn),
        summary: inLanguage(locale, row.summary, row.summaryEn),
        path: `/praktik/${row.id}`,
        published,
        updated: row.publishedAt ?? published,
        author: row.regionName,
        tags: row.tags,
      };
    }),
  };
}

async function resultFeed(filter: FeedFilter, translator: ServerTranslator, origin: string): Promise<FeedContent> {
  const { t, formatIndex } = translator;
  const rows = await db()
    .select({
      id: publishedResults.id,
      year: publishedResults.year,
      value: publishedResults.value,
      decimals: publishedResults.decimals,
      decree: publishedResults.decree,
      createdAt: publishedResults.createdAt,
      updatedAt: publishedResults.updatedAt,
      regionCode: publishedResults.regionCode,
      provinceCode: publishedResults.provinceCode,
      subject: sql<string>`coalesce(${regions.name}, ${provinces.name})`,
      frameworkSlug: frameworks.slug,
      frameworkName: frameworks.shortName,
      citation: sources.citation,
      sourceUrl: sources.url,
    })
    .from(publishedResults)
    .innerJoin(frameworks, eq(frameworks.id, publishedResults.frameworkId))
    .innerJoin(sources, eq(sources.id, publishedResults.sourceId))
    .leftJoin(regions, eq(regions.code, publishedResults.regionCode))
    .leftJoin(provinces, eq(provinces.code, publishedResults.provinceCode))
    .where(
      and(
        isNull(publishedResults.supersededAt),
        filter.framework ? eq(publishedResults.frameworkId, filter.framework.id) : undefined,
        filter.region ? eq(publishedResults.regionCode, filter.region.code) : undefined,
      ),
    )
    .orderBy(desc(publishedResults.createdAt), desc(publishedResults.id))
    .limit(FEED_SIZE);
  return {
    title: titled(t("feeds.results.title"), filter, t),
    description: t("feeds.results.description"),
    pagePath: `/peringkat${searchString({ kerangka: filter.framework?.slug })}`,
    entries: rows.map((row) => {
      const values = { framework: row.frameworkName, year: row.year, subject: row.subject, value: formatIndex(row.value, row.decimals), kind: t("figures.kind.official") };
      const source = [row.decree, row.citation, row.sourceUrl].filter(Boolean).join(", ");
      return {
        id: tagUri(origin, "hasil-resmi", row.id),
        title: t("feeds.results.entryTitle", values),
        summary: t("feeds.results.entrySummary", { ...values, source }),
        path: row.regionCode ? `/daerah/${row.regionCode}/benchmark?kerangka=${row.frameworkSlug}` : `/provinsi/${row.provinceCode}`,
        published: row.createdAt,
        updated: row.updatedAt,
        author: row.citation,
        tags: [row.frameworkName, t("figures.kind.official")],
      };
    }),
  };
}

async function adoptionFeed(filter: FeedFilter, translator: ServerTranslator, origin: string): Promise<FeedContent> {
  const { t } = translator;
  const rows = await listPublicAdoptions(filter.region?.code, FEED_SIZE);
  return {
    title: titled(t("feeds.adoptions.title"), filter, t),
    description: t("feeds.adoptions.description"),
    pagePath: "/jaringan-adopsi",
    entries: rows.map((row) => ({
      id: tagUri(origin, "adopsi", row.adopterPracticeId),
      title: t("feeds.adoptions.entryTitle", { adopter: row.adopterRegionName, source: row.sourceRegionName }),
      summary: row.sourceTitle
        ? t("feeds.adoptions.entrySummaryFrom", { title: row.adopterTitle, sourceTitle: row.sourceTitle })
        : t("feeds.adoptions.entrySummary", { title: row.adopterTitle }),
      path: `/praktik/${row.adopterPracticeId}`,
      published: row.recordedAt,
      updated: row.recordedAt,
      author: row.adopterRegionName,
      tags: [],
    })),
  };
}

const builders: Record<FeedName, (filter: FeedFilter, translator: ServerTranslator, origin: string) => Promise<FeedContent>> = {
  praktik: practiceFeed,
  "hasil-resmi": resultFeed,
  adopsi: adoptionFeed,
};

/**
 * The feed as a document in one format. Atom's title, summary and content are HTML (type="html",
 * as the library writes them) and JSON Feed's content_html is HTML, so text goes in escaped;
 * JSON Feed's title is plain text. Tags go into Atom as percent-encoded terms (attribute values
 * the library does not escape). The feed's `updated` is its newest entry's, not the time of the
 * request, so an unchanged feed reads the same; an empty feed says 1970.
 */
export async function renderFeed(input: { name: FeedName; format: FeedFormat; filter: FeedFilter; locale: Locale; origin: string }): Promise<string> {
  const { name, format, filter, locale, origin } = input;
  const translator = translatorFor(locale);
  const content = await builders[name](filter, translator, origin);
  const absolute = (path: string) => new URL(path, origin).toString();
  const filters = {
    daerah: filter.region?.code,
    indikator: filter.indicator?.number,
    tag: filter.tag,
    kerangka: filter.framework?.slug,
    bahasa: locale === "id" ? null : locale,
  };
  const updated = content.entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), new Date(0));
  const feed = new Feed({
    id: absolute(feedPath(name, "atom", filters)),
    title: content.title,
    description: content.description,
    link: absolute(content.pagePath),
    language: locale,
    updated,
    generator: "IDSL",
    feedLinks: { atom: absolute(feedPath(name, "atom", filters)), json: absolute(feedPath(name, "json", filters)) },
    copyright: translator.t("feeds.rights"),
  });
  for (const entry of content.entries) {
    const item: Item = {
      id: entry.id,
      title: format === "atom" ? escapeHtml(entry.title) : entry.title,
      link: absolute(entry.path),
      date: entry.updated,
      published: entry.published,
      description: `<p>${escapeHtml(entry.summary)}</p>`,
      author: [{ name: entry.author }],
      category: entry.tags.map((tag) => (format === "atom" ? { term: encodeURIComponent(tag) } : { name: tag })),
    };
    feed.addItem(item);
  }
  return format === "atom" ? feed.atom1() : jsonFeed11(feed.json1(), locale);
}

/**
 * The library writes JSON Feed 1.0; 1.1 (jsonfeed.org/version/1.1) adds `language` and replaces
 * each item's `author` with `authors`. Readers of 1.0 read 1.1.
 */
function jsonFeed11(json: string, locale: Locale): string {
  const document = JSON.parse(json) as { version: string; language?: string; items: { author?: object; authors?: object[] }[] };
  document.version = "https://jsonfeed.org/version/1.1";
  document.language = locale;
  for (const item of document.items) {
    if (item.author) item.authors = [item.author];
    delete item.author;
  }
  return JSON.stringify(document, null, 2);
}

const FEED_KEYS = { praktik: "practices", "hasil-resmi": "results", adopsi: "adoptions" } as const;
const FORMAT_NAMES: Record<FeedFormat, string> = { atom: "Atom", json: "JSON Feed" };

/**
 * The feeds a page offers, each in both formats: the visible text is short ("Praktik baru ·
 * Atom"), the discovery title names what the page is about ("… — Kabupaten Sumedang (Atom)").
 */
export function pageFeeds(translator: ServerTranslator, feeds: { name: FeedName; filters?: FeedFilterValues; about?: string }[]): PageFeeds {
  const { t } = translator;
  return {
    label: t("feeds.linksLabel"),
    links: feeds.flatMap(({ name, filters = {}, about }) =>
      FEED_FORMATS.map((format) => {
        const title = t(`feeds.${FEED_KEYS[name]}.title`);
        return {
          format,
          href: feedPath(name, format, filters),
          title: `${about ? `${title} — ${about}` : title} (${FORMAT_NAMES[format]})`,
          text: `${t(`feeds.${FEED_KEYS[name]}.short`)} · ${FORMAT_NAMES[format]}`,
        };
      }),
    ),
  };
}
