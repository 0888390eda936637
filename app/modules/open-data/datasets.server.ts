/**
 * The site's open datasets, as /data lists them and the DCAT-AP catalog describes them: each
 * with a stable identifier and address, its distributions (downloads, feeds, pages), when its
 * data last changed (read from the data, never "now"), keywords and sources. One list, so the
 * page and the catalog cannot disagree.
 */
import { and, eq, isNull, max, sql } from "drizzle-orm";
import { frameworkVersions, practiceAdoptions, practices, publishedResults } from "../../../db/schema";
import { db } from "../db.server";
import { type FrameworkSummary, getCuratedFramework, listFrameworks } from "../frameworks/index.server";
import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator.server";
import { isPublicSql } from "../practices/index.server";
import { feedPath } from "./feed-paths";

export type DistributionFormat = "CSV" | "XLSX" | "Atom" | "JSON Feed" | "JSON" | "HTML";

export const MEDIA_TYPES: Record<DistributionFormat, string> = {
  CSV: "text/csv",
  XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  Atom: "application/atom+xml",
  "JSON Feed": "application/feed+json",
  JSON: "application/json",
  HTML: "text/html",
};

export interface Distribution {
  /** Path on this site (absolute URLs are made with the configured origin). */
  path: string;
  format: DistributionFormat;
  /** What this one holds, e.g. "2024, Excel Indonesia (;)". */
  label: Bilingual;
  /** A file to download (dcat:downloadURL) rather than a page or feed to read. */
  download: boolean;
}

/** Text in both languages: the catalog carries both, the page shows the reader's. */
export type Bilingual = Record<Locale, string>;

export interface Dataset {
  /** Stable identifier, also the anchor on /data. */
  id: string;
  title: Bilingual;
  description: Bilingual;
  keywords: Bilingual[];
  landingPage: string;
  distributions: Distribution[];
  modified: Date | null;
  sources: Bilingual[];
  /** Set for the rankings of one framework: the page describes their columns. */
  rankingFramework?: string;
  /** Set for a framework's structure: its indicators' metadata. */
  framework?: string;
}

const both = (key: Parameters<ReturnType<typeof translatorFor>["t"]>[0], values?: Record<string, string | number>): Bilingual => ({
  id: translatorFor("id").t(key, values),
  en: translatorFor("en").t(key, values),
});

/** A distribution's label in both languages, optionally after a year. */
const label = (key: Parameters<typeof both>[0], prefix = ""): Bilingual => {
  const text = both(key);
  return { id: `${prefix}${text.id}`, en: `${prefix}${text.en}` };
};

const CSV_STYLES = [
  { style: "id", key: "openData.csvId" },
  { style: "intl", key: "openData.csvIntl" },
] as const;

async function rankingsDatasets(frameworks: FrameworkSummary[]): Promise<Dataset[]> {
  const years = await db()
    .select({ frameworkId: publishedResults.frameworkId, year: publishedResults.year, modified: max(publishedResults.updatedAt) })
    .from(publishedResults)
    .where(isNull(publishedResults.supersededAt))
    .groupBy(publishedResults.frameworkId, publishedResults.year)
    .orderBy(sql`${publishedResults.year} desc`);
  return frameworks.map((framework) => {
    const own = years.filter((row) => row.frameworkId === framework.id);
    const distributions = own.flatMap(({ year }): Distribution[] => {
      const query = `kerangka=${framework.slug}&tahun=${year}`;
      return [
        ...CSV_STYLES.map(({ style, key }) => ({ path: `/peringkat.csv?${query}&gaya=${style}`, format: "CSV" as const, label: label(key, `${year}, `), download: true })),
        { path: `/peringkat.xlsx?${query}`, format: "XLSX", label: { id: String(year), en: String(year) }, download: true },
      ];
    });
    const modified = own.reduce<Date | null>((newest, row) => (row.modified && (!newest || row.modified > newest) ? row.modified : newest), null);
    return {
      id: `peringkat-${framework.slug}`,
      title: both("openData.rankingsTitle", { framework: framework.shortName }),
      description: both("openData.rankingsDescription", { framework: framework.name }),
      keywords: [both("openData.keywordIndex"), { id: framework.shortName, en: framework.shortName }, both("openData.keywordRegions")],
      landingPage: `/peringkat?kerangka=${framework.slug}`,
      distributions: [
        ...distributions,
        { path: feedPath("hasil-resmi", "atom", { kerangka: framework.slug }), format: "Atom", label: label("openData.resultsFeed"), download: false },
        { path: feedPath("hasil-resmi", "json", { kerangka: framework.slug }), format: "JSON Feed", label: label("openData.resultsFeed"), download: false },
      ],
      modified,
      sources: [both("openData.rankingsSources")],
      rankingFramework: framework.slug,
    };
  });
}

async function frameworkDatasets(frameworks: FrameworkSummary[]): Promise<Dataset[]> {
  return Promise.all(
    frameworks.map(async (framework) => {
      const [curated, [version]] = await Promise.all([
        getCuratedFramework(framework.slug),
        db().select({ modified: max(frameworkVersions.createdAt) }).from(frameworkVersions).where(eq(frameworkVersions.frameworkId, framework.id)),
      ]);
      return {
        id: `kerangka-${framework.slug}`,
        title: both("openData.frameworkTitle", { framework: framework.name }),
        description: both("openData.frameworkDescription", { framework: framework.shortName }),
        keywords: [both("openData.keywordFramework"), { id: framework.shortName, en: framework.shortName }, both("openData.keywordIndicators")],
        landingPage: `/kerangka/${framework.slug}`,
        distributions: [
          { path: `/kerangka/${framework.slug}`, format: "HTML", label: { id: framework.name, en: framework.name }, download: false },
          { path: `/api/v1/frameworks/${framework.slug}`, format: "JSON", label: label("openData.api"), download: false },
        ],
        modified: version?.modified ?? null,
        sources: (curated?.sources ?? []).map((source) => ({ id: source, en: source })),
        framework: framework.slug,
      } satisfies Dataset;
    }),
  );
}

async function practiceDatasets(): Promise<Dataset[]> {
  const [[published], [adopted]] = await Promise.all([
    db().select({ modified: max(practices.publishedAt) }).from(practices).where(isPublicSql()),
    db()
      .select({ modified: max(practiceAdoptions.recordedAt) })
      .from(practiceAdoptions)
      .innerJoin(practices, and(eq(practices.id, practiceAdoptions.adopterPracticeId), isPublicSql())),
  ]);
  const feeds = (name: "praktik" | "adopsi", key: "openData.practicesFeed" | "openData.adoptionsFeed"): Distribution[] => [
    { path: feedPath(name, "atom"), format: "Atom", label: label(key), download: false },
    { path: feedPath(name, "json"), format: "JSON Feed", label: label(key), download: false },
  ];
  return [
    {
      id: "praktik",
      title: both("openData.practicesTitle"),
      description: both("openData.practicesDescription"),
      keywords: [both("openData.keywordPractices"), both("openData.keywordRegions")],
      landingPage: "/praktik",
      distributions: [
        { path: "/praktik", format: "HTML", label: label("openData.practicesTitle"), download: false },
        ...CSV_STYLES.map(({ style, key }) => ({ path: `/praktik.csv?gaya=${style}`, format: "CSV" as const, label: label(key), download: true })),
        { path: "/praktik.xlsx", format: "XLSX", label: label("openData.practicesTitle"), download: true },
        { path: "/api/v1/practices", format: "JSON", label: label("openData.api"), download: false },
        ...feeds("praktik", "openData.practicesFeed"),
      ],
      modified: published?.modified ?? null,
      sources: [both("openData.practicesSources")],
    },
    {
      id: "adopsi",
      title: both("openData.adoptionsTitle"),
      description: both("openData.adoptionsDescription"),
      keywords: [both("openData.keywordPractices"), both("openData.keywordAdoptions")],
      landingPage: "/jaringan-adopsi",
      distributions: [
        { path: "/jaringan-adopsi", format: "HTML", label: label("openData.adoptionsTitle"), download: false },
        { path: "/api/v1/adoptions", format: "JSON", label: label("openData.api"), download: false },
        ...feeds("adopsi", "openData.adoptionsFeed"),
      ],
      modified: adopted?.modified ?? null,
      sources: [both("openData.practicesSources")],
    },
  ];
}

/** Every dataset, rankings and frameworks newest framework first, then practices and adoptions. */
export async function listDatasets(): Promise<Dataset[]> {
  const frameworks = await listFrameworks();
  const [rankings, structures, practiceSets] = await Promise.all([rankingsDatasets(frameworks), frameworkDatasets(frameworks), practiceDatasets()]);
  return [...rankings, ...structures, ...practiceSets];
}

/** When anything in the catalog last changed: its newest dataset's date. */
export function catalogModified(datasets: readonly Dataset[]): Date | null {
  return datasets.reduce<Date | null>((newest, dataset) => (dataset.modified && (!newest || dataset.modified > newest) ? dataset.modified : newest), null);
}
