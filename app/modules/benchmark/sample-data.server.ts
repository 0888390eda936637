/**
 * Synthetic indicator levels for demos: assessments of kind "sample", citing a source of kind
 * "sample", so every page badges them. SPBE 2020 for 2021–2024 and Indeks Pemdi 2026 for 2026,
 * for the same regions, each framework's values drawn on their own (never derived from the
 * other's). They exist only in demo mode (the embedded database, never production;
 * `IDSL_SAMPLE_DATA=off` removes them) and are:
 * - stable: each region-year's levels are drawn from a seed of its own and its target index,
 *   which depends only on the reference data shipped with the site, so restarts and imports of
 *   other regions' results never move them;
 * - consistent: where a region-year has an agreed official value of the same framework, the
 *   sample reproduces it (±0.01); when a curator's import changes that value, its sample follows
 *   in the same transaction.
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { assessments, cohortMembers, cohorts, frameworkNodes, frameworks, publishedResults, sources } from "../../../db/schema";
import { db, type DatabaseOrTransaction } from "../db.server";
import { PEMDI_2026, SPBE_2020 } from "../frameworks/index.server";
import { roundIndex } from "../frameworks";
import { storeAssessment } from "./assessments.server";
import type { FrameworkNode } from "../frameworks";
import { levelsForTarget, plausibleIndex, seededRandom } from "./sample-levels";

export const SAMPLE_SOURCE_KEY = "idsl-sample-data";
const SAMPLE_SOURCE_CITATION = "Data contoh sintetis IDSL — bukan hasil evaluasi resmi";
export const SAMPLE_YEARS = [2021, 2022, 2023, 2024] as const;
export const PEMDI_SAMPLE_YEARS = [2026] as const;

/**
 * The sample sets: which framework, which years, and how invented values are seeded. SPBE 2020
 * keeps the region code as its seed (its values predate Pemdi and must not move); Pemdi's seeds
 * carry its slug, and its invented trajectory starts in its own first year.
 */
const SAMPLE_SETS = [
  { slug: SPBE_2020, years: SAMPLE_YEARS, seedOf: (regionCode: string) => regionCode, startYear: undefined },
  { slug: PEMDI_2026, years: PEMDI_SAMPLE_YEARS, seedOf: (regionCode: string) => `${PEMDI_2026}:${regionCode}`, startYear: PEMDI_SAMPLE_YEARS[0] },
] as const;

type SampleSet = (typeof SAMPLE_SETS)[number];

/**
 * Regions beyond the IDSL cohort and those with published indices, so rankings and peer
 * comparisons have something to compare with: big cities and kabupaten spread over West, Central
 * and East Java, Yogyakarta, Banten, Bali, North and South Sumatra, South and East Kalimantan
 * and South Sulawesi. Chosen for geography only; their sample values say nothing about them.
 */
export const EXTRA_SAMPLE_REGIONS = [
  "12.71", // Kota Medan
  "16.71", // Kota Palembang
  "32.04", // Kabupaten Bandung
  "32.14", // Kabupaten Purwakarta
  "32.73", // Kota Bandung
  "32.77", // Kota Cimahi
  "33.02", // Kabupaten Banyumas
  "33.72", // Kota Surakarta
  "33.74", // Kota Semarang
  "34.02", // Kabupaten Bantul
  "34.04", // Kabupaten Sleman
  "35.15", // Kabupaten Sidoarjo
  "35.73", // Kota Malang
  "35.78", // Kota Surabaya
  "36.74", // Kota Tangerang Selatan
  "51.03", // Kabupaten Badung
  "51.71", // Kota Denpasar
  "63.72", // Kota Banjarbaru
  "64.71", // Kota Balikpapan
  "64.72", // Kota Samarinda
  "73.02", // Kabupaten Bulukumba
  "73.71", // Kota Makassar
] as const;

type RegionYear = { regionCode: string; year: number };

/** One value per region-year when every current source agrees on it; disputed ones give none. */
function agreedValues(rows: readonly { code: string; year: number; value: number }[]): Map<string, number> {
  const values = new Map<string, Set<number>>();
  for (const row of rows) {
    const key = `${row.code}:${row.year}`;
    values.set(key, (values.get(key) ?? new Set()).add(row.value));
  }
  return new Map([...values].flatMap(([key, set]) => (set.size === 1 ? [[key, [...set][0]!] as const] : [])));
}

async function frameworkIdOf(executor: DatabaseOrTransaction, slug: string): Promise<number> {
  const framework = await executor.query.frameworks.findFirst({ where: eq(frameworks.slug, slug), columns: { id: true } });
  if (!framework) throw new Error(`framework ${slug} missing: seed the reference data first`);
  return framework.id;
}

/**
 * The demo regions, the same for every framework: the IDSL cohort, every kabupaten/kota with a
 * shipped SPBE 2020 result, and the extra regions above.
 */
async function sampleRegions(executor: DatabaseOrTransaction): Promise<string[]> {
  const [cohortRows, shippedRows] = await Promise.all([
    executor.select({ regionCode: cohortMembers.regionCode }).from(cohortMembers).innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId)).where(eq(cohorts.slug, "idsl-2022")),
    executor
      .select({ regionCode: publishedResults.regionCode })
      .from(publishedResults)
      .where(and(eq(publishedResults.frameworkId, await frameworkIdOf(executor, SPBE_2020)), eq(publishedResults.origin, "seed"))),
  ]);
  const shipped = shippedRows.flatMap((row) => (row.regionCode ? [row.regionCode] : []));
  return [...new Set([...cohortRows.map((row) => row.regionCode), ...shipped, ...EXTRA_SAMPLE_REGIONS])].sort();
}

/**
 * Writes the sample levels that are missing or no longer match their target and returns how
 * many sample assessments there are (callers invalidate the benchmark snapshot after commit). With `only`, just those region-years' existing samples are
 * brought back in line (after an import changed their official value); nothing new is created.
 * Without it, every region-year of the demo set is written and leftovers are removed.
 * Frameworks' years do not overlap, so a region-year names the framework whose sample follows.
 */
export async function syncSampleData(executor: DatabaseOrTransaction, only?: readonly RegionYear[]): Promise<{ assessments: number; written: number }> {
  const regionCodes = only ? null : await sampleRegions(executor);
  let total = 0;
  let written = 0;
  for (const set of SAMPLE_SETS) {
    const result = await syncSampleSet(executor, set, regionCodes, only);
    total += result.assessments;
    written += result.written;
  }
  return { assessments: total, written };
}

/** syncSampleData for one framework's sample set; `regionCodes` is null when only `only` is brought in line. */
async function syncSampleSet(
  executor: DatabaseOrTransaction,
  set: SampleSet,
  regionCodes: readonly string[] | null,
  only?: readonly RegionYear[],
): Promise<{ assessments: number; written: number }> {
  const frameworkId = await frameworkIdOf(executor, set.slug);
  const existing = await executor
    .select({ id: assessments.id, regionCode: assessments.regionCode, year: assessments.year, computedIndex: assessments.computedIndex })
    .from(assessments)
    .where(and(eq(assessments.frameworkId, frameworkId), eq(assessments.kind, "sample")));
  if (only && (only.length === 0 || existing.length === 0)) return { assessments: existing.length, written: 0 };

  // Ordered so the seeded levels land on the same indicators in every database.
  const nodes: FrameworkNode[] = await executor
    .select({ id: frameworkNodes.id, parentId: frameworkNodes.parentId, kind: frameworkNodes.kind, number: frameworkNodes.number, weight: frameworkNodes.weight })
    .from(frameworkNodes)
    .where(eq(frameworkNodes.frameworkId, frameworkId))
    .orderBy(asc(frameworkNodes.kind), asc(frameworkNodes.number));
  const indicators = nodes.filter((node) => node.kind === "indicator");

  const published = await executor
    .select({ code: publishedResults.subjectCode, regionCode: publishedResults.regionCode, year: publishedResults.year, value: publishedResults.value, origin: publishedResults.origin, supersededAt: publishedResults.supersededAt })
    .from(publishedResults)
    .where(eq(publishedResults.frameworkId, frameworkId));
  const regionValues = published.filter((row) => row.regionCode !== null);
  const current = agreedValues(regionValues.filter((row) => row.supersededAt === null));
  // Invented years follow the shipped reference values only, so imports cannot move them.
  const anchors = new Map<string, Map<number, number>>();
  for (const [key, value] of agreedValues(regionValues.filter((row) => row.origin === "seed"))) {
    const [regionCode, year] = key.split(":");
    anchors.set(regionCode!, (anchors.get(regionCode!) ?? new Map<number, number>()).set(Number(year), value));
  }
  const targetOf = ({ regionCode, year }: RegionYear) =>
    current.get(`${regionCode}:${year}`) ?? plausibleIndex(set.seedOf(regionCode), year, anchors.get(regionCode) ?? new Map(), set.startYear);

  let wanted: RegionYear[];
  if (regionCodes) {
    wanted = regionCodes.flatMap((regionCode) => set.years.map((year) => ({ regionCode, year })));
  } else {
    const keys = new Set((only ?? []).map((entry) => `${entry.regionCode}:${entry.year}`));
    wanted = existing.filter((row) => keys.has(`${row.regionCode}:${row.year}`));
  }

  const stored = new Map(existing.map((row) => [`${row.regionCode}:${row.year}`, row.computedIndex]));
  // Stored only when a sample is written: an import outside demo mode must not create it.
  let sourceId: number | undefined;
  let written = 0;
  for (const regionYear of wanted) {
    const target = roundIndex(targetOf(regionYear), 2);
    const computed = stored.get(`${regionYear.regionCode}:${regionYear.year}`);
    const current = computed == null ? null : roundIndex(computed, 2);
    if (current === target) continue;
    const { index, levels } = sampleLevels(indicators, regionYear, target);
    if (current === index) continue;
    sourceId ??= await sampleSourceId(executor);
    await storeAssessment(
      { ...regionYear, frameworkId, kind: "sample", sourceId, levels: new Map([...levels].map(([nodeId, level]) => [nodeId, { level }])) },
      nodes,
      executor,
    );
    written++;
  }

  if (regionCodes) {
    // Leftovers from an older region list or year range (levels go with them: on delete cascade).
    const keep = new Set(wanted.map((entry) => `${entry.regionCode}:${entry.year}`));
    const stale = existing.filter((row) => !keep.has(`${row.regionCode}:${row.year}`)).map((row) => row.id);
    if (stale.length > 0) await executor.delete(assessments).where(inArray(assessments.id, stale));
  }
  const [total] = await executor
    .select({ n: count() })
    .from(assessments)
    .where(and(eq(assessments.frameworkId, frameworkId), eq(assessments.kind, "sample")));
  return { assessments: total?.n ?? 0, written };
}

/**
 * Seeded levels whose index rounds to `target`, or, where the framework's weights cannot give
 * that value, to a neighbour 0.01 away (the sample contract): Pemdi 2026's index is a whole
 * number of hundredths and its smallest weight is 3, so 4,98 and 4,99 (or 1,01, 1,02) are out
 * of reach. Returns the index reached.
 */
function sampleLevels(indicators: readonly FrameworkNode[], { regionCode, year }: RegionYear, target: number): { index: number; levels: Map<number, number> } {
  for (const candidate of [target, roundIndex(target - 0.01, 2), roundIndex(target + 0.01, 2)]) {
    if (candidate < 1 || candidate > 5) continue;
    try {
      return { index: candidate, levels: levelsForTarget(indicators, candidate, seededRandom(`${regionCode}:${year}:${candidate.toFixed(2)}`)) };
    } catch {
      // Out of reach with these weights: try the neighbours.
    }
  }
  throw new Error(`no sample levels reach ${target} ± 0.01 for ${regionCode} ${year}`);
}

async function sampleSourceId(executor: DatabaseOrTransaction): Promise<number> {
  const [source] = await executor
    .insert(sources)
    .values({ key: SAMPLE_SOURCE_KEY, kind: "sample", citation: SAMPLE_SOURCE_CITATION, url: null })
    .onConflictDoUpdate({ target: sources.key, set: { kind: "sample", citation: SAMPLE_SOURCE_CITATION, url: null } })
    .returning({ id: sources.id });
  if (!source) throw new Error("could not store the sample data source");
  return source.id;
}

/** Removes every sample assessment (sample data turned off, or outside demo mode). */
export async function removeSampleData(executor: DatabaseOrTransaction = db()): Promise<number> {
  const removed = await executor.delete(assessments).where(eq(assessments.kind, "sample")).returning({ id: assessments.id });
  return removed.length;
}

/** How long a process trusts its answer to "does sample data exist?" (it changes only at start). */
const PRESENCE_TTL_MS = 30_000;
let presence: { checkedAt: number; present: Promise<boolean> } | null = null;

/**
 * Whether any sample data exists, for the notice on every page: one indexed lookup per process
 * every 30 s, so no page pays for loading the benchmark snapshot just to know.
 */
export function sampleDataPresent(): Promise<boolean> {
  if (presence && Date.now() - presence.checkedAt < PRESENCE_TTL_MS) return presence.present;
  const present = db()
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.kind, "sample"))
    .limit(1)
    .then((rows) => rows.length > 0);
  presence = { checkedAt: Date.now(), present };
  present.catch(() => (presence = null));
  return present;
}
