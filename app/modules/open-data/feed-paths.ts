/**
 * The public feeds' addresses (browser-safe: pages link to them). One feed per kind of news, in
 * Atom and JSON Feed, filtered by Indonesian query parameters like the pages they come from:
 * /umpan/praktik.atom?daerah=32.11&indikator=1&tag=tte. (/umpan-saya is a signed-in user's own
 * feed page, a different thing.)
 */
import { searchString } from "../http/url-query";
import { FEED_FORMATS, type FeedFormat } from "./feed-links";

export const FEED_NAMES = ["praktik", "hasil-resmi", "adopsi"] as const;
export type FeedName = (typeof FEED_NAMES)[number];

/** The filters each feed takes, as parameter names; `bahasa` (id/en) is accepted by all. */
export const FEED_FILTERS = {
  praktik: ["daerah", "indikator", "tag"],
  "hasil-resmi": ["daerah", "kerangka"],
  adopsi: ["daerah"],
} as const satisfies Record<FeedName, readonly string[]>;

export type FeedFilterValues = Partial<Record<(typeof FEED_FILTERS)[FeedName][number], string | number | null>>;

export function feedPath(name: FeedName, format: FeedFormat, filters: FeedFilterValues = {}): string {
  return `/umpan/${name}.${format}${searchString(filters)}`;
}

/** "praktik.atom" → the feed and format it names; null for anything else. */
export function parseFeedFile(file: string): { name: FeedName; format: FeedFormat } | null {
  const match = /^([a-z-]+)\.([a-z]+)$/.exec(file);
  const name = FEED_NAMES.find((candidate) => candidate === match?.[1]);
  const format = FEED_FORMATS.find((candidate) => candidate === match?.[2]);
  return name && format ? { name, format } : null;
}
