import type { Locale } from "../i18n/locales";
import { listPublishedPractices } from "../practices/index.server";
import type { SearchQuery } from "./search-query";
import { type EngineResults, localizedHit } from "./search.server";

/** Degraded mode: the page still answers from the database, without typo tolerance or facet counts. */
export async function searchDatabase(query: SearchQuery, locale: Locale): Promise<EngineResults> {
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
    facetCounts: {},
    hits: result.practices.map((practice) => ({
      id: practice.id,
      ...localizedHit(locale, practice),
      regionCode: practice.regionCode,
      regionName: practice.regionName,
      provinceName: practice.provinceName,
      stage: practice.stage,
    })),
    regions: [],
    indicators: [],
  };
}
