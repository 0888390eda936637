import { integerBetween, knownCode, oneOf, readPage, readParam, searchString, textUpTo } from "../http/url-query";
import { APPLICATION_FUNCTIONS, type ApplicationFunction } from "./application-content";

export const CATALOG_PAGE_SIZE = 20;

/** The public catalog's filters, as /aplikasi?fungsi=…&indikator=…&provinsi=…&teknologi=…&q=…&hal=… holds them. */
export interface CatalogQuery {
  function: ApplicationFunction | null;
  /** SPBE 2020 indicator number. */
  indicator: number | null;
  province: string | null;
  /** A technology, matched without regard to case. */
  technology: string | null;
  text: string | null;
  page: number;
}

/** Reads the catalog's filters; unknown or malformed values read as "no filter". */
export function parseCatalogQuery(params: URLSearchParams, known: { provinceCodes: ReadonlySet<string> }): CatalogQuery {
  return {
    function: readParam(params, "fungsi", oneOf(APPLICATION_FUNCTIONS)),
    indicator: readParam(params, "indikator", integerBetween(1, 999)),
    province: readParam(params, "provinsi", knownCode(known.provinceCodes)),
    technology: readParam(params, "teknologi", textUpTo(40)),
    text: readParam(params, "q", textUpTo(200)),
    page: readPage(params),
  };
}

/** The URL search string for a query, defaults left out. */
export function catalogSearch(query: CatalogQuery, overrides: Partial<CatalogQuery> = {}): string {
  const merged = { ...query, ...overrides };
  return searchString({
    q: merged.text,
    fungsi: merged.function,
    indikator: merged.indicator,
    provinsi: merged.province,
    teknologi: merged.technology,
    hal: merged.page > 1 ? merged.page : null,
  });
}
