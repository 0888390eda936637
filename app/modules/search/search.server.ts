import type { MultiSearchQuery, MultiSearchResult, RecordAny, SearchResponse } from "meilisearch";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/frameworks.server";
import { listPublishedPractices } from "../practices/practice-list.server";
import { listProvinces } from "../regions/regions.server";
import { meilisearch } from "./meilisearch.server";
import type { IndicatorSearchDocument, PracticeSearchDocument, RegionSearchDocument } from "./search-documents.server";
import {
  FILTER_ATTRIBUTES,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  parseSearchQuery,
  SEARCH_FACETS,
  SEARCH_PAGE_SIZE,
  type SearchFilterKey,
  type SearchQuery,
  searchFilter,
  searchSort,
  splitHighlights,
  type TextPart,
} from "./search-query";
import { searchIndexUid } from "./search-settings";

/** Regions and indicators shown above the practices when the words match them. */
const OTHER_HITS = 5;

export interface SearchHit {
  id: number;
  title: TextPart[];
  summary: TextPart[];
  regionCode: string;
  regionName: string;
  provinceName: string;
  stage: string;
}

export interface SearchResults {
  query: SearchQuery;
  /** "meilisearch", or "database" when Meilisearch could not answer (degraded mode). */
  engine: "meilisearch" | "database";
  total: number;
  pageCount: number;
  hits: SearchHit[];
  /** Counts per value of each facet, for the current query and filters. */
  facets: Partial<Record<SearchFilterKey, Record<string, number>>>;
  regions: { code: string; name: string; provinceName: string; publicPracticeCount: number }[];
  indicators: { number: number; name: string; domainName: string; publicPracticeCount: number }[];
  provinces: { code: string; name: string }[];
  indicatorNames: { number: number; name: string }[];
}

/** The query a search URL asks for, with the province and indicator lists the page shows. */
export async function readSearchQuery(params: URLSearchParams): Promise<Pick<SearchResults, "query" | "provinces" | "indicatorNames">> {
  const [provinces, tree] = await Promise.all([listProvinces(), getFrameworkTree(SPBE_2020)]);
  const indicatorNames = [...tree.indicatorsById.values()].sort((a, b) => a.number - b.number).map(({ number, name }) => ({ number, name }));
  const query = parseSearchQuery(params, {
    provinceCodes: new Set(provinces.map((province) => province.code)),
    indicatorNumbers: new Set(indicatorNames.map((indicator) => indicator.number)),
  });
  return { query, provinces, indicatorNames };
}

/**
 * Searches published practices (and, when there are words, regions and indicators) in
 * Meilisearch, server-side: the master key never leaves the server. When Meilisearch cannot
 * answer, practices come from PostgreSQL full-text search instead.
 */
export async function search(params: URLSearchParams): Promise<SearchResults> {
  const base = await readSearchQuery(params);
  try {
    return { ...base, ...(await searchMeilisearch(base.query)) };
  } catch {
    return { ...base, ...(await searchDatabase(base.query)) };
  }
}

type EngineResults = Omit<SearchResults, "query" | "provinces" | "indicatorNames">;

/** multiSearch types every result alike; each query above reads the documents of its own index. */
function resultOf<T extends RecordAny>(result: MultiSearchResult<RecordAny> | undefined): SearchResponse<T> {
  if (!result) throw new Error("Meilisearch returned fewer results than queries");
  return result as unknown as SearchResponse<T>;
}

/**
 * The one multi-search request a query needs: practices with facets, plus regions and
 * indicators when there are words (only those can match them) on the first page, where they
 * are shown. The benchmark sends the same request straight to Meilisearch.
 */
export function searchRequest(query: SearchQuery): { queries: MultiSearchQuery[] } {
  const queries: MultiSearchQuery[] = [
    {
      indexUid: searchIndexUid("practices"),
      q: query.text,
      filter: searchFilter(query),
      facets: SEARCH_FACETS.map((key) => FILTER_ATTRIBUTES[key]),
      page: query.page,
      hitsPerPage: SEARCH_PAGE_SIZE,
      attributesToRetrieve: ["id", "title", "summary", "regionCode", "regionName", "provinceName", "stage"],
      attributesToHighlight: ["title", "summary"],
      highlightPreTag: HIGHLIGHT_START,
      highlightPostTag: HIGHLIGHT_END,
      sort: searchSort(query.sort),
    },
  ];
  if (query.text !== "" && query.page === 1) {
    queries.push({ indexUid: searchIndexUid("regions"), q: query.text, limit: OTHER_HITS });
    queries.push({ indexUid: searchIndexUid("indicators"), q: query.text, limit: OTHER_HITS });
  }
  return { queries };
}

async function searchMeilisearch(query: SearchQuery): Promise<EngineResults> {
  const { queries } = searchRequest(query);
  const others = queries.length > 1;
  const { results } = await meilisearch().multiSearch({ queries });
  const practices = resultOf<PracticeSearchDocument>(results[0]);
  const regions = others ? resultOf<RegionSearchDocument>(results[1]).hits : [];
  const indicators = others ? resultOf<IndicatorSearchDocument>(results[2]).hits : [];
  const facetDistribution = practices.facetDistribution ?? {};
  return {
    engine: "meilisearch",
    total: practices.totalHits ?? 0,
    pageCount: practices.totalPages ?? 1,
    facets: Object.fromEntries(SEARCH_FACETS.map((key) => [key, facetDistribution[FILTER_ATTRIBUTES[key]] ?? {}])),
    hits: practices.hits.map((hit) => ({
      id: hit.id,
      title: splitHighlights(String(hit._formatted?.title ?? hit.title)),
      summary: splitHighlights(String(hit._formatted?.summary ?? hit.summary)),
      regionCode: hit.regionCode,
      regionName: hit.regionName,
      provinceName: hit.provinceName,
      stage: hit.stage,
    })),
    regions: regions.map(({ code, name, provinceName, publicPracticeCount }) => ({ code, name, provinceName, publicPracticeCount })),
    indicators: indicators.map(({ number, name, domainName, publicPracticeCount }) => ({ number, name, domainName, publicPracticeCount })),
  };
}

/** Degraded mode: the page still answers from the database, without typo tolerance or facet counts. */
async function searchDatabase(query: SearchQuery): Promise<EngineResults> {
  const result = await listPublishedPractices({
    ...query,
    region: null,
    sort: query.sort === "relevan" ? "terbaru" : query.sort,
    text: query.text || undefined,
  });
  return {
    engine: "database",
    total: result.total,
    pageCount: result.pageCount,
    facets: {},
    hits: result.practices.map((practice) => ({
      id: practice.id,
      title: [{ text: practice.title, highlighted: false }],
      summary: [{ text: practice.summary, highlighted: false }],
      regionCode: practice.regionCode,
      regionName: practice.regionName,
      provinceName: practice.provinceName,
      stage: practice.stage,
    })),
    regions: [],
    indicators: [],
  };
}
