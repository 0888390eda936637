import { z } from "zod";
import { fields } from "../forms/form-schemas.server";
import type { NumberConvention } from "../numbers/locale-number";
import {
  countWords,
  MAX_BODY_LENGTH,
  MAX_LIST_ITEMS,
  MAX_METRICS,
  MAX_SUMMARY_WORDS,
  MAX_TAGS,
  METRIC_RULES,
  parseSourceLine,
  PRACTICE_STAGES,
  type PracticeFormValues,
  RUNNING_STATUSES,
  splitList,
} from "./practice-content";

/** The validation of a practice's content (server-only, so zod never reaches the browser). */

const list = (itemMax: number, separators = /\r?\n/) =>
  z
    .string()
    .max(itemMax * MAX_LIST_ITEMS, "tooLong")
    .transform((value) => splitList(value, separators))
    .pipe(z.array(z.string().max(itemMax, "tooLong")).max(MAX_LIST_ITEMS, "tooManyItems"));

/** "2021" or "2021-02": public sources rarely give the day. */
const partialDate = z
  .string()
  .trim()
  .refine((value) => value === "" || /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/.test(value), "partialDateInvalid")
  .transform((value) => (value === "" ? null : value));

const year = z
  .string()
  .trim()
  .refine((value) => value === "" || /^(19|20)\d{2}$/.test(value), "yearInvalid")
  .transform((value) => (value === "" ? null : Number(value)));

/** One outcome row; its figures are written the way the editor's language writes numbers. */
const metricRow = (convention: NumberConvention) =>
  z
    .object({
      name: fields.optionalText(200),
      baseline: fields.optionalNumber(convention, METRIC_RULES),
      result: fields.optionalNumber(convention, METRIC_RULES),
      unit: fields.optionalText(40),
      baselineYear: year,
      resultYear: year,
    })
    .superRefine((row, context) => {
      if (row.name !== "" && row.result === null) context.addIssue({ code: "custom", path: ["result"], message: "required" });
      if (row.name === "" && (row.result !== null || row.baseline !== null)) {
        context.addIssue({ code: "custom", path: ["name"], message: "required" });
      }
    });

const sourceLines = z
  .string()
  .max(500 * MAX_LIST_ITEMS, "tooLong")
  .transform((value) => splitList(value, /\r?\n/))
  .pipe(z.array(z.string().max(500, "tooLong")).max(MAX_LIST_ITEMS, "tooManyItems"))
  .transform((lines, context) =>
    lines.map((line) => {
      const source = parseSourceLine(line);
      if (!source) context.addIssue({ code: "custom", message: "sourceLineInvalid" });
      return source ?? { label: line, url: null };
    }),
  );

function buildPracticeContentSchema(convention: NumberConvention) {
  return z
    .object({
      title: fields.requiredText(160),
      titleEn: fields.optionalText(160),
      summary: fields
        .requiredText(1500)
        .refine((value) => countWords(value) <= MAX_SUMMARY_WORDS, "tooManyWords"),
      summaryEn: fields
        .optionalText(1500)
        .refine((value) => countWords(value) <= MAX_SUMMARY_WORDS, "tooManyWords"),
      body: fields.requiredText(MAX_BODY_LENGTH),
      leadOpd: fields.optionalText(200),
      partners: list(200),
      contact: fields.optionalText(300),
      indicatorIds: z
        .array(z.string().regex(/^\d{1,9}$/, "indicatorUnknown").transform(Number))
        .max(47, "tooManyItems")
        .transform((ids) => [...new Set(ids)]),
      stage: z.enum(PRACTICE_STAGES, "stageInvalid"),
      runningStatus: z.enum(RUNNING_STATUSES, "required"),
      stoppedReason: fields.optionalText(1000),
      stoppedOn: partialDate,
      startedOn: partialDate,
      implementedOn: partialDate,
      metrics: z
        .array(metricRow(convention))
        .transform((rows) =>
          // Blank rows are the form's spare rows; a named row always has a result (refined above).
          rows.filter((row) => row.name !== "").map((row) => ({ ...row, result: row.result ?? 0 })),
        )
        .refine((rows) => rows.length <= MAX_METRICS, "tooManyItems"),
      tags: list(40, /[\r\n,]+/).transform((tags) => [...new Set(tags.map((tag) => tag.toLocaleLowerCase("id")))]).pipe(
        z.array(z.string()).max(MAX_TAGS, "tooManyItems"),
      ),
      legalBasis: fields.optionalText(500),
      budgetSource: fields.optionalText(300),
      lessonsLearned: fields.optionalText(5000),
      replicationNeeds: fields.optionalText(5000),
      sources: sourceLines,
    })
    .superRefine((content, context) => {
      if (content.runningStatus === "stopped" && content.stoppedReason === "") {
        context.addIssue({ code: "custom", path: ["stoppedReason"], message: "stoppedNeedsReason" });
      }
    });
}

const practiceContentSchemas = { id: buildPracticeContentSchema("id"), en: buildPracticeContentSchema("en") };

export type PracticeContent = z.output<(typeof practiceContentSchemas)["id"]>;
export type OutcomeMetricContent = PracticeContent["metrics"][number];

export function parsePracticeContent(values: PracticeFormValues, convention: NumberConvention) {
  return practiceContentSchemas[convention].safeParse({ ...values.text, indicatorIds: values.indicatorIds, metrics: values.metrics });
}

