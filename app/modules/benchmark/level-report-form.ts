import { type FieldErrors, numberFieldError, plainText } from "../forms/form-data";
import { type NumberConvention, parseLocaleNumber } from "../numbers/locale-number";
import { selfAssessmentFields } from "./self-assessment";

/** The first evaluation year levels can be reported for: SPBE evaluations began in 2018. */
export const FIRST_EVALUATION_YEAR = 2018;
export const MAX_LEVEL_NOTE_LENGTH = 1000;
const INDEX_RULES = { min: 0, max: 5, maxDecimals: 2 };

/** Evaluation years an editor may report, newest first: results come out the year after. */
export function reportableYears(now = new Date()): number[] {
  const latest = now.getFullYear();
  return Array.from({ length: latest - FIRST_EVALUATION_YEAR + 1 }, (_, index) => latest - index);
}

export interface LevelReportValues {
  year: string;
  /** Form field name (level_<node id>) → chosen level. */
  levels: Record<string, string>;
  reportedIndex: string;
  note: string;
}

/**
 * Reads the levels-from-the-report form: a year, one level 1–5 per indicator (empty ones are
 * reported when the form is submitted), the index the report states written the reader's way,
 * and a note. Everything typed comes back as `values` to refill the form.
 */
export function parseLevelReportForm(form: FormData, indicatorIds: readonly number[], convention: NumberConvention, years: readonly number[]) {
  const text = (name: string, max: number) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, max) : "";
  };
  const errors: FieldErrors = {};
  const values: LevelReportValues = { year: text("tahun", 4), levels: {}, reportedIndex: text("indeks_laporan", 40).trim(), note: plainText(text("catatan", MAX_LEVEL_NOTE_LENGTH + 1)) };
  const year = Number(values.year);
  if (!years.includes(year)) errors.tahun = { code: "yearInvalid" };
  const levels = new Map<number, number>();
  for (const id of indicatorIds) {
    const name = selfAssessmentFields(id).level;
    const raw = text(name, 5).trim();
    values.levels[name] = raw;
    if (raw === "") continue;
    if (/^[1-5]$/.test(raw)) levels.set(id, Number(raw));
    else errors[name] = { code: "levelInvalid" };
  }
  let reportedIndex: number | null = null;
  if (values.reportedIndex !== "") {
    const parsed = parseLocaleNumber(values.reportedIndex, convention, INDEX_RULES);
    if (parsed.ok) reportedIndex = parsed.value;
    else errors.indeks_laporan = numberFieldError(parsed.problem, INDEX_RULES, parsed.readings);
  }
  if (values.note.length > MAX_LEVEL_NOTE_LENGTH) errors.catatan = { code: "tooLong", max: MAX_LEVEL_NOTE_LENGTH };
  return { year, levels, reportedIndex, note: values.note.slice(0, MAX_LEVEL_NOTE_LENGTH), values, errors };
}
