import { getFrameworkTree, SPBE_2020 } from "../frameworks/frameworks.server";
import { listPublishedPractices } from "../practices/practice-list.server";
import { listProvinces } from "../regions/regions.server";
import { meilisearch } from "./meilisearch.server";
import type { PracticeSearchDocument } from "./search-documents.server";
import { HIGHLIGHT_END, HIGHLIGHT_START, parseSearchQuery, SEARCH_PAGE_SIZE, type SearchQuery, searchFilter, splitHighlights, type TextPart } from "./search-query";
import { searchIndexUid } from "./search-settings";

const FACETS = ["provinceCode", "stage", "indicatorNumbers", "tags"] as const;

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
  facets: Partial<Record<(typeof FACETS)[number], Record<string, number>>>;
  provinces: { code: string; name: string }[];
  indicators: { number: number; name: string }[];
}

/**
 * Searches published practices in Meilisearch (server-side, with the master key that never
 * leaves the server), falling back to PostgreSQL full-text search when Meilisearch is down.
 */
export async function searchPractices(params: URLSearchParams): Promise<SearchResults> {
  const [provinces, tree] = await Promise.all([listProvinces(), getFrameworkTree(SPBE_2020)]);
  const indicators = [...tree.indicatorsById.values()].sort((a, b) => a.number - b.number).map(({ number, name }) => ({ number, name }));
  const query = parseSearchQuery(params, {
    provinceCodes: new Set(provinces.map((province) => province.code)),
    indicatorNumbers: new Set(indicators.map((indicator) => indicator.number)),
  });
  const base = { query, provinces, indicators };
  try {
    const response = await meilisearch()
      .index<PracticeSearchDocument>(searchIndexUid("practices"))
      .search(query.text, {
        filter: searchFilter(query),
        facets: [...FACETS],
        page: query.page,
        hitsPerPage: SEARCH_PAGE_SIZE,
        attributesToHighlight: ["title", "summary"],
        highlightPreTag: HIGHLIGHT_START,
        highlightPostTag: HIGHLIGHT_END,
        sort: query.text ? undefined : ["publishedAt:desc"],
      });
    return {
      ...base,
      engine: "meilisearch",
      total: response.totalHits ?? 0,
      pageCount: response.totalPages ?? 1,
      facets: response.facetDistribution ?? {},
      hits: response.hits.map((hit) => ({
        id: hit.id,
        title: splitHighlights(String(hit._formatted?.title ?? hit.title)),
        summary: splitHighlights(String(hit._formatted?.summary ?? hit.summary)),
        regionCode: hit.regionCode,
        regionName: hit.regionName,
        provinceName: hit.provinceName,
        stage: hit.stage,
      })),
    };
  } catch {
    // Degraded mode: the page still answers from the database, without typo tolerance or facets.
    const result = await listPublishedPractices({
      province: query.province,
      region: null,
      indicator: query.indicator,
      stage: query.stage,
      tag: query.tag,
      sort: "terbaru",
      page: query.page,
      text: query.text || undefined,
    });
    return {
      ...base,
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
    };
  }
}
