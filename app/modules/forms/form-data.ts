// No zod here: this module reaches the browser (form-schemas.server.ts holds the schemas).
import type { messagesId } from "../i18n/messages.id";
import type { workspaceMessagesId } from "../i18n/messages.workspace.id";
import type { NumberProblem, NumberRules } from "../numbers/locale-number";

/**
 * A validation message key under "validation.*", optionally with the limits it refers to. Codes
 * only workspace forms return have their message in the workspace catalog (decision 0009).
 */
export type ValidationCode = keyof (typeof messagesId)["validation"] | keyof (typeof workspaceMessagesId)["validation"];
export interface FieldError {
  code: ValidationCode;
  max?: number;
  min?: number;
  /** The values an ambiguous number could mean, for "1.200 or 1,2?". */
  readings?: number[];
}
export type FieldErrors = Partial<Record<string, FieldError>>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text without control characters (NUL among them, which PostgreSQL text refuses); line breaks
 * and tabs are kept. Nobody types the others, so removing them loses nothing.
 */
export function withoutControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, "");
}

/** Free text as it may be stored: without control characters, surrounding space trimmed. */
export function plainText(value: string): string {
  return withoutControlCharacters(value).trim();
}

/** Fields never sent back to the browser after a failed submit. */
const SECRET_FIELD = /password/i;
/** Echoed input is capped: a 1 MB field gets an error, not a 1 MB page. */
const MAX_ECHO_LENGTH = 20_000;

/** The submitted text fields, for re-filling the form after an error (passwords left out). */
export function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value === "string" && !SECRET_FIELD.test(name)) values[name] = value.slice(0, MAX_ECHO_LENGTH);
  }
  return values;
}

const NUMBER_PROBLEM_CODES: Record<NumberProblem, ValidationCode> = {
  invalid: "numberInvalid",
  ambiguous: "numberAmbiguous",
  wrongMark: "numberWrongMark",
  outOfRange: "numberOutOfRange",
  notInteger: "numberNotInteger",
  tooPrecise: "numberTooPrecise",
};

/** The field error for a number that could not be read (see parseLocaleNumber). */
export function numberFieldError(problem: NumberProblem, rules: NumberRules, readings?: number[]): FieldError {
  const code = NUMBER_PROBLEM_CODES[problem];
  if (problem === "outOfRange") return { code, min: rules.min, max: rules.max };
  if (problem === "tooPrecise") return { code, max: rules.maxDecimals };
  return readings ? { code, readings } : { code };
}

/** The largest PostgreSQL `integer`: a larger id or version names no row, and would fail the query. */
export const MAX_RECORD_NUMBER = 2_147_483_647;

/** A posted id or version (a whole number 0 … MAX_RECORD_NUMBER), or null for anything else. */
export function parseRecordNumber(value: FormDataEntryValue | null): number | null {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return null;
  const number = Number(value);
  return number <= MAX_RECORD_NUMBER ? number : null;
}
