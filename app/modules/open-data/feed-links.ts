/**
 * What pages show of their feeds (FeedLinks, head discovery links), apart from the feeds'
 * addresses (feed-paths.ts): this file imports nothing, so a page's browser code gets only this.
 */
export const FEED_FORMATS = ["atom", "json"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = { atom: "application/atom+xml", json: "application/feed+json" };

/** A feed link as a page shows it (`text`) and announces it in its head (rel="alternate", `title`). */
export interface FeedLink {
  format: FeedFormat;
  href: string;
  title: string;
  text: string;
}

/** A page's feeds, with the label the page shows before them (loader data: the words come from the server catalog). */
export interface PageFeeds {
  label: string;
  links: FeedLink[];
}

/** The head links that let browsers and feed readers discover a page's feeds. */
export function feedDiscoveryLinks(feeds: PageFeeds | null | undefined) {
  return (feeds?.links ?? []).map((link) => ({ tagName: "link", rel: "alternate", type: FEED_CONTENT_TYPES[link.format], title: link.title, href: link.href }));
}
