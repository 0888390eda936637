import { z } from "zod";
import { messagesId } from "../i18n/messages.id";
import { type NumberConvention, type NumberProblem, type NumberRules, parseLocaleNumber } from "../numbers/locale-number";

/** A validation message key under "validation.*", optionally with the limits it refers to. */
export type ValidationCode = keyof (typeof messagesId)["validation"];
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

const validationCodes = new Set<string>(Object.keys(messagesId.validation));

/**
 * Validates the form's text fields with a zod schema whose issue messages are ValidationCodes.
 * A missing field or one of the wrong kind (a file where text belongs) reads as "required".
 */
export function parseForm<T>(schema: z.ZodType<T>, form: FormData): FormResult<T> {
  const input: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value === "string" && !(name in input)) input[name] = value;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrorsFrom(parsed.error), values: echoValues(form) };
}

/**
 * One error per field (the first), keyed by the field's path: "title", or "metrics.1.result"
 * for a field inside a repeated row.
 */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    if (errors[field]) continue;
    const max = issue.code === "too_big" ? Number(issue.maximum) : undefined;
    const code = validationCodes.has(issue.message) ? (issue.message as ValidationCode) : "required";
    const params = issue.code === "custom" ? (issue.params as Omit<FieldError, "code"> | undefined) : undefined;
    errors[field] = { code, ...(max ? { max } : {}), ...params };
  }
  return errors;
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

/** Common field schemas; their messages are ValidationCodes. */
export const fields = {
  /** A row's id or version, as parseRecordNumber reads it. */
  recordNumber: (min = 1) =>
    z
      .string()
      .transform((value, context) => {
        const number = parseRecordNumber(value);
        if (number === null || number < min) {
          context.addIssue({ code: "custom", message: "required" });
          return z.NEVER;
        }
        return number;
      }),
  requiredText: (max: number) => z.string().trim().min(1, "required").max(max, "tooLong"),
  optionalText: (max: number) => z.string().trim().max(max, "tooLong"),
  email: () =>
    z
      .string()
      .trim()
      .min(1, "required")
      .max(254, "tooLong")
      .pipe(z.email("emailInvalid"))
      .transform((email) => email.toLowerCase()),
  optionalEmail: () =>
    z
      .string()
      .trim()
      .max(254, "tooLong")
      .refine((value) => value === "" || z.email().safeParse(value).success, "emailInvalid")
      .transform((value) => (value === "" ? null : value.toLowerCase())),
  optionalHttpsUrl: () =>
    z
      .string()
      .trim()
      .max(500, "tooLong")
      .refine((value) => value === "" || /^https:\/\/[^\s/$.?#][^\s]*$/i.test(value), "urlInvalid")
      .transform((value) => (value === "" ? null : value)),
  /** A number typed the way `convention` writes numbers (see parseLocaleNumber); "" is null. */
  optionalNumber: (convention: NumberConvention, rules: NumberRules = {}) =>
    z
      .string()
      .max(40, "numberInvalid")
      // A refinement, not a failing transform, so checks across fields (a row's other cells) still run.
      .superRefine((value, context) => {
        const parsed = value.trim() === "" ? null : parseLocaleNumber(value, convention, rules);
        if (parsed && !parsed.ok) {
          const { code, ...params } = numberFieldError(parsed.problem, rules, parsed.readings);
          context.addIssue({ code: "custom", message: code, params });
        }
      })
      .transform((value) => {
        const parsed = value.trim() === "" ? null : parseLocaleNumber(value, convention, rules);
        return parsed?.ok ? parsed.value : null;
      }),
};
