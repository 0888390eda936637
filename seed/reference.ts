import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client";
import { upsertSource } from "../db/sources";
import { type FrameworkDefinition, type FrameworkNode, frameworkProblems } from "../app/modules/frameworks";
import { seedApplications } from "./applications";
import { seedPractices } from "./practices";
import {
  cohortMembers,
  cohorts,
  frameworkCrosswalk,
  frameworkLevelCriteria,
  frameworkLevels,
  frameworkNodes,
  frameworkPredikatBands,
  frameworks,
  frameworkVersions,
  provinces,
  publishedGroupAverages,
  publishedResults,
  regions,
} from "../db/schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The value the conflicting INSERT proposed for a column, for ON CONFLICT DO UPDATE. */
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

function readDataFile(name: string): string {
  return readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8");
}

function dataFileExists(name: string): boolean {
  return existsSync(new URL(`./data/${name}`, import.meta.url));
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

/** An index as the data files print it, with one or two decimals ("3.7" stays one). */
const printedIndex = z
  .string()
  .regex(/^[0-5]\.\d{1,2}$/)
  .transform((text) => ({ value: Number(text), decimals: text.split(".")[1]!.length }));

/** A Kemendagri code: "32" is the province of Jawa Barat (its own government), "32.11" a kabupaten. */
const governmentCode = z.string().regex(/^\d{2}(\.\d{2})?$/);

const publishedScoreRow = z.object({
  region_code: governmentCode,
  region_name: z.string(),
  evaluation_year: z.coerce.number().int(),
  index: printedIndex,
  predikat_reported: z.string(),
  source_url: z.string().min(1),
  /** The sentence the value was read from (the news file has one per row). */
  quote: z.string().optional(),
});

const nationalRow = z.object({
  evaluation_year: z.coerce.number().int(),
  national_index: printedIndex,
  decree: z.string(),
  source_url: z.string().url(),
});

const groupAverageRow = z.object({
  scope: z.string().min(1),
  evaluation_year: z.coerce.number().int(),
  index: printedIndex,
  source_url: z.string().url(),
  quote: z.string(),
  scope_kind: z.enum(publishedGroupAverages.scope.enumValues),
  province_code: z.string().regex(/^(\d{2})?$/),
  member_count: optionalNumber,
});

const levelCriteriaFile = z.object({
  indicators: z.array(z.object({ number: z.number().int(), levels: z.record(z.string().regex(/^[1-5]$/), z.string().min(1)) })),
});

const uncertainCriteriaRow = z.object({ indicator: z.coerce.number().int(), level: z.coerce.number().int(), reason: z.string() });

/** A node of a framework file: its children, if any, under the key of their kind. */
interface FrameworkNodeData {
  number: number;
  name: string;
  weight: number;
  /** The other agency's evaluation an indicator's level comes from (Pemdi 2026 indicators 5–7). */
  scoreFrom?: string;
  domains?: FrameworkNodeData[];
  aspects?: FrameworkNodeData[];
  indicators?: FrameworkNodeData[];
}

/** The tree's levels in the order they nest; a framework uses the ones it has (Pemdi 2026 has no domains). */
const NODE_KINDS = [
  ["domains", "domain"],
  ["aspects", "aspect"],
  ["indicators", "indicator"],
] as const;

export interface FrameworkFile extends Pick<FrameworkNodeData, "domains" | "aspects" | "indicators"> {
  id: string;
  name: string;
  scale: { min: number; max: number; decimals: number };
  levels: { level: number; name: string }[];
  predikat: { name: string; min: number }[];
  formula: string;
  /** Present when the structure comes from secondary sources rather than the regulation's text. */
  status?: string;
  /** A link, or a link with its label. */
  sources: (string | { label: string; url: string })[];
}

const REGION_DATA_CITATION = "Kepmendagri No. 300.2.2-2138 Tahun 2025 (kode, nama, luas wilayah dan jumlah penduduk)";

/** "Kabupaten Administrasi Kepulauan Seribu" → "Kepulauan Seribu". */
export function shortRegionName(name: string): string {
  return name.replace(/^(Kabupaten|Kota)( Administrasi)? /, "");
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
  const definition = frameworkDefinitionOf(file);
  const problems = frameworkProblems(definition);
  if (problems.length > 0) throw new Error(`seed/data/${file.id}-framework.json cannot be used: ${JSON.stringify(problems)}`);
  const [framework] = await tx
    .insert(frameworks)
    .values({
      slug: file.id,
      name: file.name,
      scaleMin: file.scale.min,
      scaleMax: file.scale.max,
      decimals: file.scale.decimals,
      formula: file.formula,
      sources: file.sources.map((source) => (typeof source === "string" ? source : source.url)),
      ...frameworkStatusOf(file),
    })
    .returning({ id: frameworks.id });
  if (!framework) throw new Error(`could not store framework ${file.id}`);
  const frameworkId = framework.id;
  await tx.insert(frameworkLevels).values(definition.levels.map((level) => ({ frameworkId, level: level.level, name: level.name })));
  await tx.insert(frameworkPredikatBands).values(definition.bands.map((band) => ({ frameworkId, ...band })));
  // Parents come first, so each node's parent already has its stored id.
  const storedIds = new Map<number, number>();
  for (const node of definition.nodes) {
    const [stored] = await tx
      .insert(frameworkNodes)
      .values({
        frameworkId,
        parentId: node.parentId === null ? null : storedIds.get(node.parentId)!,
        kind: node.kind,
        number: node.number,
        name: node.name,
        weight: node.weight,
        scoreFrom: node.scoreFrom ?? null,
      })
      .returning({ id: frameworkNodes.id });
    storedIds.set(node.id, stored!.id);
  }
  return frameworkId;
}

function frameworkStatusOf(file: FrameworkFile) {
  const years = frameworkFacts[file.id];
  return {
    shortName: years?.shortName ?? file.id,
    sourceStatus: file.status ? ("secondary_sources" as const) : ("official_text" as const),
    statusNote: file.status ?? null,
    firstYear: years?.firstYear ?? null,
    lastYear: years?.lastYear ?? null,
  };
}

/**
 * What later columns hold for a framework stored before they existed (its status, years, which
 * indicators another agency scores) and its first version's snapshot. A framework a curator
 * has already corrected (version > 1) keeps what the curator set.
 */
async function completeFramework(tx: Transaction, frameworkId: number, file: FrameworkFile) {
  const [framework] = await tx
    .update(frameworks)
    .set(frameworkStatusOf(file))
    .where(and(eq(frameworks.id, frameworkId), eq(frameworks.version, 1)))
    .returning({ id: frameworks.id });
  if (!framework) return;
  const stored = await tx.select().from(frameworkNodes).where(eq(frameworkNodes.frameworkId, frameworkId));
  const definition = frameworkDefinitionOf(file);
  for (const node of definition.nodes) {
    if (!node.scoreFrom) continue;
    const match = stored.find((candidate) => candidate.kind === node.kind && candidate.number === node.number);
    if (match && match.scoreFrom === null) await tx.update(frameworkNodes).set({ scoreFrom: node.scoreFrom }).where(eq(frameworkNodes.id, match.id));
  }
  const [levels, bands] = await Promise.all([
    tx.select({ level: frameworkLevels.level, name: frameworkLevels.name }).from(frameworkLevels).where(eq(frameworkLevels.frameworkId, frameworkId)),
    tx.select({ name: frameworkPredikatBands.name, minValue: frameworkPredikatBands.minValue }).from(frameworkPredikatBands).where(eq(frameworkPredikatBands.frameworkId, frameworkId)),
  ]);
  const status = frameworkStatusOf(file);
  await tx
    .insert(frameworkVersions)
    .values({
      frameworkId,
      version: 1,
      definition: {
        sourceStatus: status.sourceStatus,
        statusNote: status.statusNote,
        nodes: stored.map(({ id, name, weight }) => ({ id, name, weight })).sort((a, b) => a.id - b.id),
        levels: levels.sort((a, b) => a.level - b.level),
        bands: bands.sort((a, b) => b.minValue - a.minValue),
      },
    })
    .onConflictDoNothing();
}

/**
 * Each framework's short name and the evaluation years it applies to: Permen PANRB 8/2026 revokes
 * Permen PANRB 59/2020 and evaluates on the Indeks Pemerintah Digital from the 2026 round (both
 * files' sources). SPBE 2020 has no first year: the 2018 and 2019 results stored under it carry
 * notes saying they were evaluated under the 2018 framework.
 */
const frameworkFacts: Record<string, { shortName: string; firstYear: number | null; lastYear: number | null }> = {
  "spbe-2020": { shortName: "Indeks SPBE 2020", firstYear: null, lastYear: 2025 },
  "pemdi-2026": { shortName: "Indeks Pemdi 2026", firstYear: 2026, lastYear: null },
};

type SeededNode = FrameworkNode & { name: string; scoreFrom?: string };

/**
 * A framework file as the index maths and its checks see it: every node of its tree, as deep as
 * the tree is, parents before their children, numbered from 1 in file order.
 */
export function frameworkDefinitionOf(file: FrameworkFile): FrameworkDefinition & { nodes: SeededNode[] } {
  const nodes: SeededNode[] = [];
  const addChildren = (parent: Pick<FrameworkNodeData, "domains" | "aspects" | "indicators">, parentId: number | null) => {
    for (const [key, kind] of NODE_KINDS) {
      for (const child of parent[key] ?? []) {
        const id = nodes.length + 1;
        nodes.push({ id, parentId, kind, number: child.number, name: child.name, weight: child.weight, scoreFrom: child.scoreFrom });
        addChildren(child, id);
      }
    }
  };
  addChildren(file, null);
  return { scale: file.scale, levels: file.levels, bands: file.predikat.map((band) => ({ name: band.name, minValue: band.min })), nodes };
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

/**
 * Published index values with their sources and quotes. A value is (re)written only while it is
 * still the shipped one: a curator's import of the same source, or its superseding, stands.
 */
async function seedPublishedScores(tx: Transaction, frameworkId: number) {
  const rows = [...readCsv("spbe-published-scores.csv", publishedScoreRow), ...readCsv("spbe-published-scores-news.csv", publishedScoreRow)];
  for (const row of rows) {
    const sourceId = await upsertSource(tx, "news", row.source_url);
    const isProvince = !row.region_code.includes(".");
    const figure = {
      value: row.index.value,
      decimals: row.index.decimals,
      reportedPredikat: row.predikat_reported || null,
      quote: row.quote || null,
    };
    await tx
      .insert(publishedResults)
      .values({
        frameworkId,
        regionCode: isProvince ? null : row.region_code,
        provinceCode: isProvince ? row.region_code : null,
        year: row.evaluation_year,
        sourceId,
        origin: "seed",
        ...figure,
      })
      .onConflictDoUpdate({
        target: [publishedResults.frameworkId, publishedResults.subjectCode, publishedResults.year, publishedResults.sourceId],
        set: { ...figure, updatedAt: new Date() },
        setWhere: eq(publishedResults.origin, "seed"),
      });
  }
}

/** The national index per year and the group averages sources publish. */
async function seedGroupAverages(tx: Transaction, frameworkId: number) {
  const averages = [
    ...readCsv("spbe-national.csv", nationalRow).map((row) => ({
      year: row.evaluation_year,
      scope: "national" as const,
      label: "Nasional",
      provinceCode: null,
      memberCount: null,
      index: row.national_index,
      sourceUrl: row.source_url,
      quote: null,
      decree: row.decree || null,
    })),
    ...readCsv("spbe-group-averages.csv", groupAverageRow).map((row) => ({
      year: row.evaluation_year,
      scope: row.scope_kind,
      label: row.scope,
      provinceCode: row.province_code || null,
      memberCount: row.member_count,
      index: row.index,
      sourceUrl: row.source_url,
      quote: row.quote || null,
      decree: null,
    })),
  ];
  for (const average of averages) {
    const sourceId = await upsertSource(tx, "news", average.sourceUrl);
    const values = { scope: average.scope, provinceCode: average.provinceCode, memberCount: average.memberCount, value: average.index.value };
    // The same source may be listed twice (the national file and the group file): keep what either adds.
    await tx
      .insert(publishedGroupAverages)
      .values({ frameworkId, year: average.year, label: average.label, sourceId, quote: average.quote, decree: average.decree, ...values })
      .onConflictDoUpdate({
        target: [publishedGroupAverages.frameworkId, publishedGroupAverages.year, publishedGroupAverages.label, publishedGroupAverages.sourceId],
        set: {
          ...values,
          quote: sql`coalesce(excluded.quote, ${publishedGroupAverages.quote})`,
          decree: sql`coalesce(excluded.decree, ${publishedGroupAverages.decree})`,
        },
      });
  }
}

/**
 * The criteria text of each indicator level, from `<framework>-level-criteria.json`, with the
 * cells its public copies disagree on (`…-level-criteria-uncertain.csv`) marked. Like the
 * framework itself, stored criteria are never rewritten.
 */
async function seedLevelCriteria(tx: Transaction, frameworkId: number, frameworkSlug: string) {
  const name = `${frameworkSlug}-level-criteria.json`;
  if (!dataFileExists(name)) return;
  const file = levelCriteriaFile.parse(JSON.parse(readDataFile(name)));
  const uncertainName = `${frameworkSlug}-level-criteria-uncertain.csv`;
  const uncertain = new Set(
    dataFileExists(uncertainName) ? readCsv(uncertainName, uncertainCriteriaRow).map((row) => `${row.indicator}:${row.level}`) : [],
  );
  const nodes = await tx
    .select({ id: frameworkNodes.id, number: frameworkNodes.number })
    .from(frameworkNodes)
    .where(and(eq(frameworkNodes.frameworkId, frameworkId), eq(frameworkNodes.kind, "indicator")));
  const nodeByNumber = new Map(nodes.map((node) => [node.number, node.id]));
  const rows = file.indicators.flatMap((indicator) => {
    const nodeId = nodeByNumber.get(indicator.number);
    if (nodeId === undefined) throw new Error(`${name}: indicator ${indicator.number} is not in ${frameworkSlug}`);
    return Object.entries(indicator.levels).map(([level, criteria]) => ({
      nodeId,
      level: Number(level),
      criteria,
      uncertain: uncertain.has(`${indicator.number}:${level}`),
    }));
  });
  if (rows.length > 0) await tx.insert(frameworkLevelCriteria).values(rows).onConflictDoNothing();
}

const crosswalkRow = z.object({
  from_framework: z.string().min(1),
  from_aspect: z.coerce.number().int(),
  to_framework: z.string().min(1),
  to_aspect: z.coerce.number().int(),
  status: z.literal("proposed"),
  note: z.string().min(1),
});

/**
 * Which aspect of one framework covers the topic of an aspect of another (framework-crosswalk.csv),
 * each pair proposed until a curator confirms or rejects it. Only missing pairs are inserted: a
 * curator's decision is never overwritten by the file.
 */
async function seedCrosswalk(tx: Transaction, frameworkIds: ReadonlyMap<string, number>) {
  const rows = readCsv("framework-crosswalk.csv", crosswalkRow);
  const aspects = await tx
    .select({ id: frameworkNodes.id, frameworkId: frameworkNodes.frameworkId, number: frameworkNodes.number })
    .from(frameworkNodes)
    .where(eq(frameworkNodes.kind, "aspect"));
  const aspectId = (slug: string, number: number) => {
    const frameworkId = frameworkIds.get(slug);
    const node = aspects.find((aspect) => aspect.frameworkId === frameworkId && aspect.number === number);
    if (!node) throw new Error(`framework-crosswalk.csv: ${slug} has no aspect ${number}`);
    return node.id;
  };
  const pairs = rows.map((row) => ({
    fromNodeId: aspectId(row.from_framework, row.from_aspect),
    toNodeId: aspectId(row.to_framework, row.to_aspect),
    status: row.status,
    note: row.note,
  }));
  if (pairs.length > 0) await tx.insert(frameworkCrosswalk).values(pairs).onConflictDoNothing();
}

/**
 * Loads the reference data shipped in seed/data. Safe to run on every start: reference
 * tables are upserted, and rows that curators may later change are only inserted when missing.
 */
export async function seedReferenceData(db: Database): Promise<void> {
  // Every `*-framework.json` in seed/data is stored: adding a framework is adding a file. SPBE
  // 2020 comes first, as on every database seeded before a second framework existed, so its node
  // ids are the same on a fresh database as on those (forms name fields by node id: level_<id>).
  const frameworkFiles = readdirSync(new URL("./data/", import.meta.url))
    .filter((name) => name.endsWith("-framework.json"))
    .map((name) => JSON.parse(readDataFile(name)) as FrameworkFile)
    .sort((a, b) => Number(b.id === SPBE_2020_SLUG) - Number(a.id === SPBE_2020_SLUG) || a.id.localeCompare(b.id));
  await db.transaction(async (tx) => {
    await seedRegions(tx);
    const frameworkIds = new Map<string, number>();
    for (const file of frameworkFiles) {
      const frameworkId = await seedFramework(tx, file);
      await completeFramework(tx, frameworkId, file);
      frameworkIds.set(file.id, frameworkId);
      await seedLevelCriteria(tx, frameworkId, file.id);
    }
    const spbe2020 = frameworkIds.get(SPBE_2020_SLUG);
    if (spbe2020 === undefined) throw new Error(`seed/data has no ${SPBE_2020_SLUG}-framework.json`);
    await seedIdslCohort(tx);
    // The published scores and averages in the shared data are SPBE 2020 index values.
    await seedPublishedScores(tx, spbe2020);
    await seedGroupAverages(tx, spbe2020);
    await seedPractices(tx, SPBE_2020_SLUG);
    await seedApplications(tx, SPBE_2020_SLUG);
    await seedCrosswalk(tx, frameworkIds);
  });
}

const SPBE_2020_SLUG = "spbe-2020";
