import { z } from "zod";
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

const page = z.coerce.number().int().min(1).max(10_000);

/**
 * Reads the public list's filters from the URL; unknown or malformed values fall back to
 * "no filter" so a shared or hand-edited link still shows something useful.
 */
export function parsePracticeListQuery(
  params: URLSearchParams,
  known: { provinceCodes: ReadonlySet<string>; regionCodes: ReadonlySet<string> },
): PracticeListQuery {
  const province = params.get("provinsi");
  const region = params.get("daerah");
  const indicator = z.coerce.number().int().min(1).max(999).safeParse(params.get("indikator") ?? undefined);
  const stage = z.enum(PRACTICE_STAGES).safeParse(params.get("tahap"));
  const tag = (params.get("tag") ?? "").trim().toLocaleLowerCase("id").slice(0, 40);
  const sort = z.enum(PRACTICE_SORTS).safeParse(params.get("urut"));
  const parsedPage = page.safeParse(params.get("hal") ?? undefined);
  return {
    province: province && known.provinceCodes.has(province) ? province : null,
    region: region && known.regionCodes.has(region) ? region : null,
    indicator: indicator.success ? indicator.data : null,
    stage: stage.success ? stage.data : null,
    tag: tag || null,
    sort: sort.success ? sort.data : "terbaru",
    page: parsedPage.success ? parsedPage.data : 1,
  };
}

/** The URL search string for a query, omitting defaults so links stay short. */
export function practiceListSearch(query: PracticeListQuery, overrides: Partial<PracticeListQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (merged.province) params.set("provinsi", merged.province);
  if (merged.region) params.set("daerah", merged.region);
  if (merged.indicator) params.set("indikator", String(merged.indicator));
  if (merged.stage) params.set("tahap", merged.stage);
  if (merged.tag) params.set("tag", merged.tag);
  if (merged.sort !== "terbaru") params.set("urut", merged.sort);
  if (merged.page > 1) params.set("hal", String(merged.page));
  const search = params.toString();
  return search ? `?${search}` : "";
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
  const state = z.enum(PRACTICE_STATES).safeParse(stateParam);
  const province = params.get("provinsi");
  const region = params.get("daerah");
  const parsedPage = page.safeParse(params.get("hal") ?? undefined);
  return {
    // "semua" (all) is an explicit choice; no parameter at all means the default view.
    state: state.success ? state.data : stateParam === "semua" ? null : defaultState,
    province: province && known.provinceCodes.has(province) ? province : null,
    region: region && known.regionCodes.has(region) ? region : null,
    page: parsedPage.success ? parsedPage.data : 1,
  };
}
