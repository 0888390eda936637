import { type Locale, locales } from "../i18n/locales";
import { integerBetween, knownCode, oneOf, type ParamReader, searchString } from "../http/url-query";
import { PRACTICE_SORTS, PRACTICE_STAGES, type PracticeStage, RUNNING_STATUSES } from "../practices";

export const SEARCH_PAGE_SIZE = 20;
/** Longer queries are cut: nobody types more, and Meilisearch only uses the first ten words. */
export const MAX_QUERY_LENGTH = 200;
/** "relevan" ranks by match; the others are the practice list's orders. */
export const SEARCH_SORTS = ["relevan", ...PRACTICE_SORTS] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
const REGION_TYPES = ["kabupaten", "kota"] as const;

export interface SearchQuery {
  text: string;
  /** The typed query was longer than MAX_QUERY_LENGTH and was shortened. */
  truncated: boolean;
  province: string | null;
  /** An SPBE domain or aspect, by name (indicators belong to one aspect, aspects to one domain). */
  domain: string | null;
  aspect: string | null;
  indicator: number | null;
  stage: PracticeStage | null;
  tag: string | null;
  regionType: (typeof REGION_TYPES)[number] | null;
  status: (typeof RUNNING_STATUSES)[number] | null;
  /** Year the practice started. */
  year: number | null;
  /** A language the practice can be read in (every one has Indonesian; some English too). */
  language: Locale | null;
  sort: SearchSort;
  page: number;
  /**
   * Why the page shown is not the one the address asked for: "invalid" when `hal` is not a page
   * number (the first page is shown), "pastLast" when it is beyond the last page (the last is).
   */
  pageNote: "invalid" | "pastLast" | null;
  /** URL parameters whose values were not recognised, and are ignored. */
  ignored: string[];
}

/** The URL parameter of each filter (Indonesian, like the rest of the site's URLs). */
export const SEARCH_PARAMS = {
  province: "provinsi",
  domain: "domain",
  aspect: "aspek",
  indicator: "indikator",
  stage: "tahap",
  tag: "tag",
  regionType: "jenis",
  status: "status",
  year: "tahun",
  language: "bahasa",
} as const;
export type SearchFilterKey = keyof typeof SEARCH_PARAMS;
/** Facets shown beside the results, in this order. */
export const SEARCH_FACETS: SearchFilterKey[] = ["province", "regionType", "domain", "aspect", "indicator", "stage", "status", "year", "language", "tag"];

const MAX_PAGE = 500;

/** The order without an explicit choice: best match when there are words, else newest first. */
export function defaultSort(text: string): SearchSort {
  return text ? "relevan" : "terbaru";
}

/**
 * The page a `hal` value asks for, or null when it is not a page number. Digits only: "1.5" or
 * "1.200" (how Indonesian writes 1200) is not guessed at. Pages past MAX_PAGE read as MAX_PAGE
 * (a link cannot make the database skip millions of rows); Meilisearch has 50 pages at most.
 */
function readPageNumber(raw: string): number | null {
  const page = /^\d+$/.test(raw) ? Number(raw) : 0;
  return page >= 1 ? Math.min(page, MAX_PAGE) : null;
}

/**
 * `/cari?q=…&provinsi=…&domain=…&aspek=…&indikator=…&tahap=…&tag=…&jenis=…&status=…&tahun=…&bahasa=…&urut=…&hal=…`.
 * A value that is not a known one filters nothing and is reported in `ignored`, so the page
 * can say so instead of quietly showing everything.
 */
export function parseSearchQuery(
  params: URLSearchParams,
  known: {
    provinceCodes: ReadonlySet<string>;
    domainNames: ReadonlySet<string>;
    aspectNames: ReadonlySet<string>;
    indicatorNumbers: ReadonlySet<number>;
  },
): SearchQuery {
  const ignored: string[] = [];
  /** The parsed value, or null (noting the parameter when it had an unusable value). */
  const read = <T>(param: string, parse: ParamReader<T>): T | null => {
    const raw = (params.get(param) ?? "").trim();
    if (raw === "") return null;
    const value = parse(raw);
    if (value === null) ignored.push(param);
    return value;
  };
  const text = (params.get("q") ?? "").replace(/\s+/g, " ").trim();
  const sort = read("urut", oneOf(SEARCH_SORTS));
  const pageParam = (params.get("hal") ?? "").trim();
  const page = readPageNumber(pageParam);
  return {
    text: text.slice(0, MAX_QUERY_LENGTH),
    truncated: text.length > MAX_QUERY_LENGTH,
    province: read(SEARCH_PARAMS.province, knownCode(known.provinceCodes)),
    domain: read(SEARCH_PARAMS.domain, knownCode(known.domainNames)),
    aspect: read(SEARCH_PARAMS.aspect, knownCode(known.aspectNames)),
    indicator: read(SEARCH_PARAMS.indicator, (raw) => (known.indicatorNumbers.has(Number(raw)) ? Number(raw) : null)),
    stage: read(SEARCH_PARAMS.stage, oneOf(PRACTICE_STAGES)),
    // Any tag is a valid filter value (it is escaped in the filter); an unknown one finds nothing.
    tag: read(SEARCH_PARAMS.tag, (raw) => raw.toLocaleLowerCase("id").slice(0, 40)),
    regionType: read(SEARCH_PARAMS.regionType, oneOf(REGION_TYPES)),
    status: read(SEARCH_PARAMS.status, oneOf(RUNNING_STATUSES)),
    year: read(SEARCH_PARAMS.year, integerBetween(2000, 2100)),
    language: read(SEARCH_PARAMS.language, oneOf(locales)),
    // Without words there is nothing to rank by relevance: newest first.
    sort: sort ?? defaultSort(text),
    page: page ?? 1,
    pageNote: pageParam !== "" && page === null ? "invalid" : null,
    ignored,
  };
}

export function searchUrl(query: SearchQuery, overrides: Partial<SearchQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const filters = Object.fromEntries((Object.entries(SEARCH_PARAMS) as [SearchFilterKey, string][]).map(([key, param]) => [param, merged[key]]));
  return `/cari${searchString({
    q: merged.text,
    ...filters,
    urut: merged.sort !== defaultSort(merged.text) ? merged.sort : null,
    hal: merged.page > 1 ? merged.page : null,
  })}`;
}

/** A Meilisearch filter string value: quoted, with quotes and backslashes escaped. */
export function filterValue(value: string | number): string {
  return typeof value === "number" ? String(value) : `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The document attribute each filter applies to (see SEARCH_SETTINGS.practices). */
export const FILTER_ATTRIBUTES: Record<SearchFilterKey, string> = {
  province: "provinceCode",
  domain: "domainNames",
  aspect: "aspectNames",
  indicator: "indicatorNumbers",
  stage: "stage",
  tag: "tags",
  regionType: "regionType",
  status: "status",
  year: "year",
  language: "language",
};

/** The filter expression for a query's facets (values are already validated or escaped). */
export function searchFilter(query: SearchQuery): string[] {
  return (Object.entries(FILTER_ATTRIBUTES) as [SearchFilterKey, string][]).flatMap(([key, attribute]) => {
    const value = query[key];
    return value === null ? [] : [`${attribute} = ${filterValue(value)}`];
  });
}

/** Meilisearch's sort for a query: none ranks by relevance alone. */
export function searchSort(sort: SearchSort): string[] | undefined {
  switch (sort) {
    case "relevan":
      return undefined;
    case "terbaru":
      return ["publishedAt:desc"];
    case "terbanyak-diadopsi":
      return ["adoptionCount:desc", "publishedAt:desc"];
  }
}

/** Markers around highlighted words: control characters that never occur in our text. */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";

export interface TextPart {
  text: string;
  highlighted: boolean;
}

/**
 * Splits Meilisearch's `_formatted` text at the markers, so the page renders highlights as
 * React elements: the text itself is never inserted as HTML.
 */
export function splitHighlights(formatted: string): TextPart[] {
  const parts: TextPart[] = [];
  let highlighted = false;
  // eslint-disable-next-line no-control-regex -- the markers are control characters on purpose
  for (const piece of formatted.split(/([\u0002\u0003])/)) {
    if (piece === HIGHLIGHT_START) highlighted = true;
    else if (piece === HIGHLIGHT_END) highlighted = false;
    else if (piece !== "") parts.push({ text: piece, highlighted });
  }
  return parts;
}
