/**
 * The one way list pages read and write their URL state (page, sort, filters). Parameter names
 * are Indonesian, like the paths. Reading never fails: a value that is not usable reads as null,
 * and the page falls back to its default, so a shared or hand-edited link still shows something.
 * No validation library: this module reaches the browser, which builds the pages' links.
 */

/** Reads one parameter's text into a value, or null when it is not a usable one. */
export type ParamReader<T> = (raw: string) => T | null;

/** One of a fixed list of words, exactly. */
export function oneOf<T extends string>(values: readonly T[]): ParamReader<T> {
  return (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : null);
}

/** One of the codes (province, region, cohort…) that exist right now. */
export function knownCode(codes: ReadonlySet<string>): ParamReader<string> {
  return (raw) => (codes.has(raw) ? raw : null);
}

/** A whole number from `min` to `max`, read as JavaScript reads numbers ("3", "3.0", " 3"). */
export function integerBetween(min: number, max: number): ParamReader<number> {
  return (raw) => {
    const value = digitsOnlyNumber(raw);
    return value !== null && value >= min && value <= max ? value : null;
  };
}

/**
 * A whole number written with digits only (up to nine), else null. Number() would read the
 * Indonesian "1.000" (one thousand) as 1, "2,0" as nothing and "1e2" or "0x10" as numbers
 * nobody typed: a link's number is never guessed at.
 */
export function digitsOnlyNumber(raw: string): number | null {
  return /^[0-9]{1,9}$/.test(raw) ? Number(raw) : null;
}

/** A calendar date written yyyy-mm-dd, as date inputs send it, that exists (no 2026-02-30). */
export function isoDate(): ParamReader<string> {
  return (raw) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null;
    const date = new Date(`${raw}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(raw) ? raw : null;
  };
}

/** Free text, trimmed and cut to `maxLength`; blank reads as null. */
export function textUpTo(maxLength: number): ParamReader<string> {
  return (raw) => raw.trim().slice(0, maxLength) || null;
}

/** Parameter `name` read with `read`, or null when it is absent or not usable. */
export function readParam<T>(params: URLSearchParams, name: string, read: ParamReader<T>): T | null {
  const raw = params.get(name);
  return raw === null ? null : read(raw);
}

/** The year a page or download is asked for (`tahun`): four digits at most, by the rule above. */
export function readYear(params: URLSearchParams): number | null {
  return readParam(params, "tahun", integerBetween(0, 9999));
}

/**
 * What `tahun` asked for when the page shows another year (or none), cut short for a note beside
 * the year shown; null when the link asked for no year or for the one shown.
 */
export function replacedYear(params: URLSearchParams, shown: number | null): string | null {
  const requested = params.get("tahun");
  return requested !== null && requested !== "" && readYear(params) !== shown ? requested.slice(0, 12) : null;
}

/** Result pages: at most this many, so a link cannot ask the database to skip millions of rows. */
export function readPage(params: URLSearchParams, maxPage = 10_000): number {
  return readParam(params, "hal", integerBetween(1, maxPage)) ?? 1;
}

/**
 * A search string ("?provinsi=32&hal=2", or "" when nothing is set) from parameters in order;
 * null, undefined and "" are left out, so a default is written by passing null.
 */
export function searchString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * The same parameters under today's names when the URL still uses an old name (`renamed` maps
 * old → new; a new name given as well wins), or null when it uses none: pages redirect old links.
 */
export function renamedParams(params: URLSearchParams, renamed: Readonly<Record<string, string>>): URLSearchParams | null {
  if (![...params.keys()].some((name) => Object.hasOwn(renamed, name))) return null;
  const result = new URLSearchParams();
  for (const [name, value] of params) {
    const newName = Object.hasOwn(renamed, name) ? renamed[name] : undefined;
    if (newName === undefined) result.append(name, value);
    else if (!params.has(newName)) result.append(newName, value);
  }
  return result;
}
