/**
 * Search documents built from PostgreSQL, the source of truth: Meilisearch only ever holds
 * copies made here. One set-based query per kind, so a full rebuild stays a few queries.
 */
import { eq, inArray } from "drizzle-orm";
import { practiceRevisions, practices, provinces, regions } from "../../../db/schema";
import { type DatabaseOrTransaction, db } from "../db.server";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { adoptionCount, selectPublicPractices } from "../practices/index.server";
import { stemText } from "./search-stemming.server";

export interface PracticeSearchDocument {
  id: number;
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  /** Plain text of the Markdown body, capped (see BODY_MAX_CHARS). */
  body: string;
  leadOpd: string;
  tags: string[];
  stage: string;
  status: "active" | "stopped";
  regionCode: string;
  regionName: string;
  provinceCode: string;
  provinceName: string;
  regionType: "kabupaten" | "kota";
  indicatorNumbers: number[];
  indicatorNames: string[];
  aspectNames: string[];
  domainNames: string[];
  /** Year the practice started, as its case study says (null when it does not say), for the year facet. */
  year: number | null;
  /** Unix seconds of the current publication, for sorting by date. */
  publishedAt: number | null;
  /** Public practices recorded as adopting this one. */
  adoptionCount: number;
  /** Languages the practice can be read in: always "id", plus "en" when translated. */
  language: ("id" | "en")[];
  /** Stems of the Indonesian title, summary and tags, and indicators and body (decision 0035). */
  titleStems: string;
  summaryStems: string;
  bodyStems: string;
}

export interface RegionSearchDocument {
  /** The Kemendagri code with "_" for ".", which Meilisearch ids do not allow. */
  id: string;
  code: string;
  name: string;
  shortName: string;
  type: "kabupaten" | "kota";
  provinceCode: string;
  provinceName: string;
}

export interface IndicatorSearchDocument {
  /** framework_nodes id. */
  id: number;
  framework: string;
  number: number;
  name: string;
  aspectName: string;
  domainName: string;
}

/** Long enough for every real case study; bounds what one huge body costs the index. */
export const BODY_MAX_CHARS = 20_000;

/**
 * Markdown → plain text, simply: search needs the words, not the structure, and markup
 * characters would otherwise become noise tokens (or match "#" queries).
 */
export function markdownToPlainText(markdown: string, maxChars = BODY_MAX_CHARS): string {
  const text = markdown
    .replace(/```[^\n]*\n?/g, "") // code fence markers, keeping the code
    .replace(/<[^>]+>/g, " ") // inline HTML tags
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images → alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // links → their text
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, "") // headings
    .replace(/^[ \t]{0,3}>[ \t]?/gm, "") // block quotes
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, "") // list markers
    .replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm, "") // table separator rows
    .replace(/\|/g, " ") // table cells
    .replace(/(\*{1,3}|_{2,3}|~~|`)/g, "") // emphasis and inline code markers
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (text.length <= maxChars) return text;
  // Cut at a word boundary so the last token is not a fragment.
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(" ");
  return lastSpace > maxChars * 0.9 ? cut.slice(0, lastSpace) : cut;
}

interface IndicatorPath {
  id: number;
  number: number;
  name: string;
  aspectName: string;
  domainName: string;
}

/** Every SPBE 2020 indicator (the framework the pages show) with its aspect and domain, by node id. */
async function indicatorPaths(): Promise<Map<number, IndicatorPath>> {
  const tree = await getFrameworkTree(SPBE_2020);
  return new Map(
    [...tree.indicatorsById.values()].map((indicator): [number, IndicatorPath] => {
      const ancestors = tree.ancestors.get(indicator.id) ?? [];
      const nameOf = (kind: "domain" | "aspect") => ancestors.find((group) => group.kind === kind)?.name ?? "";
      return [indicator.id, { ...indicator, aspectName: nameOf("aspect"), domainName: nameOf("domain") }];
    }),
  );
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Public practices (all, or those of the given ids that are public) as search documents.
 * `executor` lets a reindex read everything in one snapshot.
 */
export async function practiceDocuments(ids?: number[], executor: DatabaseOrTransaction = db()): Promise<PracticeSearchDocument[]> {
  if (ids && ids.length === 0) return [];
  const paths = await indicatorPaths();
  const rows = await selectPublicPractices(
    {
      id: practices.id,
      regionCode: practices.regionCode,
      publishedAt: practices.publishedAt,
      title: practiceRevisions.title,
      titleEn: practiceRevisions.titleEn,
      summary: practiceRevisions.summary,
      summaryEn: practiceRevisions.summaryEn,
      body: practiceRevisions.body,
      leadOpd: practiceRevisions.leadOpd,
      tags: practiceRevisions.tags,
      stage: practiceRevisions.stage,
      runningStatus: practiceRevisions.runningStatus,
      startedOn: practiceRevisions.startedOn,
      indicatorIds: practiceRevisions.indicatorIds,
      regionName: regions.name,
      regionType: regions.type,
      provinceCode: regions.provinceCode,
      provinceName: provinces.name,
      adoptionCount,
    },
    { where: ids ? inArray(practices.id, ids) : undefined, executor },
  ).orderBy(practices.id);

  return rows.map((row) => {
    const indicators = row.indicatorIds.flatMap((id) => paths.get(id) ?? []);
    const body = markdownToPlainText(row.body);
    return {
      id: row.id,
      title: row.title,
      titleEn: row.titleEn,
      summary: row.summary,
      summaryEn: row.summaryEn,
      body,
      leadOpd: row.leadOpd,
      tags: row.tags,
      stage: row.stage,
      status: row.runningStatus,
      regionCode: row.regionCode,
      regionName: row.regionName,
      provinceCode: row.provinceCode,
      provinceName: row.provinceName,
      regionType: row.regionType,
      indicatorNumbers: indicators.map((indicator) => indicator.number),
      indicatorNames: indicators.map((indicator) => indicator.name),
      aspectNames: unique(indicators.map((indicator) => indicator.aspectName)),
      domainNames: unique(indicators.map((indicator) => indicator.domainName)),
      // "2021" or "2021-02" (validated on save).
      year: row.startedOn ? Number(row.startedOn.slice(0, 4)) : null,
      publishedAt: row.publishedAt ? Math.floor(row.publishedAt.getTime() / 1000) : null,
      adoptionCount: row.adoptionCount,
      language: row.titleEn.trim() ? ["id", "en"] : ["id"],
      titleStems: stemText(row.title),
      summaryStems: stemText([row.summary, ...row.tags].join("\n")),
      bodyStems: stemText([...indicators.map((indicator) => indicator.name), body].join("\n")),
    };
  });
}

/** The Meilisearch id of a region: its Kemendagri code with "_" for ".", which ids do not allow. */
function regionDocumentId(code: string): string {
  return code.replace(/\./g, "_");
}

/** Every region (the directory lists all 514): reference data, which only a reindex refreshes. */
export async function regionDocuments(executor: DatabaseOrTransaction = db()): Promise<RegionSearchDocument[]> {
  const rows = await executor
    .select({
      code: regions.code,
      name: regions.name,
      shortName: regions.shortName,
      type: regions.type,
      provinceCode: regions.provinceCode,
      provinceName: provinces.name,
    })
    .from(regions)
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .orderBy(regions.code);
  return rows.map((row) => ({ id: regionDocumentId(row.code), ...row }));
}

/** Every SPBE 2020 indicator: reference data, which only a reindex refreshes. */
export async function indicatorDocuments(): Promise<IndicatorSearchDocument[]> {
  return [...(await indicatorPaths()).values()].map((path) => ({ ...path, framework: SPBE_2020 }));
}
