import { parseRecordNumber } from "../forms/form-data";
import type { NumberConvention } from "../numbers/locale-number";
import type { PracticeContent } from "./practice-content-schema.server";

// The zod schemas live in practice-content-schema.server.ts: this module reaches the browser.
export type { OutcomeMetricContent, PracticeContent } from "./practice-content-schema.server";

/** What a practice says, as one revision stores it. Shared by the form, the seed and diffs. */
export const PRACTICE_STAGES = ["inisiatif", "uji_coba", "penerapan", "direplikasi"] as const;
export type PracticeStage = (typeof PRACTICE_STAGES)[number];
export const RUNNING_STATUSES = ["active", "stopped"] as const;

export const MAX_BODY_LENGTH = 200_000;
export const MAX_SUMMARY_WORDS = 100;
export const MAX_METRICS = 20;
export const MAX_TAGS = 12;
export const MAX_LIST_ITEMS = 30;

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

/** Items one per line (and, for tags, also separated by commas), trimmed, blank and repeated ones dropped. */
export function splitList(value: string, separators: RegExp): string[] {
  const items = value
    .split(separators)
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return [...new Set(items)];
}

/** Outcome figures: anything a table in a report may hold, at a sane precision. */
export const METRIC_RULES = { min: -1e12, max: 1e12, maxDecimals: 6 };

export interface SourceLine {
  label: string;
  url: string | null;
}

/**
 * One source per line: "Label | https://…", a bare URL, or a citation without a URL
 * (e.g. a radio broadcast).
 */
export function parseSourceLine(line: string): SourceLine | null {
  const [first, ...rest] = line.split("|").map((part) => part.trim());
  const candidate = rest.length > 0 ? rest.join("|") : first;
  const isUrl = /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(candidate ?? "");
  if (rest.length > 0 && !isUrl) return null;
  if (isUrl) return { label: rest.length > 0 ? (first ?? "") : "", url: candidate ?? null };
  return { label: first ?? "", url: null };
}

export function formatSourceLine(source: SourceLine): string {
  if (!source.url) return source.label;
  return source.label ? `${source.label} | ${source.url}` : source.url;
}

/** The raw form as the browser sent it, kept to re-fill the form after an error or a conflict. */
export interface PracticeFormValues {
  text: Record<string, string>;
  indicatorIds: string[];
  metrics: Record<(typeof METRIC_FIELDS)[number], string>[];
}

export const METRIC_FIELDS = ["name", "baseline", "result", "unit", "baselineYear", "resultYear"] as const;
const TEXT_FIELDS = [
  // Chosen by curators when they create a practice for a region; not part of the content.
  "regionCode",
  "title",
  "titleEn",
  "summary",
  "summaryEn",
  "body",
  "leadOpd",
  "partners",
  "contact",
  // The consent checkbox beside the contact ("on" when ticked), kept with the rest after an error.
  "contactConsent",
  "stage",
  "runningStatus",
  "stoppedReason",
  "stoppedOn",
  "startedOn",
  "implementedOn",
  "tags",
  "legalBasis",
  "budgetSource",
  "lessonsLearned",
  "replicationNeeds",
  "sources",
] as const;

/** Metric rows arrive as repeated fields (metricName, metricResult…), one of each per row. */
export const metricInputName = (field: (typeof METRIC_FIELDS)[number]) =>
  `metric${field[0]!.toUpperCase()}${field.slice(1)}`;

export function practiceFormValues(form: FormData): PracticeFormValues {
  const text: Record<string, string> = {};
  for (const name of TEXT_FIELDS) {
    const value = form.get(name);
    text[name] = typeof value === "string" ? value : "";
  }
  const strings = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
  const columns = METRIC_FIELDS.map((field) => strings(metricInputName(field)));
  const rowCount = Math.min(Math.max(0, ...columns.map((column) => column.length)), MAX_METRICS + 5);
  const metrics = Array.from({ length: rowCount }, (_, row) =>
    Object.fromEntries(METRIC_FIELDS.map((field, column) => [field, columns[column]![row] ?? ""])),
  ) as PracticeFormValues["metrics"];
  return { text, indicatorIds: strings("indicatorIds").slice(0, 100), metrics };
}

/** Form values for editing an existing revision, numbers written as the editor's language writes them. */
export function formValuesFromContent(content: PracticeContent, convention: NumberConvention): PracticeFormValues {
  const figure = new Intl.NumberFormat(convention === "id" ? "id-ID" : "en-US", { maximumFractionDigits: METRIC_RULES.maxDecimals });
  const number = (value: number | null) => (value === null ? "" : figure.format(value));
  const year = (value: number | null) => (value === null ? "" : String(value));
  return {
    text: {
      title: content.title,
      titleEn: content.titleEn,
      summary: content.summary,
      summaryEn: content.summaryEn,
      body: content.body,
      leadOpd: content.leadOpd,
      partners: content.partners.join("\n"),
      contact: content.contact,
      stage: content.stage,
      runningStatus: content.runningStatus,
      stoppedReason: content.stoppedReason,
      stoppedOn: content.stoppedOn ?? "",
      startedOn: content.startedOn ?? "",
      implementedOn: content.implementedOn ?? "",
      tags: content.tags.join(", "),
      legalBasis: content.legalBasis,
      budgetSource: content.budgetSource,
      lessonsLearned: content.lessonsLearned,
      replicationNeeds: content.replicationNeeds,
      sources: content.sources.map(formatSourceLine).join("\n"),
    },
    indicatorIds: content.indicatorIds.map(String),
    metrics: content.metrics.map((metric) => ({
      name: metric.name,
      baseline: number(metric.baseline),
      result: number(metric.result),
      unit: metric.unit,
      baselineYear: year(metric.baselineYear),
      resultYear: year(metric.resultYear),
    })),
  };
}

/**
 * A contact person may be saved only with their consent (UU 27/2022): the editor ticks that the
 * person agreed to be contacted through IDSL for the purpose the form states.
 */
export function contactConsentMissing(values: PracticeFormValues): boolean {
  return (values.text.contact ?? "").trim() !== "" && values.text.contactConsent !== "on";
}

export const EDITOR_INTENTS = ["save", "submit", "preview"] as const;

/** What the practice editor posted: the button pressed, the base revision and the fields. */
export function readPracticeSubmission(form: FormData) {
  const intent = form.get("intent");
  return {
    intent: (EDITOR_INTENTS as readonly unknown[]).includes(intent) ? (intent as (typeof EDITOR_INTENTS)[number]) : "save",
    version: parseRecordNumber(form.get("version")) ?? -1,
    values: practiceFormValues(form),
  };
}
