import { z } from "zod";

export const DIRECTORY_PAGE_SIZE = 25;
const MAX_NAME_QUERY_LENGTH = 100;

export interface DirectoryQuery {
  name: string;
  province: string | null;
  type: "kabupaten" | "kota" | null;
  cohort: string | null;
  page: number;
}

/**
 * Reads the directory filters from the URL. Anything unknown or malformed falls back to its
 * default instead of failing: a shared or hand-edited link should still show something useful.
 */
export function parseDirectoryQuery(
  params: URLSearchParams,
  known: { provinceCodes: ReadonlySet<string>; cohortSlugs: ReadonlySet<string> },
): DirectoryQuery {
  const name = (params.get("q") ?? "").trim().slice(0, MAX_NAME_QUERY_LENGTH);
  const province = params.get("province");
  const type = z.enum(["kabupaten", "kota"]).safeParse(params.get("type"));
  const cohort = params.get("cohort");
  const page = z.coerce.number().int().min(1).max(10_000).safeParse(params.get("page") ?? undefined);
  return {
    name,
    province: province && known.provinceCodes.has(province) ? province : null,
    type: type.success ? type.data : null,
    cohort: cohort && known.cohortSlugs.has(cohort) ? cohort : null,
    page: page.success ? page.data : 1,
  };
}

/** The URL search string for a query, omitting defaults so links stay short. */
export function directorySearch(query: DirectoryQuery, overrides: Partial<DirectoryQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (merged.name) params.set("q", merged.name);
  if (merged.province) params.set("province", merged.province);
  if (merged.type) params.set("type", merged.type);
  if (merged.cohort) params.set("cohort", merged.cohort);
  if (merged.page > 1) params.set("page", String(merged.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

