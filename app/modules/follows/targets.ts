/** What can be followed, as forms and pages name it (browser-safe). */
export const FOLLOW_TARGET_TYPES = ["region", "indicator", "tag"] as const;
export type FollowTargetType = (typeof FOLLOW_TARGET_TYPES)[number];

/**
 * A target as pages and forms name it: a region's code, an SPBE 2020 indicator's number, a
 * practice tag. (The database keeps an indicator's node id: see follows.server.ts.)
 */
export interface FollowTarget {
  type: FollowTargetType;
  key: string;
}

/** The follow form posts here; the feed and the list of what one follows live at FEED_PATH. */
export const FOLLOW_PATH = "/ikuti";
export const FEED_PATH = "/umpan-saya";

/** The follow form's fields (Indonesian, as the site's parameters are). */
export const FOLLOW_FIELDS = { type: "jenis", key: "kunci", back: "kembali", intent: "intent" } as const;

/** The type's word in the form: daerah, indikator, tag. */
export const FOLLOW_TYPE_WORDS: Record<FollowTargetType, string> = { region: "daerah", indicator: "indikator", tag: "tag" };

/** Items per page of the feed. */
export const FEED_PAGE_SIZE = 20;
