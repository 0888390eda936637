import { z } from "zod";
import { PRACTICE_STAGES, type PracticeStage } from "../practices/practice-content";

export const SEARCH_PAGE_SIZE = 20;
/** Longer queries are cut: nobody types more, and Meilisearch only uses the first ten words. */
export const MAX_QUERY_LENGTH = 200;

export interface SearchQuery {
  text: string;
  /** The typed query was longer than MAX_QUERY_LENGTH and was shortened. */
  truncated: boolean;
  province: string | null;
  indicator: number | null;
  stage: PracticeStage | null;
  tag: string | null;
  page: number;
}

/** `/cari?q=…&provinsi=…&indikator=…&tahap=…&tag=…&hal=…`; unknown values mean "no filter". */
export function parseSearchQuery(
  params: URLSearchParams,
  known: { provinceCodes: ReadonlySet<string>; indicatorNumbers: ReadonlySet<number> },
): SearchQuery {
  const raw = (params.get("q") ?? "").replace(/\s+/g, " ").trim();
  const province = params.get("provinsi");
  const indicator = Number(params.get("indikator"));
  const stage = z.enum(PRACTICE_STAGES).safeParse(params.get("tahap"));
  const tag = (params.get("tag") ?? "").trim().toLocaleLowerCase("id").slice(0, 40);
  const page = Number(params.get("hal"));
  return {
    text: raw.slice(0, MAX_QUERY_LENGTH),
    truncated: raw.length > MAX_QUERY_LENGTH,
    province: province && known.provinceCodes.has(province) ? province : null,
    indicator: known.indicatorNumbers.has(indicator) ? indicator : null,
    stage: stage.success ? stage.data : null,
    tag: tag || null,
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
  };
}

export function searchUrl(query: SearchQuery, overrides: Partial<SearchQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (merged.text) params.set("q", merged.text);
  if (merged.province) params.set("provinsi", merged.province);
  if (merged.indicator) params.set("indikator", String(merged.indicator));
  if (merged.stage) params.set("tahap", merged.stage);
  if (merged.tag) params.set("tag", merged.tag);
  if (merged.page > 1) params.set("hal", String(merged.page));
  const search = params.toString();
  return `/cari${search ? `?${search}` : ""}`;
}

/** A Meilisearch filter string value: quoted, with quotes and backslashes escaped. */
export function filterValue(value: string | number): string {
  return typeof value === "number" ? String(value) : `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The filter expression for a query's facets (values are already validated or escaped). */
export function searchFilter(query: SearchQuery): string[] {
  return [
    query.province ? `provinceCode = ${filterValue(query.province)}` : null,
    query.indicator ? `indicatorNumbers = ${filterValue(query.indicator)}` : null,
    query.stage ? `stage = ${filterValue(query.stage)}` : null,
    query.tag ? `tags = ${filterValue(query.tag)}` : null,
  ].filter((part): part is string => part !== null);
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
