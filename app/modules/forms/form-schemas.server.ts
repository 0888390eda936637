import { z } from "zod";
import { messagesId } from "../i18n/messages.id";
import { workspaceMessagesId } from "../i18n/messages.workspace.id";
import { type NumberConvention, type NumberRules, parseLocaleNumber } from "../numbers/locale-number";
import { echoValues, type FieldError, type FieldErrors, type FormResult, numberFieldError, parseRecordNumber, type ValidationCode } from "./form-data";

// Server-only, so zod (about 90 KB gzipped) never reaches the browser.

// Codes live in the public catalog or, for workspace-only forms, in the workspace catalog.
const validationCodes = new Set<string>([...Object.keys(messagesId.validation), ...Object.keys(workspaceMessagesId.validation)]);

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
