import { asc, eq, inArray } from "drizzle-orm";
import { cohortMembers, cohorts, provinces, regions } from "../../../db/schema";
import { db } from "../db.server";

export const IDSL_2022 = "idsl-2022";

export async function listCohorts() {
  return db()
    .select({ slug: cohorts.slug, name: cohorts.name })
    .from(cohorts)
    .orderBy(asc(cohorts.startedOn), asc(cohorts.name));
}

/** A cohort with its confirmed members, or null when the slug is unknown. */
export async function getCohortOverview(slug: string) {
  const cohort = await db().query.cohorts.findFirst({ where: eq(cohorts.slug, slug) });
  if (!cohort) return null;
  const members = await db()
    .select({ code: regions.code, name: regions.name, provinceName: provinces.name })
    .from(cohortMembers)
    .innerJoin(regions, eq(regions.code, cohortMembers.regionCode))
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .where(eq(cohortMembers.cohortId, cohort.id))
    .orderBy(asc(regions.shortName));
  return { ...cohort, members };
}

/** Cohort names per region code, for badges on lists. */
export async function cohortNamesByRegion(regionCodes: string[]): Promise<Map<string, string[]>> {
  const byRegion = new Map<string, string[]>();
  if (regionCodes.length === 0) return byRegion;
  const rows = await db()
    .select({ regionCode: cohortMembers.regionCode, name: cohorts.name })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(inArray(cohortMembers.regionCode, regionCodes))
    .orderBy(asc(cohorts.name));
  for (const row of rows) byRegion.set(row.regionCode, [...(byRegion.get(row.regionCode) ?? []), row.name]);
  return byRegion;
}

