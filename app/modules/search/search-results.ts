import type { Locale } from "../i18n/locales";
import { type SearchFilterKey, type SearchQuery, splitHighlights, type TextPart } from "./search-query";

// What a search answers, whichever engine found it (Meilisearch or the database fallback).

export interface SearchHit {
  id: number;
  title: TextPart[];
  summary: TextPart[];
  /** The language of title and summary: English when the reader chose it and the practice has it. */
  lang: Locale;
  regionCode: string;
  regionName: string;
  provinceName: string;
  stage: string;
}

/** One value of a facet: `name` is the province's or indicator's name (the page translates the rest). */
export interface FacetValue {
  value: string;
  name: string;
  count: number;
}

export interface SearchResults {
  query: SearchQuery;
  /** "meilisearch", or "database" when Meilisearch could not answer (degraded mode). */
  engine: "meilisearch" | "database";
  total: number;
  pageCount: number;
  hits: SearchHit[];
  /** Per facet: its most frequent values for the current query and filters, and the chosen one. */
  facets: Record<SearchFilterKey, { values: FacetValue[]; active: FacetValue | null }>;
  regions: { code: string; name: string; provinceName: string }[];
  /** `href` names the framework: indicator numbers overlap between frameworks. */
  indicators: { number: number; name: string; domainName: string; href: string }[];
  /** There are words, but even the best practice found matches them poorly. */
  weakMatches: boolean;
}

export type EngineResults = Omit<SearchResults, "query" | "facets" | "weakMatches"> & {
  /** Meilisearch's counts per facet value (already the most frequent ones, in order). */
  facetCounts: Partial<Record<SearchFilterKey, Record<string, number>>>;
  /** Only an engine that scores its matches can tell (false when left out). */
  weakMatches?: boolean;
};

/** A hit's title and summary in the reader's language where the practice has it (as its page does). */
export function localizedHit(
  locale: Locale,
  text: { title: string; titleEn: string; summary: string; summaryEn: string },
): Pick<SearchHit, "title" | "summary" | "lang"> {
  const english = locale === "en" && text.titleEn.trim() !== "";
  return {
    title: splitHighlights(english ? text.titleEn : text.title),
    summary: splitHighlights(english && text.summaryEn.trim() !== "" ? text.summaryEn : text.summary),
    lang: english ? "en" : "id",
  };
}
