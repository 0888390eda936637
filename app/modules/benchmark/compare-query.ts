export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

export type CompareProblem = "none" | "tooFew" | "tooMany" | "unknown";

/**
 * The regions to compare from `?daerah=a,b,c` (repeatable, plus `tambah` from the "add" form):
 * known codes in order, duplicates dropped, at most six; and what was wrong, if anything, so the
 * page can say it instead of failing.
 */
export function parseCompareSelection(params: URLSearchParams, known: ReadonlySet<string>) {
  const requested = [...params.getAll("daerah"), ...params.getAll("tambah")]
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "")
    .slice(0, 50);
  const unknown = requested.filter((code) => !known.has(code)).map((code) => code.slice(0, 20));
  const codes = [...new Set(requested.filter((code) => known.has(code)))];
  const problems: CompareProblem[] = [];
  if (unknown.length > 0) problems.push("unknown");
  if (codes.length > MAX_COMPARED) problems.push("tooMany");
  if (codes.length === 0) problems.push("none");
  else if (codes.length < MIN_COMPARED) problems.push("tooFew");
  return { codes: codes.slice(0, MAX_COMPARED), unknown, problems };
}

/** The comparison's URL query; a framework other than the default is kept (`kerangka`). */
export function compareSearch(codes: readonly string[], frameworkSlug: string | null = null): string {
  const parts = [...(codes.length > 0 ? [`daerah=${codes.join(",")}`] : []), ...(frameworkSlug ? [`kerangka=${encodeURIComponent(frameworkSlug)}`] : [])];
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/**
 * The year to compare in when none is asked for: the one in which most of the selected regions
 * have a result, the latest of those (one region reporting early must not blank out the rest).
 */
export function bestCommonYear(years: readonly number[], coverage: (year: number) => number): number | null {
  let best: number | null = null;
  for (const year of years) if (coverage(year) > 0 && (best === null || coverage(year) >= coverage(best))) best = year;
  return best;
}
