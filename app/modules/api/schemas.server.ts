/**
 * The zod schemas the API's handlers parse their parameters with and shape their answers with;
 * the OpenAPI document (openapi.server.ts) is generated from these same objects, never written
 * beside them. Server-only: zod-to-openapi must not reach a browser bundle.
 */
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { digitsOnlyNumber } from "../http/url-query";
import { APPLICATION_FUNCTIONS, APPLICATION_TERMS } from "../applications";
import { FIGURE_KINDS } from "../benchmark/index.server";
import { PRACTICE_STAGES } from "../practices";

extendZodWithOpenApi(z);

export { z };

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 25;
export const MAX_PAGE = 10_000;

const REGION_CODE = /^\d{2}\.\d{2}$/;
const PROVINCE_CODE = /^\d{2}$/;

/**
 * A whole number in a query parameter, written with digits only as the pages read them
 * (digitsOnlyNumber); any other text is a 400 naming the parameter rather than an answer to a
 * question not asked.
 */
function wholeNumber(min: number, max: number) {
  return z.preprocess(
    (raw) => (typeof raw === "string" ? (digitsOnlyNumber(raw) ?? raw) : raw),
    z.number({ error: "a whole number written with digits only (no dots, commas, spaces or words)" }).int().min(min).max(max),
  );
}

/** Query parameters are Indonesian and mean what they mean on the pages (decision 0028). */
export const params = {
  hal: wholeNumber(1, MAX_PAGE).optional().openapi({ description: "Page, from 1.", example: 1 }),
  batas: wholeNumber(1, MAX_LIMIT).optional().openapi({ description: `Items per page, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`, example: DEFAULT_LIMIT }),
  kerangka: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional()
    .openapi({ description: "Framework slug (as on the pages' framework switch); default: the current framework.", example: "spbe-2020" }),
  tahun: wholeNumber(1900, 2100).optional().openapi({ description: "Evaluation year.", example: 2023 }),
  provinsi: z.string().regex(PROVINCE_CODE).optional().openapi({ description: "Kemendagri province code.", example: "32" }),
  daerah: z.string().regex(REGION_CODE).optional().openapi({ description: "Kemendagri code of a kabupaten/kota.", example: "32.11" }),
  kohort: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional()
    .openapi({ description: "Cohort slug.", example: "idsl-2022" }),
  indikator: wholeNumber(1, 999).optional().openapi({ description: "SPBE 2020 indicator number.", example: 37 }),
  q: z.string().max(200).optional().openapi({ description: "Text to look for." }),
};

/** Kinds as the pages' `data=` values; several may be asked for, separated by commas. */
export const KIND_VALUES = { official: "resmi", verified: "terverifikasi", self: "mandiri", sample: "contoh" } as const;
const kindList = `(${Object.values(KIND_VALUES).join("|")})`;
export const kindsParam = z
  .string()
  .regex(new RegExp(`^${kindList}(,${kindList})*$`))
  .optional()
  .openapi({
    description: "Kinds of figures, comma-separated: resmi (official), terverifikasi (verified), mandiri (a published self-assessment), contoh (synthetic sample data). Default: resmi,terverifikasi.",
    example: "resmi,terverifikasi",
  });

export const regionCodePath = z.object({ code: z.string().regex(REGION_CODE).openapi({ param: { name: "code", in: "path" }, description: "Kemendagri code (kabupaten/kota: 32.11).", example: "32.11" }) });
export const slugPath = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/).openapi({ param: { name: "slug", in: "path" }, description: "Framework slug.", example: "spbe-2020" }) });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    errors: z.array(z.object({ parameter: z.string(), detail: z.string() })).optional(),
  })
  .openapi("Problem", { description: "RFC 9457 problem details (application/problem+json)." });

export const Pagination = z
  .object({
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    limit: z.number().int().min(1),
    pageCount: z.number().int().min(1),
  })
  .openapi("Pagination");

export const Links = z
  .object({ self: z.string(), first: z.string(), last: z.string(), prev: z.string().nullable(), next: z.string().nullable() })
  .openapi("Links", { description: "Paths of this page and its neighbours, with the same parameters." });

export function paged<Item extends z.ZodType>(name: string, item: Item) {
  return z.object({ data: z.array(item), pagination: Pagination, links: Links }).openapi(name);
}

export const FigureKind = z.enum(FIGURE_KINDS).openapi("FigureKind", {
  description: "official: a published result; verified: computed from a region's levels read from its evaluation report and checked; self: a published self-assessment; sample: synthetic demo data.",
});

export const Source = z.object({ citation: z.string(), url: z.string().nullable(), decree: z.string().nullable() }).openapi("Source");

export const FrameworkRef = z.object({ slug: z.string(), shortName: z.string(), version: z.number().int() }).openapi("FrameworkRef");

export const Figure = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    year: z.number().int(),
    kind: FigureKind,
    framework: FrameworkRef,
    /** Null for a disputed official figure: its sources disagree, each value is in publishedValues. */
    value: z.number().nullable(),
    decimals: z.number().int(),
    predikat: z.string().nullable(),
    disputed: z.boolean(),
    sources: z.array(Source),
    publishedValues: z.array(z.object({ value: z.number(), decimals: z.number().int(), source: Source })),
  })
  .openapi("Figure", { description: "One government's figure of one kind for one year, always with its kind, framework and sources." });

export const RegionSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    type: z.enum(["kabupaten", "kota"]),
    provinceName: z.string(),
    population: z.number().int().nullable(),
    cohorts: z.array(z.string()),
  })
  .openapi("RegionSummary");

export const Region = z
  .object({
    code: z.string(),
    name: z.string(),
    type: z.enum(["kabupaten", "kota"]),
    province: z.object({ code: z.string(), name: z.string() }),
    population: z.number().int().nullable(),
    areaKm2: z.number().nullable(),
    source: z.object({ citation: z.string(), url: z.string().nullable() }).nullable(),
    cohorts: z.array(z.object({ slug: z.string(), name: z.string() })),
    description: z.object({ id: z.string(), en: z.string() }),
    websiteUrl: z.string().nullable(),
    figures: z.array(Figure),
  })
  .openapi("Region", { description: "A kabupaten/kota with its profile and its figures (official and verified unless `data=` asks for others)." });

export const FrameworkSummary = z
  .object({
    slug: z.string(),
    name: z.string(),
    shortName: z.string(),
    version: z.number().int(),
    sourceStatus: z.enum(["official_text", "secondary_sources"]),
    statusNote: z.string().nullable(),
    firstYear: z.number().int().nullable(),
    lastYear: z.number().int().nullable(),
    decimals: z.number().int(),
    bands: z.array(z.object({ name: z.string(), minValue: z.number() })),
  })
  .openapi("FrameworkSummary");

export const Framework = FrameworkSummary.extend({
  nodes: z.array(
    z.object({
      id: z.number().int(),
      parentId: z.number().int().nullable(),
      kind: z.enum(["domain", "aspect", "indicator"]),
      number: z.number().int(),
      name: z.string(),
      weight: z.number(),
      levels: z.array(z.object({ level: z.number().int(), name: z.string(), criteria: z.string().nullable(), uncertain: z.boolean() })),
    }),
  ),
}).openapi("Framework", { description: "A framework's structure (groups and indicators in official order, each with its weight), predikat bands and each indicator's level criteria." });

export const RankingRow = z
  .object({
    rank: z.number().int().nullable(),
    percentile: z.number().int().nullable(),
    change: z.number().nullable(),
    code: z.string(),
    name: z.string(),
    provinceName: z.string(),
    figure: Figure,
  })
  .openapi("RankingRow", { description: "A ranked government, or (rank null) one whose figure is disputed, listed after the ranked ones." });

export const Rankings = paged("Rankings", RankingRow).extend({
  framework: FrameworkRef,
  kind: FigureKind,
  year: z.number().int(),
  years: z.array(z.number().int()),
  kinds: z.array(FigureKind),
  governments: z.number().int().openapi({ description: "Governments the filters select, with or without a figure." }),
});

export const Practice = z
  .object({
    id: z.number().int(),
    url: z.string(),
    title: z.string(),
    titleEn: z.string(),
    summary: z.string(),
    summaryEn: z.string(),
    stage: z.enum(PRACTICE_STAGES),
    tags: z.array(z.string()),
    region: z.object({ code: z.string(), name: z.string(), provinceName: z.string() }),
    publishedAt: z.string().nullable(),
    compiledFromPublicSources: z.boolean(),
    adoptionCount: z.number().int(),
  })
  .openapi("Practice", { description: "A published practice (drafts and contact persons are never part of the API)." });

export const Adoption = z
  .object({
    adopter: z.object({ practiceId: z.number().int(), title: z.string(), regionCode: z.string(), regionName: z.string() }),
    source: z.object({ practiceId: z.number().int().nullable(), title: z.string().nullable(), regionCode: z.string(), regionName: z.string() }),
    note: z.string(),
    recordedAt: z.string(),
  })
  .openapi("Adoption", { description: "A published practice adopted from another region (the source practice's title only while it is public)." });

export const Visit = z
  .object({
    id: z.number().int(),
    status: z.enum(["accepted", "completed", "cancelled"]),
    startDate: z.string(),
    endDate: z.string(),
    participants: z.number().int(),
    host: z.object({ code: z.string(), name: z.string() }),
    visitor: z.object({ code: z.string(), name: z.string() }),
  })
  .openapi("Visit", { description: "A study visit that is public (accepted, completed or cancelled); no contact persons and no notes." });

export const Application = z
  .object({
    id: z.number().int(),
    url: z.string(),
    name: z.string(),
    function: z.enum(APPLICATION_FUNCTIONS),
    description: z.string(),
    terms: z.enum(APPLICATION_TERMS),
    stack: z.array(z.string()),
    region: z.object({ code: z.string(), name: z.string(), provinceName: z.string() }),
  })
  .openapi("Application", { description: "An application a region shares with others." });
