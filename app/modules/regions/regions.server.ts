import { and, asc, count, countDistinct, eq, exists, ilike, or, sql } from "drizzle-orm";
import { cohortMembers, cohorts, provinces, regions, sources } from "../../../db/schema";
import { db } from "../db.server";
import { cohortNamesByRegion } from "./cohorts.server";
import { escapeLikePattern } from "../text/like-pattern";
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from "./directory-query";

export const REGION_CODE_PATTERN = /^\d{2}\.\d{2}$/;
export const PROVINCE_CODE_PATTERN = /^\d{2}$/;

/**
 * Provinces and regions are reference data: seeded before the server starts and never changed
 * by the app, so each process reads them once.
 */
let provinceList: Promise<{ code: string; name: string }[]> | null = null;

export function listProvinces() {
  if (!provinceList) {
    provinceList = db().select({ code: provinces.code, name: provinces.name }).from(provinces).orderBy(asc(provinces.name)).then((rows) => rows);
    provinceList.catch(() => (provinceList = null));
  }
  return provinceList;
}

export async function getRegionName(code: string): Promise<string | null> {
  const region = await db().query.regions.findFirst({ where: eq(regions.code, code), columns: { name: true } });
  return region?.name ?? null;
}

let regionGroups: Promise<{ province: string; regions: { code: string; name: string }[] }[]> | null = null;

/** Every kabupaten/kota grouped by province, for region pickers (read once, see listProvinces). */
export function listRegionsByProvince() {
  if (!regionGroups) {
    regionGroups = loadRegionsByProvince();
    regionGroups.catch(() => (regionGroups = null));
  }
  return regionGroups;
}

async function loadRegionsByProvince() {
  const rows = await db()
    .select({ code: regions.code, name: regions.name, provinceName: provinces.name })
    .from(regions)
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .orderBy(asc(provinces.name), asc(regions.shortName));
  const groups = new Map<string, { code: string; name: string }[]>();
  for (const row of rows) groups.set(row.provinceName, [...(groups.get(row.provinceName) ?? []), { code: row.code, name: row.name }]);
  return [...groups].map(([province, members]) => ({ province, regions: members }));
}

/** The kabupaten/kota of one province, by name (for pickers that first ask for the province). */
export async function listRegionsOfProvince(provinceCode: string | null): Promise<{ code: string; name: string }[]> {
  if (!provinceCode) return [];
  return db().select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.provinceCode, provinceCode)).orderBy(asc(regions.shortName));
}

export async function countRegionsAndProvinces() {
  const [row] = await db()
    .select({ regions: count(), provinces: countDistinct(regions.provinceCode) })
    .from(regions);
  return { regions: row?.regions ?? 0, provinces: row?.provinces ?? 0 };
}

/** One page of the directory; `pageSize` is the page's, or what an API client asked for. */
export async function searchRegionDirectory(query: DirectoryQuery, pageSize = DIRECTORY_PAGE_SIZE) {
  const conditions = [
    query.province ? eq(regions.provinceCode, query.province) : undefined,
    query.type ? eq(regions.type, query.type) : undefined,
    query.name
      ? or(
          ilike(regions.shortName, `%${escapeLikePattern(query.name)}%`),
          ilike(regions.name, `%${escapeLikePattern(query.name)}%`),
        )
      : undefined,
    query.cohort
      ? exists(
          db()
            .select({ one: sql`1` })
            .from(cohortMembers)
            .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
            .where(and(eq(cohortMembers.regionCode, regions.code), eq(cohorts.slug, query.cohort))),
        )
      : undefined,
  ];
  const where = and(...conditions);

  const [totalRow] = await db().select({ value: count() }).from(regions).where(where);
  const total = totalRow?.value ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);

  const rows = await db()
    .select({
      code: regions.code,
      name: regions.name,
      type: regions.type,
      population: regions.population,
      provinceName: provinces.name,
    })
    .from(regions)
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .where(where)
    .orderBy(asc(regions.shortName), asc(regions.code))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const cohortNames = await cohortNamesByRegion(rows.map((row) => row.code));

  return {
    total,
    page,
    pageCount,
    pageSize,
    regions: rows.map((row) => ({ ...row, cohorts: cohortNames.get(row.code) ?? [] })),
  };
}

export type RegionDirectoryPage = Awaited<ReturnType<typeof searchRegionDirectory>>;

/** A region's facts (with their source) and cohort memberships, or null for an unknown code. */
export async function getRegionProfile(code: string) {
  if (!REGION_CODE_PATTERN.test(code)) return null;
  const [region] = await db()
    .select({
      code: regions.code,
      name: regions.name,
      type: regions.type,
      population: regions.population,
      areaKm2: regions.areaKm2,
      province: { code: provinces.code, name: provinces.name },
      source: { citation: sources.citation, url: sources.url },
    })
    .from(regions)
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .leftJoin(sources, eq(sources.id, regions.sourceId))
    .where(eq(regions.code, code));
  if (!region) return null;

  const memberships = await db()
    .select({ slug: cohorts.slug, name: cohorts.name, evidence: cohortMembers.evidence })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(eq(cohortMembers.regionCode, code))
    .orderBy(asc(cohorts.name));
  return { region, cohorts: memberships };
}

/** A province and its kabupaten/kota, or null for an unknown code. */
export async function getProvince(code: string) {
  if (!PROVINCE_CODE_PATTERN.test(code)) return null;
  const province = await db().query.provinces.findFirst({ where: eq(provinces.code, code) });
  if (!province) return null;
  const members = await db()
    .select({ code: regions.code, name: regions.name, type: regions.type, population: regions.population })
    .from(regions)
    .where(eq(regions.provinceCode, code))
    .orderBy(asc(regions.shortName));
  return { province, regions: members };
}

export type RegionProfile = NonNullable<Awaited<ReturnType<typeof getRegionProfile>>>;
