/**
 * Synthetic SPBE 2020 indicator levels for demos: assessments of kind "sample", citing a source
 * of kind "sample", so every page badges them. They exist only in demo mode (the embedded
 * database, never production; `IDSL_SAMPLE_DATA=off` removes them) and are:
 * - stable: each region-year's levels are drawn from a seed of its own and its target index,
 *   which depends only on the reference data shipped with the site, so restarts and imports of
 *   other regions' results never move them;
 * - consistent: where a region-year has an agreed official value, the sample reproduces it
 *   (±0.01); when a curator's import changes that value, its sample follows in the same
 *   transaction.
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { assessments, cohortMembers, cohorts, frameworkNodes, frameworks, publishedResults, sources } from "../../../db/schema";
import { db, type DatabaseOrTransaction } from "../db.server";
import { SPBE_2020 } from "../frameworks/index.server";
import { roundIndex } from "../frameworks";
import { storeAssessment } from "./assessments.server";
import type { FrameworkNode } from "../frameworks";
import { levelsForTarget, plausibleIndex, seededRandom } from "./sample-levels";

export const SAMPLE_SOURCE_KEY = "idsl-sample-data";
const SAMPLE_SOURCE_CITATION = "Data contoh sintetis IDSL — bukan hasil evaluasi resmi";
export const SAMPLE_YEARS = [2021, 2022, 2023, 2024] as const;

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

/**
 * Writes the sample levels that are missing or no longer match their target and returns how
 * many sample assessments there are (callers invalidate the benchmark snapshot after commit). With `only`, just those region-years' existing samples are
 * brought back in line (after an import changed their official value); nothing new is created.
 * Without it, every region-year of the demo set is written and leftovers are removed.
 */
export async function syncSampleData(executor: DatabaseOrTransaction, only?: readonly RegionYear[]): Promise<{ assessments: number; written: number }> {
  const framework = await executor.query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020), columns: { id: true } });
  if (!framework) throw new Error(`framework ${SPBE_2020} missing: seed the reference data first`);
  const frameworkId = framework.id;
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
  const targetOf = ({ regionCode, year }: RegionYear) => current.get(`${regionCode}:${year}`) ?? plausibleIndex(regionCode, year, anchors.get(regionCode) ?? new Map());

  let wanted: RegionYear[];
  if (only) {
    const keys = new Set(only.map((entry) => `${entry.regionCode}:${entry.year}`));
    wanted = existing.filter((row) => keys.has(`${row.regionCode}:${row.year}`));
  } else {
    const cohortRows = await executor
      .select({ regionCode: cohortMembers.regionCode })
      .from(cohortMembers)
      .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
      .where(eq(cohorts.slug, "idsl-2022"));
    const shippedRegions = regionValues.filter((row) => row.origin === "seed").map((row) => row.regionCode!);
    const regionCodes = [...new Set([...cohortRows.map((row) => row.regionCode), ...shippedRegions, ...EXTRA_SAMPLE_REGIONS])].sort();
    wanted = regionCodes.flatMap((regionCode) => SAMPLE_YEARS.map((year) => ({ regionCode, year })));
  }

  const sourceId = await sampleSourceId(executor);
  const stored = new Map(existing.map((row) => [`${row.regionCode}:${row.year}`, row.computedIndex]));
  let written = 0;
  for (const regionYear of wanted) {
    const target = roundIndex(targetOf(regionYear), 2);
    const computed = stored.get(`${regionYear.regionCode}:${regionYear.year}`);
    if (computed != null && roundIndex(computed, 2) === target) continue;
    const levels = levelsForTarget(indicators, target, seededRandom(`${regionYear.regionCode}:${regionYear.year}:${target.toFixed(2)}`));
    await storeAssessment(
      { ...regionYear, frameworkId, kind: "sample", sourceId, levels: new Map([...levels].map(([nodeId, level]) => [nodeId, { level }])) },
      nodes,
      executor,
    );
    written++;
  }

  if (!only) {
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
