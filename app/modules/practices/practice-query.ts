import { integerBetween, knownCode, oneOf, readPage, readParam, searchString } from "../http/url-query";
import { PRACTICE_STAGES, type PracticeStage } from "./practice-content";
import { PRACTICE_STATES, type PracticeState } from "./workflow";

export const PRACTICE_PAGE_SIZE = 20;
export const PRACTICE_SORTS = ["terbaru", "terbanyak-diadopsi"] as const;

export interface PracticeListQuery {
  province: string | null;
  region: string | null;
  /** Indicator number in SPBE 2020 (1–47). */
  indicator: number | null;
  stage: PracticeStage | null;
  tag: string | null;
  sort: (typeof PRACTICE_SORTS)[number];
  page: number;
}

/**
 * Reads the public list's filters from the URL; unknown or malformed values fall back to
 * "no filter" so a shared or hand-edited link still shows something useful.
 */
export function parsePracticeListQuery(
  params: URLSearchParams,
  known: { provinceCodes: ReadonlySet<string>; regionCodes: ReadonlySet<string> },
): PracticeListQuery {
  const tag = (params.get("tag") ?? "").trim().toLocaleLowerCase("id").slice(0, 40);
  return {
    province: readParam(params, "provinsi", knownCode(known.provinceCodes)),
    region: readParam(params, "daerah", knownCode(known.regionCodes)),
    indicator: readParam(params, "indikator", integerBetween(1, 999)),
    stage: readParam(params, "tahap", oneOf(PRACTICE_STAGES)),
    tag: tag || null,
    sort: readParam(params, "urut", oneOf(PRACTICE_SORTS)) ?? "terbaru",
    page: readPage(params),
  };
}

/** The URL search string for a query, omitting defaults so links stay short. */
export function practiceListSearch(query: PracticeListQuery, overrides: Partial<PracticeListQuery> = {}): string {
  const merged = { ...query, ...overrides };
  return searchString({
    provinsi: merged.province,
    daerah: merged.region,
    indikator: merged.indicator,
    tahap: merged.stage,
    tag: merged.tag,
    urut: merged.sort !== "terbaru" ? merged.sort : null,
    hal: merged.page > 1 ? merged.page : null,
  });
}

export interface WorkspaceQuery {
  state: PracticeState | null;
  province: string | null;
  region: string | null;
  page: number;
}

/** The review queue / workspace filters (state, region, province, page). */
export function parseWorkspaceQuery(
  params: URLSearchParams,
  known: { provinceCodes: ReadonlySet<string>; regionCodes: ReadonlySet<string> },
  defaultState: PracticeState | null,
): WorkspaceQuery {
  const stateParam = params.get("status");
  const state = readParam(params, "status", oneOf(PRACTICE_STATES));
  return {
    // "semua" (all) is an explicit choice; no parameter at all means the default view.
    state: state ?? (stateParam === "semua" ? null : defaultState),
    province: readParam(params, "provinsi", knownCode(known.provinceCodes)),
    region: readParam(params, "daerah", knownCode(known.regionCodes)),
    page: readPage(params),
  };
}
