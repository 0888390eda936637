/**
 * Synthetic SPBE 2020 indicator levels for demos (`npm run seed:demo`, and `npm start` on the
 * embedded database): assessments of kind "sample", citing a source of kind "sample", so the
 * UI can always badge them. Where a published index exists the sample reproduces it (±0.01);
 * elsewhere the index is invented. Deterministic: every run writes the same rows.
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { storeAssessment, type IndicatorLevel } from "../../app/modules/benchmark/assessments.server";
import type { FrameworkNode } from "../../app/modules/benchmark/framework-index";
import { levelsForTarget, plausibleIndex, seededRandom } from "../../app/modules/benchmark/sample-levels";
import { SPBE_2020 } from "../../app/modules/frameworks/frameworks.server";
import type { Database } from "../client";
import { assessments, cohortMembers, cohorts, frameworkNodes, frameworks, sources } from "../schema";

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

/**
 * Writes (or rewrites) the sample assessments in one transaction and returns how many there
 * are. Sample rows of region-years no longer in the list are removed, so the table always
 * matches what this code generates.
 */
export async function seedDemoAssessments(db: Database): Promise<{ assessments: number }> {
  return db.transaction(async (tx) => {
    const framework = await tx.query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020), columns: { id: true } });
    if (!framework) throw new Error(`framework ${SPBE_2020} missing: seed the reference data first`);
    const frameworkId = framework.id;
    // Ordered by number so the seeded levels land on the same indicators in every database.
    const nodes: FrameworkNode[] = await tx
      .select({
        id: frameworkNodes.id,
        parentId: frameworkNodes.parentId,
        kind: frameworkNodes.kind,
        number: frameworkNodes.number,
        weight: frameworkNodes.weight,
      })
      .from(frameworkNodes)
      .where(eq(frameworkNodes.frameworkId, frameworkId))
      .orderBy(asc(frameworkNodes.kind), asc(frameworkNodes.number));
    const indicators = nodes.filter((node) => node.kind === "indicator");

    const [source] = await tx
      .insert(sources)
      .values({ key: SAMPLE_SOURCE_KEY, kind: "sample", citation: SAMPLE_SOURCE_CITATION, url: null })
      .onConflictDoUpdate({ target: sources.key, set: { kind: "sample", citation: SAMPLE_SOURCE_CITATION, url: null } })
      .returning({ id: sources.id });
    if (!source) throw new Error("could not store the sample data source");

    // Published indices by region and year (all years: they anchor the invented ones too).
    const official = await tx
      .select({ regionCode: assessments.regionCode, year: assessments.year, reportedIndex: assessments.reportedIndex })
      .from(assessments)
      .where(and(eq(assessments.frameworkId, frameworkId), eq(assessments.kind, "official"), isNotNull(assessments.reportedIndex)));
    const published = new Map<string, Map<number, number>>();
    for (const row of official) {
      if (row.reportedIndex === null) continue;
      const byYear = published.get(row.regionCode) ?? new Map<number, number>();
      byYear.set(row.year, row.reportedIndex);
      published.set(row.regionCode, byYear);
    }
    const cohortRows = await tx
      .select({ regionCode: cohortMembers.regionCode })
      .from(cohortMembers)
      .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
      .where(eq(cohorts.slug, "idsl-2022"));
    const regionCodes = [...new Set([...cohortRows.map((row) => row.regionCode), ...published.keys(), ...EXTRA_SAMPLE_REGIONS])].sort();

    let stored = 0;
    for (const regionCode of regionCodes) {
      const regionPublished = published.get(regionCode) ?? new Map<number, number>();
      for (const year of SAMPLE_YEARS) {
        // plausibleIndex returns the published value itself for a published year.
        const target = plausibleIndex(regionCode, year, regionPublished);
        const levels = levelsForTarget(indicators, target, seededRandom(`${regionCode}:${year}`));
        await storeAssessment(
          {
            regionCode,
            frameworkId,
            year,
            kind: "sample",
            sourceId: source.id,
            levels: new Map<number, IndicatorLevel>([...levels].map(([nodeId, level]) => [nodeId, { level }])),
          },
          nodes,
          tx,
        );
        stored++;
      }
    }

    // Leftovers from an older region list or year range (levels go with them: on delete cascade).
    const existing = await tx
      .select({ id: assessments.id, regionCode: assessments.regionCode, year: assessments.year })
      .from(assessments)
      .where(and(eq(assessments.frameworkId, frameworkId), eq(assessments.kind, "sample")));
    const wanted = new Set(regionCodes);
    const years = new Set<number>(SAMPLE_YEARS);
    const stale = existing.filter((row) => !wanted.has(row.regionCode) || !years.has(row.year)).map((row) => row.id);
    if (stale.length > 0) await tx.delete(assessments).where(inArray(assessments.id, stale));

    return { assessments: stored };
  });
}
