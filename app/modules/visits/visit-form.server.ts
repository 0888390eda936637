import { z } from "zod";
import { echoValues, type FormResult } from "../forms/form-data";
import { fields, fieldErrorsFrom } from "../forms/form-schemas.server";
import type { NumberConvention } from "../numbers/locale-number";
import { REGION_CODE_PATTERN } from "../regions/index.server";

export const VISIT_LIMITS = { purpose: 2000, contact: 200, reason: 1000, lessons: 5000, participants: 500, practices: 20, daysAhead: 731 } as const;

/** Today in Jakarta as YYYY-MM-DD: what "in the past" means for a region's officials. */
export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A calendar date as a date input sends it (YYYY-MM-DD) that exists, or null. */
function calendarDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : null;
}

function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** Start and end of a visit: real dates, not before today, end not before start, within two years. */
function datesSchema(today: string) {
  const day = z.string().trim().transform((value, context) => {
    const date = calendarDate(value);
    if (date === null) context.addIssue({ code: "custom", message: value === "" ? "required" : "dateInvalid" });
    else if (date < today) context.addIssue({ code: "custom", message: "datePast" });
    else if (date > addDays(today, VISIT_LIMITS.daysAhead)) context.addIssue({ code: "custom", message: "dateTooFar" });
    return date ?? "";
  });
  return z.object({ startDate: day, endDate: day }).superRefine((dates, context) => {
    if (dates.endDate < dates.startDate) context.addIssue({ code: "custom", path: ["endDate"], message: "dateOrder" });
  });
}

const oneLine = (value: string) => !/[\r\n]/.test(value);

function requestSchema(today: string, convention: NumberConvention) {
  return z
    .object({
      hostRegionCode: z.string().regex(REGION_CODE_PATTERN, "regionUnknown"),
      purpose: fields.requiredText(VISIT_LIMITS.purpose),
      participants: fields
        .optionalNumber(convention, { integer: true, min: 1, max: VISIT_LIMITS.participants })
        .refine((value) => value !== null, "required")
        .transform((value) => value!),
      contact: z.string().refine(oneLine, "lineBreakNotAllowed").pipe(fields.requiredText(VISIT_LIMITS.contact)),
      // Same field and message as a practice's contact: the person agreed to the purpose note beside it.
      contactConsent: z.unknown().refine((value) => value === "on", "contactConsentRequired"),
    })
    .and(datesSchema(today));
}

export interface VisitRequestInput {
  hostRegionCode: string;
  practiceIds: number[];
  purpose: string;
  participants: number;
  startDate: string;
  endDate: string;
  contact: string;
}

/** The practices a request is about: the checked `praktik` boxes, each a record number. */
function practiceIdsOf(form: FormData): number[] | null {
  const values = form.getAll("praktik");
  if (values.length === 0 || values.length > VISIT_LIMITS.practices) return null;
  const ids = values.map((value) => (typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : null));
  return ids.every((id) => id !== null) ? [...new Set(ids as number[])] : null;
}

/** Echoed values keep every checked practice, so a failed submit re-checks them all. */
export function echoVisitRequest(form: FormData): Record<string, string> {
  return { ...echoValues(form), praktik: form.getAll("praktik").filter((value) => typeof value === "string").join(",") };
}

/**
 * A study visit request as the form sends it; participants are typed in the page's number
 * convention (Indonesian "1.200" is twelve hundred). Which practices and regions are allowed is
 * checked against the database by requestVisit.
 */
export function parseVisitRequest(form: FormData, options: { today: string; convention: NumberConvention }): FormResult<VisitRequestInput> {
  const parsed = requestSchema(options.today, options.convention).safeParse(Object.fromEntries([...form].filter(([, value]) => typeof value === "string")));
  const practiceIds = practiceIdsOf(form);
  if (!parsed.success || practiceIds === null) {
    const errors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
    if (practiceIds === null) errors.praktik = { code: form.getAll("praktik").length === 0 ? "visitPracticeRequired" : "practiceUnknown" };
    return { ok: false, errors, values: echoVisitRequest(form) };
  }
  const { contactConsent: _consent, ...data } = parsed.data;
  return { ok: true, data: { ...data, practiceIds } };
}

export type VisitDecision =
  | { step: "accept" | "proposeDates"; startDate: string; endDate: string }
  | { step: "decline" | "cancel"; reason: string }
  | { step: "acceptDates" | "withdraw" }
  | { step: "complete"; lessons: string; adopterPracticeId: number | null };

/** One of the decision forms on a visit's page, chosen by its `langkah` button. */
export function parseVisitDecision(form: FormData, today: string): FormResult<VisitDecision> {
  const step = form.get("langkah");
  const values = echoValues(form);
  const input = Object.fromEntries([...form].filter(([, value]) => typeof value === "string"));
  const fail = (error: z.ZodError) => ({ ok: false as const, errors: fieldErrorsFrom(error), values });
  switch (step) {
    case "accept":
    case "proposeDates": {
      const parsed = datesSchema(today).safeParse(input);
      return parsed.success ? { ok: true, data: { step, ...parsed.data } } : fail(parsed.error);
    }
    case "decline":
    case "cancel": {
      const parsed = z.object({ reason: fields.requiredText(VISIT_LIMITS.reason) }).safeParse(input);
      return parsed.success ? { ok: true, data: { step, reason: parsed.data.reason } } : fail(parsed.error);
    }
    case "acceptDates":
    case "withdraw":
      return { ok: true, data: { step } };
    case "complete": {
      const parsed = z
        .object({ lessons: fields.requiredText(VISIT_LIMITS.lessons), adopsi: z.string().regex(/^\d{0,9}$/, "practiceUnknown").optional() })
        .safeParse(input);
      if (!parsed.success) return fail(parsed.error);
      const adoption = parsed.data.adopsi ?? "";
      return { ok: true, data: { step, lessons: parsed.data.lessons, adopterPracticeId: adoption === "" ? null : Number(adoption) } };
    }
    default:
      return { ok: false, errors: { form: { code: "visitStepNotAllowed" } }, values };
  }
}
