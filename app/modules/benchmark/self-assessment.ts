import type { FieldErrors } from "../forms/form-data";

export interface SelfAssessmentEntry {
  level: number | null;
  note: string;
  evidenceUrl: string;
}

export const MAX_NOTE_LENGTH = 1000;
const HTTPS_URL = /^https:\/\/[^\s/$.?#][^\s]*$/i;

/** Form field names per indicator: one level, note and evidence link each. */
export const selfAssessmentFields = (indicatorId: number) => ({
  level: `level_${indicatorId}`,
  note: `note_${indicatorId}`,
  evidenceUrl: `evidence_${indicatorId}`,
});

/**
 * Reads the 47-row self-assessment form. Empty levels are allowed (a draft can be saved and
 * finished later); anything else must be a level 1–5, a short note, an https:// link.
 */
export function parseSelfAssessmentForm(form: FormData, indicatorIds: readonly number[]) {
  const entries = new Map<number, SelfAssessmentEntry>();
  const errors: FieldErrors = {};
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  for (const id of indicatorIds) {
    const names = selfAssessmentFields(id);
    const rawLevel = text(names.level);
    const note = text(names.note);
    const evidenceUrl = text(names.evidenceUrl);
    let level: number | null = null;
    if (rawLevel !== "") {
      if (/^[1-5]$/.test(rawLevel)) level = Number(rawLevel);
      else errors[names.level] = { code: "levelInvalid" };
    }
    if (note.length > MAX_NOTE_LENGTH) errors[names.note] = { code: "tooLong", max: MAX_NOTE_LENGTH };
    if (evidenceUrl !== "" && (evidenceUrl.length > 500 || !HTTPS_URL.test(evidenceUrl))) errors[names.evidenceUrl] = { code: "urlInvalid" };
    entries.set(id, { level, note: note.slice(0, MAX_NOTE_LENGTH), evidenceUrl: evidenceUrl.slice(0, 500) });
  }
  return { entries, errors };
}

/** Levels only, for the index maths. */
export function levelsOf(entries: ReadonlyMap<number, SelfAssessmentEntry>): Map<number, number> {
  return new Map([...entries].flatMap(([id, entry]) => (entry.level === null ? [] : [[id, entry.level] as const])));
}
