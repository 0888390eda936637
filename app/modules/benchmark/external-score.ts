/**
 * Indicators another agency scores (Indeks Pemdi 2026 indicators 5–7: the Satu Data Indonesia
 * score by Bappenas, the SJIG score by BIG, the EPSS value by BPS) take their level from the
 * score the region received, not from a level the region picks.
 *
 * None of the framework's sources gives a table converting those scores to levels. The only
 * public calculation found (Niumination/PemdiAcehTengah, lib/pemdiNilai.js) takes the agency's
 * result as a value on the index's own 1–5 scale and its whole level as that value rounded
 * down. The rule below is that minimal one, and the page says so; when the official annex
 * gives a conversion it replaces this rule.
 */
export const EXTERNAL_SCORE_RULE = {
  /** Where the rule was read. */
  source: "https://github.com/Niumination/PemdiAcehTengah/blob/9aead6c02f9a6e62d06fc63424240e439457f7aa/lib/pemdiNilai.js",
  /** Digits after the decimal mark a score may have (assessment_levels.external_score is numeric(6,2)). */
  maxDecimals: 2,
} as const;

/** The levels of a framework's scale (Pemdi 2026: 1 Merintis … 5 Unggul); a score must lie within them. */
export interface LevelScale {
  min: number;
  max: number;
}

/** The whole level an agency's score on the framework's scale stands for: rounded down (3,62 → 3). */
export function levelFromExternalScore(score: number, scale: LevelScale): number {
  // The small epsilon keeps a score stored as 2.9999999 (binary noise) at 3.
  return Math.min(scale.max, Math.max(scale.min, Math.floor(score + 1e-9)));
}
