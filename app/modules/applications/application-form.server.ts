import { z } from "zod";
import { type FormResult, echoValues } from "../forms/form-data";
import { fieldErrorsFrom, fields } from "../forms/form-schemas.server";
import { APPLICATION_FUNCTIONS, APPLICATION_LIMITS as LIMITS, APPLICATION_TERMS, type ApplicationContent, splitTechnologies } from "./application-content";

/**
 * A documentation or source link: http or https only, so a `javascript:` or `data:` address
 * can never become a link on the page. "" is no link.
 */
const optionalWebUrl = () =>
  z
    .string()
    .trim()
    .max(LIMITS.url, "tooLong")
    .refine((value) => value === "" || isWebUrl(value), "applicationUrlInvalid")
    .transform((value) => (value === "" ? null : value));

export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const idList = (code: "indicatorUnknown" | "practiceUnknown") => z.array(z.string().regex(/^\d{1,9}$/, code).transform(Number)).max(60, "tooManyItems");

const applicationSchema = z
  .object({
    name: fields.requiredText(LIMITS.name),
    function: z.enum(APPLICATION_FUNCTIONS, "applicationFunctionInvalid"),
    description: fields.requiredText(LIMITS.description),
    stack: z
      .string()
      .max(LIMITS.technologies * (LIMITS.technology + 2), "tooLong")
      .transform(splitTechnologies)
      .pipe(z.array(z.string().max(LIMITS.technology, "applicationTechnologyTooLong")).max(LIMITS.technologies, "tooManyItems")),
    hosting: fields.optionalText(LIMITS.hosting),
    terms: z.enum(APPLICATION_TERMS, "applicationTermsInvalid"),
    licence: fields.optionalText(LIMITS.licence),
    termsNote: fields.optionalText(LIMITS.termsNote),
    documentationUrl: optionalWebUrl(),
    sourceUrl: optionalWebUrl(),
    indicatorIds: idList("indicatorUnknown"),
    practiceIds: idList("practiceUnknown"),
  })
  .superRefine((value, context) => {
    // Open source means a named licence: without it the terms say nothing a region can rely on.
    if (value.terms === "sumber_terbuka" && value.licence === "") context.addIssue({ code: "custom", path: ["licence"], message: "applicationLicenceRequired" });
  });

/** The editor form's content, every problem keyed by its field; repeated checkboxes are lists. */
export function parseApplicationForm(form: FormData): FormResult<ApplicationContent> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const list = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
  const parsed = applicationSchema.safeParse({
    name: text("name"),
    function: text("function"),
    description: text("description"),
    stack: text("stack"),
    hosting: text("hosting"),
    terms: text("terms"),
    licence: text("licence"),
    termsNote: text("termsNote"),
    documentationUrl: text("documentationUrl"),
    sourceUrl: text("sourceUrl"),
    indicatorIds: list("indicatorIds"),
    practiceIds: list("practiceIds"),
  });
  if (parsed.success) return { ok: true, data: { ...parsed.data, indicatorIds: [...new Set(parsed.data.indicatorIds)], practiceIds: [...new Set(parsed.data.practiceIds)] } };
  return { ok: false, errors: fieldErrorsFrom(parsed.error), values: echoValues(form) };
}

export interface RequestInput {
  purpose: string;
  contact: string;
  sourcePracticeId: number;
  adopterPracticeId: number;
}

const requestSchema = z.object({
  purpose: fields.requiredText(LIMITS.purpose),
  // One line: the contact is shown in lists and must not smuggle in line breaks.
  contact: fields.requiredText(LIMITS.contact).refine((value) => !/[\r\n]/.test(value), "lineBreakNotAllowed"),
  contactConsent: z.literal("ya", "applicationConsentRequired"),
  sourcePracticeId: fields.recordNumber(),
  adopterPracticeId: fields.recordNumber(),
});

/** A request's fields; the consent checkbox must be ticked (UU 27/2022). */
export function parseRequestForm(form: FormData): FormResult<RequestInput> {
  const input: Record<string, string> = {};
  for (const name of ["purpose", "contact", "contactConsent", "sourcePracticeId", "adopterPracticeId"]) {
    const value = form.get(name);
    if (typeof value === "string") input[name] = value;
  }
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error), values: echoValues(form) };
  const { contactConsent: _consent, ...data } = parsed.data;
  return { ok: true, data };
}

export type Decision = { decision: "approve" | "decline"; note: string; requestId: number };

const decisionSchema = z
  .object({
    decision: z.enum(["approve", "decline"], "required"),
    note: fields.optionalText(LIMITS.decisionNote),
    requestId: fields.recordNumber(),
  })
  .superRefine((value, context) => {
    if (value.decision === "decline" && value.note === "") context.addIssue({ code: "custom", path: ["note"], message: "applicationReasonRequired" });
  });

/** The owner's decision on a request: a reason is required to decline. */
export function parseDecisionForm(form: FormData): FormResult<Decision> {
  const input: Record<string, string> = {};
  for (const name of ["decision", "note", "requestId"]) {
    const value = form.get(name);
    if (typeof value === "string") input[name] = value;
  }
  const parsed = decisionSchema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrorsFrom(parsed.error), values: echoValues(form) };
}
