import type { MetaDescriptor } from "@remix-run/node";
import type { Location } from "@remix-run/react";
import { defaultLocale, isLocale, type Locale } from "../i18n/locales";

/** What the root loader tells every page about the site (root.tsx returns it as `site`). */
export interface SiteMeta {
  /** The public origin (APP_ORIGIN, or the request's own), so shared links are absolute. */
  origin: string;
  /** The site's description in the page's language, for pages without one of their own. */
  description: string;
}

/** What one page says about itself when shared. */
export interface PageShare {
  title?: string | null;
  description?: string | null;
  /**
   * The query parameters that change what the page shows (framework, year, compared regions),
   * kept in the canonical URL in this order; every other one (paging, messages, sort) is dropped.
   */
  query?: readonly string[];
  /** Site path of the page's 1200×630 preview image. */
  image?: string | null;
  type?: "website" | "article";
  /** schema.org JSON-LD, rendered by Remix's <Meta> with `<` and `>` escaped. */
  jsonLd?: Record<string, unknown> | null;
}

/** The parts of Remix's meta arguments this helper reads. */
export interface MetaArgsLike {
  location: Pick<Location, "pathname" | "search">;
  matches: ReadonlyArray<{ id: string; data: unknown }>;
}

const SITE_NAME = "IDSL";
const SITE_TITLE = "IDSL — Indonesia Digital Services Living Lab";
const OG_LOCALES: Record<Locale, string> = { id: "id_ID", en: "en_US" };
/** Open Graph and search engines cut longer descriptions anyway; cutting here keeps them whole words. */
const MAX_DESCRIPTION = 200;

/** The site facts a page's tags are built from, in the page's language. */
export type PageSite = SiteMeta & { locale: Locale };

/** The root loader's site facts and language (absent when the root loader itself failed). */
function siteMeta(matches: MetaArgsLike["matches"]): PageSite | null {
  const data = matches.find((match) => match.id === "root")?.data;
  if (typeof data !== "object" || data === null || !("site" in data)) return null;
  const site = data.site;
  if (typeof site !== "object" || site === null || !("origin" in site) || typeof site.origin !== "string") return null;
  const locale = "locale" in data && isLocale(data.locale) ? data.locale : defaultLocale;
  const description = "description" in site && typeof site.description === "string" ? site.description : "";
  return { origin: site.origin, locale, description };
}

/** The page's URL without the parameters that do not change what it shows. */
export function canonicalPath(location: MetaArgsLike["location"], query: readonly string[] = []): string {
  const current = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const name of query) {
    const value = current.get(name);
    if (value) kept.set(name, value);
  }
  const search = kept.toString();
  return search ? `${location.pathname}?${search}` : location.pathname;
}

/** One line of plain text, at most MAX_DESCRIPTION characters, cut at a word. */
export function shortDescription(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= MAX_DESCRIPTION) return line;
  const cut = line.slice(0, MAX_DESCRIPTION - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_DESCRIPTION / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

/**
 * Every page's `<head>` tags in one place: title, description, canonical URL (absolute, from the
 * site's configured origin), Open Graph and Twitter card tags, and JSON-LD when the page has it.
 * Each route's `meta` export calls this, so a shared link shows the same kind of card everywhere.
 */
export function pageMeta(args: MetaArgsLike, page: PageShare = {}): MetaDescriptor[] {
  return buildPageMeta(siteMeta(args.matches), args.location, page);
}

/**
 * pageMeta's tags from the site facts themselves: the server builds them in loaders this way
 * (page-meta.server.ts), so the pages' browser code need not carry this module.
 */
export function buildPageMeta(site: PageSite | null, location: MetaArgsLike["location"], page: PageShare = {}): MetaDescriptor[] {
  const title = page.title ? `${page.title} · ${SITE_NAME}` : SITE_TITLE;
  const description = shortDescription(page.description || site?.description || SITE_TITLE);
  const tags: MetaDescriptor[] = [
    { title },
    { name: "description", content: description },
    { property: "og:site_name", content: SITE_NAME },
    { property: "og:title", content: page.title || SITE_TITLE },
    { property: "og:description", content: description },
    { property: "og:type", content: page.type ?? "website" },
    { name: "twitter:card", content: page.image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: page.title || SITE_TITLE },
    { name: "twitter:description", content: description },
  ];
  const locale = site?.locale ?? defaultLocale;
  tags.push({ property: "og:locale", content: OG_LOCALES[locale] });
  if (site) {
    const url = new URL(canonicalPath(location, page.query), site.origin).toString();
    tags.push({ tagName: "link", rel: "canonical", href: url }, { property: "og:url", content: url });
    if (page.image) {
      const image = new URL(page.image, site.origin).toString();
      tags.push(
        { property: "og:image", content: image },
        { property: "og:image:type", content: "image/png" },
        { property: "og:image:width", content: "1200" },
        { property: "og:image:height", content: "630" },
        { property: "og:image:alt", content: page.title || SITE_TITLE },
        { name: "twitter:image", content: image },
      );
    }
  }
  if (page.jsonLd) tags.push({ "script:ld+json": page.jsonLd });
  return tags;
}
