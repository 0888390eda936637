import { knownCode, oneOf, readPage, readParam, renamedParams, searchString } from "../http/url-query";

export const DIRECTORY_PAGE_SIZE = 25;
const MAX_NAME_QUERY_LENGTH = 100;

export interface DirectoryQuery {
  name: string;
  province: string | null;
  type: "kabupaten" | "kota" | null;
  cohort: string | null;
  page: number;
}

const REGION_TYPES = ["kabupaten", "kota"] as const;

/** The English names the directory's parameters had before (`/daerah?province=32&type=kota`). */
const OLD_PARAM_NAMES = { province: "provinsi", type: "jenis", cohort: "kohort", page: "hal" };

/** For an old directory link: the same filters under today's names, or null (see renamedParams). */
export function renamedDirectoryParams(params: URLSearchParams): URLSearchParams | null {
  return renamedParams(params, OLD_PARAM_NAMES);
}

/** Reads the directory filters from the URL (`?q=…&provinsi=…&jenis=…&kohort=…&hal=…`). */
export function parseDirectoryQuery(
  params: URLSearchParams,
  known: { provinceCodes: ReadonlySet<string>; cohortSlugs: ReadonlySet<string> },
): DirectoryQuery {
  return {
    name: (params.get("q") ?? "").trim().slice(0, MAX_NAME_QUERY_LENGTH),
    province: readParam(params, "provinsi", knownCode(known.provinceCodes)),
    type: readParam(params, "jenis", oneOf(REGION_TYPES)),
    cohort: readParam(params, "kohort", knownCode(known.cohortSlugs)),
    page: readPage(params),
  };
}

/** The URL search string for a query, omitting defaults so links stay short. */
export function directorySearch(query: DirectoryQuery, overrides: Partial<DirectoryQuery> = {}): string {
  const merged = { ...query, ...overrides };
  return searchString({
    q: merged.name,
    provinsi: merged.province,
    jenis: merged.type,
    kohort: merged.cohort,
    hal: merged.page > 1 ? merged.page : null,
  });
}
