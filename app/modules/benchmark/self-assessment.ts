import { type FieldErrors, numberFieldError } from "../forms/form-data";
import { type NumberConvention, parseLocaleNumber } from "../numbers/locale-number";
import { EXTERNAL_SCORE_RULE, type LevelScale, levelFromExternalScore } from "./external-score";

export interface SelfAssessmentEntry {
  level: number | null;
  note: string;
  evidenceUrl: string;
  /** For an indicator another agency scores: the score entered, which the level follows. */
  externalScore: number | null;
}

export const MAX_NOTE_LENGTH = 1000;
const HTTPS_URL = /^https:\/\/[^\s/$.?#][^\s]*$/i;

/** Form field names per indicator: a level (or, when another agency scores it, that score), note and evidence link. */
export const selfAssessmentFields = (indicatorId: number) => ({
  level: `level_${indicatorId}`,
  externalScore: `external_${indicatorId}`,
  note: `note_${indicatorId}`,
  evidenceUrl: `evidence_${indicatorId}`,
});

const INDICATOR_FIELD = /^(?:level|external|note|evidence)_(\d{1,10})$/;

/** What the self-assessment form needs to know about the framework it is for. */
export interface SelfAssessmentShape {
  indicatorIds: readonly number[];
  /** Indicators whose level follows another agency's score. */
  externallyScored: ReadonlySet<number>;
  scale: LevelScale;
}

/** An externally scored indicator's score as typed, read in the page's number convention ("3,62"). */
export function parseExternalScore(raw: string, scale: LevelScale, convention: NumberConvention) {
  const rules = { min: scale.min, max: scale.max, maxDecimals: EXTERNAL_SCORE_RULE.maxDecimals };
  const parsed = parseLocaleNumber(raw, convention, rules);
  return parsed.ok ? { ok: true as const, value: parsed.value } : { ok: false as const, error: numberFieldError(parsed.problem, rules, parsed.readings) };
}

/**
 * Reads the self-assessment form of one framework. Empty levels and scores are allowed (a draft
 * can be saved and finished later); anything else must be a level of the scale (or, for an
 * externally scored indicator, a score on it, whose level is derived), a short note, an
 * https:// link. A level posted for an externally scored indicator is not read: its level is the score's.
 */
export function parseSelfAssessmentForm(form: FormData, shape: SelfAssessmentShape, convention: NumberConvention) {
  const entries = new Map<number, SelfAssessmentEntry>();
  const errors: FieldErrors = {};
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  const levelPattern = new RegExp(`^[${shape.scale.min}-${shape.scale.max}]$`);
  for (const id of shape.indicatorIds) {
    const names = selfAssessmentFields(id);
    const note = text(names.note);
    const evidenceUrl = text(names.evidenceUrl);
    let level: number | null = null;
    let externalScore: number | null = null;
    if (shape.externallyScored.has(id)) {
      const rawScore = text(names.externalScore);
      if (rawScore !== "") {
        const score = parseExternalScore(rawScore, shape.scale, convention);
        if (score.ok) {
          externalScore = score.value;
          level = levelFromExternalScore(score.value, shape.scale);
        } else errors[names.externalScore] = score.error;
      }
    } else {
      const rawLevel = text(names.level);
      if (rawLevel !== "") {
        if (levelPattern.test(rawLevel)) level = Number(rawLevel);
        else errors[names.level] = { code: "levelInvalid" };
      }
    }
    if (note.length > MAX_NOTE_LENGTH) errors[names.note] = { code: "tooLong", max: MAX_NOTE_LENGTH };
    if (evidenceUrl !== "" && (evidenceUrl.length > 500 || !HTTPS_URL.test(evidenceUrl))) errors[names.evidenceUrl] = { code: "urlInvalid" };
    entries.set(id, { level, note: note.slice(0, MAX_NOTE_LENGTH), evidenceUrl: evidenceUrl.slice(0, 500), externalScore });
  }
  return { entries, errors };
}

/** Indicator ids a form posted fields for (level_12, note_12 …), whatever framework they belong to. */
export function postedIndicatorIds(form: FormData): number[] {
  const ids = new Set<number>();
  for (const name of form.keys()) {
    const match = INDICATOR_FIELD.exec(name);
    if (match) ids.add(Number(match[1]));
  }
  return [...ids];
}

/**
 * Why a self-assessment cannot be stored under this framework and year, or null:
 * - "year": the framework does not apply to the year (SPBE 2020 ends with 2025, Pemdi 2026 starts in 2026);
 * - "framework": the form was made for another framework or year than the page it was sent to;
 * - "indicators": it holds indicators that are not this framework's (another framework's node ids).
 * A mixed self-assessment would put one framework's levels into another's index.
 */
export type SelfAssessmentMismatch = "year" | "framework" | "indicators";

export function selfAssessmentMismatch(input: {
  framework: { slug: string; firstYear: number | null; lastYear: number | null };
  year: number;
  indicatorIds: readonly number[];
  postedIds: Iterable<number>;
  /** What the form itself says it was for (hidden fields); absent fields are not checked. */
  formFramework?: string | null;
  formYear?: string | null;
}): SelfAssessmentMismatch | null {
  const { framework, year } = input;
  if ((framework.firstYear !== null && year < framework.firstYear) || (framework.lastYear !== null && year > framework.lastYear)) return "year";
  if ((input.formFramework != null && input.formFramework !== framework.slug) || (input.formYear != null && input.formYear !== String(year))) return "framework";
  const own = new Set(input.indicatorIds);
  for (const id of input.postedIds) if (!own.has(id)) return "indicators";
  return null;
}

/**
 * The years a framework's self-assessment can be made for: the current evaluation year and the
 * two before it, as far as the framework applies to them; when it applies to none of them (a
 * framework not yet in force, or long replaced), the one year nearest to them it applies to.
 */
export function assessableYears(framework: { firstYear: number | null; lastYear: number | null }, now: number): number[] {
  const covered = (year: number) => (framework.firstYear === null || year >= framework.firstYear) && (framework.lastYear === null || year <= framework.lastYear);
  const recent = [now, now - 1, now - 2].filter(covered);
  if (recent.length > 0) return recent;
  return [framework.firstYear !== null && framework.firstYear > now ? framework.firstYear : (framework.lastYear ?? now)];
}

/** Levels only, for the index maths. */
export function levelsOf(entries: ReadonlyMap<number, SelfAssessmentEntry>): Map<number, number> {
  return new Map([...entries].flatMap(([id, entry]) => (entry.level === null ? [] : [[id, entry.level] as const])));
}
