import { readdirSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../client";
import { seedPractices } from "./practices";
import {
  assessments,
  cohortMembers,
  cohorts,
  frameworkLevels,
  frameworkNodes,
  frameworkPredikatBands,
  frameworks,
  nationalResults,
  provinces,
  regions,
  sources,
} from "../schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
type DatabaseOrTransaction = Database | Transaction;

/** The value the conflicting INSERT proposed for a column, for ON CONFLICT DO UPDATE. */
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

function readDataFile(name: string): string {
  return readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8");
}

function readCsv<T>(name: string, row: z.ZodType<T>): T[] {
  const records: unknown[] = parse(readDataFile(name), { columns: true, skip_empty_lines: true, trim: true, relax_quotes: true });
  return records.map((record, i) => {
    const parsed = row.safeParse(record);
    if (!parsed.success) throw new Error(`${name} row ${i + 2}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

const optionalNumber = z
  .string()
  .transform((value) => (value === "" ? null : Number(value)))
  .pipe(z.number().nullable());

const regionRow = z.object({
  code: z.string().regex(/^\d{2}(\.\d{2})?$/),
  name: z.string().min(1),
  type: z.enum(["provinsi", "kabupaten", "kota"]),
  province_code: z.string().regex(/^\d{2}$/),
  population: optionalNumber,
  area_km2: optionalNumber,
});

const pilotRow = z.object({
  region_code: z.string(),
  region_name: z.string(),
  status: z.literal("confirmed"),
  evidence: z.string().min(1),
});

const publishedScoreRow = z.object({
  region_code: z.string(),
  region_name: z.string(),
  evaluation_year: z.coerce.number().int(),
  index: z.coerce.number(),
  predikat_reported: z.string(),
  source_url: z.string().min(1),
});

const nationalRow = z.object({
  evaluation_year: z.coerce.number().int(),
  instansi_evaluated: optionalNumber,
  national_index: z.coerce.number(),
  memuaskan_count: optionalNumber,
  decree: z.string(),
  source_url: z.string().url(),
});

interface FrameworkNodeData {
  number: number;
  name: string;
  weight: number;
}
interface FrameworkFile {
  id: string;
  name: string;
  scale: { min: number; max: number; decimals: number };
  levels: { level: number; name: string }[];
  predikat: { name: string; min: number }[];
  formula: string;
  sources: string[];
  domains: (FrameworkNodeData & {
    aspects: (FrameworkNodeData & { indicators: FrameworkNodeData[] })[];
  })[];
}

const REGION_DATA_CITATION = "Kepmendagri No. 300.2.2-2138 Tahun 2025 (kode, nama, luas wilayah dan jumlah penduduk)";

/** "Kabupaten Administrasi Kepulauan Seribu" → "Kepulauan Seribu". */
export function shortRegionName(name: string): string {
  return name.replace(/^(Kabupaten|Kota)( Administrasi)? /, "");
}

/**
 * A source row by its natural key, created or refreshed. A cited source is either a URL (cited
 * by its host) or a bibliographic note without a link.
 */
export async function upsertSource(
  tx: DatabaseOrTransaction,
  kind: (typeof sources.$inferInsert)["kind"],
  reference: string,
): Promise<number> {
  const isUrl = /^https?:\/\//.test(reference);
  const citation = isUrl ? new URL(reference).hostname.replace(/^www\./, "") : reference;
  const [row] = await tx
    .insert(sources)
    .values({ key: reference, kind, citation, url: isUrl ? reference : null })
    .onConflictDoUpdate({ target: sources.key, set: { kind, citation } })
    .returning({ id: sources.id });
  if (!row) throw new Error(`could not store source ${reference}`);
  return row.id;
}

async function seedRegions(tx: Transaction) {
  const rows = readCsv("regions.csv", regionRow);
  const sourceId = await upsertSource(tx, "regulation", REGION_DATA_CITATION);
  const provinceRows = rows.filter((row) => row.type === "provinsi");
  await tx
    .insert(provinces)
    .values(provinceRows.map((row) => ({ code: row.code, name: row.name })))
    .onConflictDoUpdate({ target: provinces.code, set: { name: sqlExcluded("name") } });
  const regionRows = rows.flatMap((row) =>
    row.type === "provinsi"
      ? []
      : [
          {
            code: row.code,
            name: row.name,
            shortName: shortRegionName(row.name),
            type: row.type,
            provinceCode: row.province_code,
            population: row.population,
            areaKm2: row.area_km2,
            sourceId,
          },
        ],
  );
  await tx
    .insert(regions)
    .values(regionRows)
    .onConflictDoUpdate({
      target: regions.code,
      set: {
        name: sqlExcluded("name"),
        shortName: sqlExcluded("short_name"),
        type: sqlExcluded("type"),
        provinceCode: sqlExcluded("province_code"),
        population: sqlExcluded("population"),
        areaKm2: sqlExcluded("area_km2"),
        sourceId: sqlExcluded("source_id"),
      },
    });
}

/**
 * Frameworks are versioned: once one is stored it is never rewritten, so a published index
 * keeps the weights it was computed with.
 */
async function seedFramework(tx: Transaction, file: FrameworkFile): Promise<number> {
  const existing = await tx.query.frameworks.findFirst({ where: eq(frameworks.slug, file.id) });
  if (existing) return existing.id;
  const [framework] = await tx
    .insert(frameworks)
    .values({
      slug: file.id,
      name: file.name,
      scaleMin: file.scale.min,
      scaleMax: file.scale.max,
      decimals: file.scale.decimals,
      formula: file.formula,
      sources: file.sources,
    })
    .returning({ id: frameworks.id });
  if (!framework) throw new Error(`could not store framework ${file.id}`);
  const frameworkId = framework.id;
  await tx.insert(frameworkLevels).values(file.levels.map((level) => ({ frameworkId, ...level })));
  await tx
    .insert(frameworkPredikatBands)
    .values(file.predikat.map((band) => ({ frameworkId, name: band.name, minValue: band.min })));
  for (const domain of file.domains) {
    const [domainNode] = await tx
      .insert(frameworkNodes)
      .values({ frameworkId, kind: "domain", number: domain.number, name: domain.name, weight: domain.weight })
      .returning({ id: frameworkNodes.id });
    for (const aspect of domain.aspects) {
      const [aspectNode] = await tx
        .insert(frameworkNodes)
        .values({
          frameworkId,
          parentId: domainNode!.id,
          kind: "aspect",
          number: aspect.number,
          name: aspect.name,
          weight: aspect.weight,
        })
        .returning({ id: frameworkNodes.id });
      await tx.insert(frameworkNodes).values(
        aspect.indicators.map((indicator) => ({
          frameworkId,
          parentId: aspectNode!.id,
          kind: "indicator" as const,
          number: indicator.number,
          name: indicator.name,
          weight: indicator.weight,
        })),
      );
    }
  }
  return frameworkId;
}

async function seedIdslCohort(tx: Transaction) {
  await tx
    .insert(cohorts)
    .values({
      slug: "idsl-2022",
      name: "IDSL 2022",
      descriptionId:
        "62 kabupaten/kota percontohan yang menandatangani komitmen bersama pada IDSL Summit di Bali, 21 November 2022.",
      descriptionEn:
        "The 62 pilot regencies and cities that signed a joint commitment at the IDSL Summit in Bali on 21 November 2022.",
      startedOn: "2022-11-21",
      plannedSize: 62,
    })
    .onConflictDoNothing({ target: cohorts.slug });
  const cohort = await tx.query.cohorts.findFirst({ where: eq(cohorts.slug, "idsl-2022") });
  if (!cohort) throw new Error("IDSL cohort missing after insert");
  // Only members confirmed by a public source; curators add the rest as they are confirmed.
  const pilots = readCsv("idsl-pilots.csv", pilotRow);
  await tx
    .insert(cohortMembers)
    .values(pilots.map((pilot) => ({ cohortId: cohort.id, regionCode: pilot.region_code, evidence: pilot.evidence })))
    .onConflictDoNothing();
}

async function seedPublishedScores(tx: Transaction, frameworkId: number) {
  for (const row of readCsv("spbe-published-scores.csv", publishedScoreRow)) {
    const sourceId = await upsertSource(tx, "news", row.source_url);
    await tx
      .insert(assessments)
      .values({
        regionCode: row.region_code,
        frameworkId,
        year: row.evaluation_year,
        kind: "official",
        reportedIndex: row.index,
        reportedPredikat: row.predikat_reported || null,
        sourceId,
      })
      .onConflictDoNothing();
  }
  for (const row of readCsv("spbe-national.csv", nationalRow)) {
    const sourceId = await upsertSource(tx, "news", row.source_url);
    await tx
      .insert(nationalResults)
      .values({
        frameworkId,
        year: row.evaluation_year,
        nationalIndex: row.national_index,
        instansiEvaluated: row.instansi_evaluated,
        memuaskanCount: row.memuaskan_count,
        decree: row.decree || null,
        sourceId,
      })
      .onConflictDoNothing();
  }
}

/**
 * Loads the reference data shipped in db/seed/data. Safe to run on every start: reference
 * tables are upserted, and rows that curators may later change are only inserted when missing.
 */
export async function seedReferenceData(db: Database): Promise<void> {
  // Every `*-framework.json` in db/seed/data is stored: adding a framework is adding a file.
  const frameworkFiles = readdirSync(new URL("./data/", import.meta.url))
    .filter((name) => name.endsWith("-framework.json"))
    .sort()
    .map((name) => JSON.parse(readDataFile(name)) as FrameworkFile);
  await db.transaction(async (tx) => {
    await seedRegions(tx);
    const frameworkIds = new Map<string, number>();
    for (const file of frameworkFiles) frameworkIds.set(file.id, await seedFramework(tx, file));
    const spbe2020 = frameworkIds.get(SPBE_2020_SLUG);
    if (spbe2020 === undefined) throw new Error(`db/seed/data has no ${SPBE_2020_SLUG}-framework.json`);
    await seedIdslCohort(tx);
    // The published scores in the shared data are SPBE 2020 index values.
    await seedPublishedScores(tx, spbe2020);
    await seedPractices(tx, SPBE_2020_SLUG);
  });
}

const SPBE_2020_SLUG = "spbe-2020";
