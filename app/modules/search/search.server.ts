import type { FederatedMultiSearchParams, MultiSearchParams, MultiSearchQueryWithFederation, MultiSearchResult, RecordAny, SearchResponse } from "meilisearch";
import { allGroups } from "../frameworks";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import type { Locale } from "../i18n/locales";
import { listProvinces } from "../regions/index.server";
import { meilisearch } from "./meilisearch.server";
import { searchDatabase } from "./search-fallback.server";
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
} from "./search-query";
import { type EngineResults, type FacetValue, localizedHit, type SearchResults } from "./search-results";
import { SEARCH_SETTINGS, searchIndexUid, STEMMED_PRACTICE_ATTRIBUTES } from "./search-settings";
import { stemmedQuery } from "./search-stemming.server";

/** Words of a summary shown per result. */
const SUMMARY_CROP_WORDS = 40;
/** Regions and indicators shown above the practices when the words match them. */
const OTHER_HITS = 5;
/**
 * A practice found only through the stems of the words ranks below one that matches the
 * words as typed equally well (decision 0035).
 */
const STEMMED_QUERY_WEIGHT = 0.9;
/** The words as typed once more, matched rarest first: only to rescue what the others miss. */
const FREQUENCY_QUERY_WEIGHT = 0.5;
/**
 * Practices matching the words worse than this are left out: without it, a word that matches
 * nothing let Meilisearch fall back to the other words, or to typos of them, and list almost
 * every practice ("electronic signature" found 15 of 16). Set against the judged queries of
 * `npm run search:eval`.
 */
const MIN_RANKING_SCORE = 0.2;
/** When the best practice matches worse than this, the page says the results are weak. */
const WEAK_RANKING_SCORE = 0.45;

/** Province and indicator names by facet value. */
type FacetNames = Partial<Record<SearchFilterKey, Map<string, string>>>;

/** The query a search URL asks for, and the names its facet values show as. */
export async function readSearchQuery(params: URLSearchParams): Promise<{ query: SearchQuery; names: FacetNames }> {
  const [provinces, tree] = await Promise.all([listProvinces(), getFrameworkTree(SPBE_2020)]);
  const indicators = [...tree.indicatorsById.values()];
  const query = parseSearchQuery(params, {
    provinceCodes: new Set(provinces.map((province) => province.code)),
    domainNames: new Set(allGroups(tree.groups).flatMap((group) => (group.kind === "domain" ? [group.name] : []))),
    aspectNames: new Set(allGroups(tree.groups).flatMap((group) => (group.kind === "aspect" ? [group.name] : []))),
    indicatorNumbers: new Set(indicators.map((indicator) => indicator.number)),
  });
  const names: FacetNames = {
    province: new Map(provinces.map((province) => [province.code, province.name])),
    indicator: new Map(indicators.map((indicator) => [String(indicator.number), `${indicator.number}. ${indicator.name}`])),
  };
  return { query, names };
}

/**
 * Searches published practices (and, when there are words, regions and indicators) in
 * Meilisearch, server-side: the master key never leaves the server. When Meilisearch cannot
 * answer, the database fallback answers (search-fallback.server.ts: full-text, trigram typos, synonyms).
 */
export async function search(params: URLSearchParams, locale: Locale, options: SearchOptions = {}): Promise<SearchResults> {
  const { query, names } = await readSearchQuery(params);
  const results =
    options.engine === "database"
      ? await searchDatabase(query, locale)
      : await searchMeilisearch(query, locale, options.indexPrefix).catch(() => searchDatabase(query, locale));
  const facetValue = (key: SearchFilterKey, value: string, count: number): FacetValue => ({ value, count, name: names[key]?.get(value) ?? value });
  const facets = Object.fromEntries(
    SEARCH_FACETS.map((key) => {
      const chosen = query[key] === null ? null : String(query[key]);
      const counts = results.facetCounts[key] ?? {};
      return [
        key,
        {
          // Re-sorted: numeric keys (province codes, years) lose Meilisearch's order in an object.
          values: Object.entries(counts)
            .map(([value, count]) => facetValue(key, value, count))
            .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
          active: chosen === null ? null : facetValue(key, chosen, counts[chosen] ?? 0),
        },
      ];
    }),
  ) as SearchResults["facets"];
  const { facetCounts: _counts, weakMatches = false, ...rest } = results;
  return { query, facets, weakMatches, ...rest };
}

/**
 * The search page's `search`: a page past the last one (an old link, a hand-edited address)
 * shows the last page and says so, whichever engine answers.
 */
export async function searchPage(params: URLSearchParams, locale: Locale): Promise<SearchResults> {
  const results = await search(params, locale);
  const lastPage = Math.max(results.pageCount, 1);
  if (results.query.page <= lastPage) return results;
  const lastParams = new URLSearchParams(params);
  lastParams.set("hal", String(lastPage));
  const last = await search(lastParams, locale);
  // Without any result there are no pages to speak of: the page says nothing matches.
  return { ...last, query: { ...last.query, pageNote: results.total > 0 ? "pastLast" : null } };
}

/** For the relevance harness (decision 0034): pages always search the unprefixed indexes, falling back on failure. */
export interface SearchOptions {
  /** Search these prefixed indexes instead (as `searchIndexUid`'s prefix). */
  indexPrefix?: string;
  /** "database": answer from the fallback without asking Meilisearch. */
  engine?: "database";
}

/** multiSearch types every result alike; each query above reads the documents of its own index. */
function resultOf<T extends RecordAny>(result: MultiSearchResult<RecordAny> | undefined): SearchResponse<T> {
  if (!result) throw new Error("Meilisearch returned fewer results than queries");
  return result as unknown as SearchResponse<T>;
}

/**
 * The Meilisearch requests a query needs, sent at once. Practices: one federated search of
 * the words as typed and, in best-match order, also of their stems on the stemmed fields and
 * of the words matched rarest first (Meilisearch merges the lists by weighted score, each
 * practice once, with facets and a total over all). Other orders would be lost in that merge,
 * so they search the words as typed only.
 * Regions and indicators only when there are words (only those can match them) and on the
 * first page, where they are shown; all the words must match, so one word of a phrase ("tanda")
 * does not list a region ("Tana Toraja"). The benchmark sends the same requests straight to
 * Meilisearch.
 */
export function searchRequest(
  query: SearchQuery,
  indexPrefix = "",
): { practices: FederatedMultiSearchParams; others: MultiSearchParams | null } {
  const practicesUid = searchIndexUid("practices", indexPrefix);
  const words: MultiSearchQueryWithFederation = {
    indexUid: practicesUid,
    q: query.text,
    attributesToSearchOn: exactAttributes(),
    filter: searchFilter(query),
    attributesToRetrieve: ["id", "title", "titleEn", "summary", "summaryEn", "regionCode", "regionName", "provinceName", "stage"],
    attributesToHighlight: ["title", "titleEn", "summary", "summaryEn"],
    // Around the matched words, so a result shows why it matched.
    attributesToCrop: ["summary", "summaryEn"],
    cropLength: SUMMARY_CROP_WORDS,
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
    sort: searchSort(query.sort),
    showRankingScore: true,
    rankingScoreThreshold: query.text === "" ? undefined : MIN_RANKING_SCORE,
  };
  const queries = [words];
  const stems = query.sort === "relevan" ? stemmedQuery(query.text) : null;
  if (stems !== null) {
    queries.push({ ...words, q: stems, attributesToSearchOn: STEMMED_PRACTICE_ATTRIBUTES, federationOptions: { weight: STEMMED_QUERY_WEIGHT } });
  }
  // Meilisearch drops words from the end of a query that finds too little, so a first word no
  // practice has ("mengurangi antrean rumah sakit") found nothing; this copy drops the most
  // frequent words first instead, and weighs little.
  if (query.sort === "relevan" && query.text.includes(" ")) {
    queries.push({ ...words, matchingStrategy: "frequency", federationOptions: { weight: FREQUENCY_QUERY_WEIGHT } });
  }
  const practices: FederatedMultiSearchParams = {
    federation: {
      offset: (query.page - 1) * SEARCH_PAGE_SIZE,
      limit: SEARCH_PAGE_SIZE,
      facetsByIndex: { [practicesUid]: SEARCH_FACETS.map((key) => FILTER_ATTRIBUTES[key]) },
    },
    queries,
  };
  const others: MultiSearchParams | null =
    query.text !== "" && query.page === 1
      ? {
          queries: [
            { indexUid: searchIndexUid("regions", indexPrefix), q: query.text, limit: OTHER_HITS, matchingStrategy: "all" },
            { indexUid: searchIndexUid("indicators", indexPrefix), q: query.text, limit: OTHER_HITS, matchingStrategy: "all" },
          ],
        }
      : null;
  return { practices, others };
}

/** The practices' searchable attributes but the stemmed ones, which only the stemmed query searches. */
function exactAttributes(): string[] {
  const searchable = SEARCH_SETTINGS.practices.searchableAttributes ?? [];
  return searchable.filter((attribute) => !STEMMED_PRACTICE_ATTRIBUTES.includes(attribute));
}

async function searchMeilisearch(query: SearchQuery, locale: Locale, indexPrefix?: string): Promise<EngineResults> {
  const request = searchRequest(query, indexPrefix);
  const [practices, others] = await Promise.all([
    meilisearch().multiSearch<FederatedMultiSearchParams, PracticeSearchDocument>(request.practices),
    request.others ? meilisearch().multiSearch(request.others) : null,
  ]);
  const regions = others ? resultOf<RegionSearchDocument>(others.results[0]).hits : [];
  const indicators = others ? resultOf<IndicatorSearchDocument>(others.results[1]).hits : [];
  const facetDistribution = practices.facetsByIndex?.[searchIndexUid("practices", indexPrefix)]?.distribution ?? {};
  const total = practices.estimatedTotalHits ?? 0;
  const bestScore = Math.max(0, ...practices.hits.map((hit) => hit._federation?.weightedRankingScore ?? 0));
  return {
    engine: "meilisearch",
    total,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    facetCounts: Object.fromEntries(SEARCH_FACETS.map((key) => [key, facetDistribution[FILTER_ATTRIBUTES[key]] ?? {}])),
    weakMatches: query.text !== "" && query.page === 1 && practices.hits.length > 0 && bestScore < WEAK_RANKING_SCORE,
    hits: practices.hits.map((hit) => ({
      id: hit.id,
      ...localizedHit(locale, {
        title: String(hit._formatted?.title ?? hit.title),
        titleEn: String(hit._formatted?.titleEn ?? hit.titleEn),
        summary: String(hit._formatted?.summary ?? hit.summary),
        summaryEn: String(hit._formatted?.summaryEn ?? hit.summaryEn),
      }),
      regionCode: hit.regionCode,
      regionName: hit.regionName,
      provinceName: hit.provinceName,
      stage: hit.stage,
    })),
    regions: regions.map(({ code, name, provinceName }) => ({ code, name, provinceName })),
    indicators: indicators.map(({ number, name, domainName }) => ({ number, name, domainName, href: `/indikator/${number}?kerangka=${SPBE_2020}` })),
  };
}
