/** What the catalog shows: the list with its filters, one application, and who uses what. */
import { and, asc, count, eq, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  applicationPractices,
  applicationRequests,
  applications,
  applicationTextVector,
  practiceAdoptions,
  practiceRevisions,
  practices,
  provinces,
  regions,
} from "../../../db/schema";
import { db } from "../db.server";
import { parseRecordNumber } from "../forms/form-data";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { isPublicSql, selectPublicPractices } from "../practices/index.server";
import { escapeLikePattern } from "../text/like-pattern";
import { CATALOG_PAGE_SIZE, type CatalogQuery } from "./catalog-query";

const listColumns = {
  id: applications.id,
  name: applications.name,
  function: applications.function,
  description: applications.description,
  terms: applications.terms,
  stack: applications.stack,
  regionCode: regions.code,
  regionName: regions.name,
  provinceName: provinces.name,
};

/**
 * The public catalog, filtered and paged as the URL says (`pageSize` a page: an API client may
 * ask for another). The text search is PostgreSQL full-text on name and description ('simple'
 * words, any input accepted), or a part of the name.
 */
export async function listCatalog(query: CatalogQuery, pageSize = CATALOG_PAGE_SIZE) {
  const tree = await getFrameworkTree(SPBE_2020);
  const indicatorId = query.indicator === null ? null : ([...tree.indicatorsById.values()].find((indicator) => indicator.number === query.indicator)?.id ?? -1);
  const where = and(
    query.function ? eq(applications.function, query.function) : undefined,
    indicatorId !== null ? sql`${applications.indicatorIds} @> array[${indicatorId}]::int[]` : undefined,
    query.province ? eq(regions.provinceCode, query.province) : undefined,
    query.technology ? sql`exists (select 1 from unnest(${applications.stack}) as technology where lower(technology) = lower(${query.technology}))` : undefined,
    query.text
      ? or(
          sql`${applicationTextVector(applications)} @@ websearch_to_tsquery('simple', ${query.text})`,
          sql`${applications.name} ilike ${`%${escapeLikePattern(query.text)}%`}`,
        )
      : undefined,
  );
  const [totalRow] = await db()
    .select({ value: count() })
    .from(applications)
    .innerJoin(regions, eq(regions.code, applications.regionCode))
    .where(where);
  const total = totalRow?.value ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db()
    .select(listColumns)
    .from(applications)
    .innerJoin(regions, eq(regions.code, applications.regionCode))
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .where(where)
    .orderBy(asc(applications.name), asc(applications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { total, page, pageCount, applications: rows };
}

export type CatalogEntry = Awaited<ReturnType<typeof listCatalog>>["applications"][number];

/** Technologies named in the catalog, for its filter (as first written, one per spelling ignoring case). */
export async function listTechnologies(limit = 100): Promise<string[]> {
  const technology = sql<string>`min(technology)`;
  const rows = await db()
    .select({ technology })
    .from(sql`${applications}, unnest(${applications.stack}) as technology`)
    .groupBy(sql`lower(technology)`)
    .orderBy(sql`lower(technology)`)
    .limit(limit);
  return rows.map((row) => row.technology);
}

export async function getApplication(id: number) {
  const [row] = await db()
    .select({ application: applications, regionName: regions.name, provinceCode: provinces.code, provinceName: provinces.name })
    .from(applications)
    .innerJoin(regions, eq(regions.code, applications.regionCode))
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .where(eq(applications.id, id));
  return row ? { ...row.application, regionName: row.regionName, provinceCode: row.provinceCode, provinceName: row.provinceName } : null;
}

export type Application = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

/** The public practices an application supports (a practice no longer public drops out until it is again). */
export function listSupportedPractices(applicationId: number) {
  return selectPublicPractices({ id: practices.id, title: practiceRevisions.title, regionCode: practices.regionCode })
    .innerJoin(applicationPractices, eq(applicationPractices.practiceId, practices.id))
    .where(and(isPublicSql(), eq(applicationPractices.applicationId, applicationId)))
    .orderBy(asc(practiceRevisions.title));
}

/** Ids of the practices stored as supported (public or not): the editor keeps what it does not show. */
export async function supportedPracticeIds(applicationId: number): Promise<number[]> {
  const rows = await db().select({ id: applicationPractices.practiceId }).from(applicationPractices).where(eq(applicationPractices.applicationId, applicationId));
  return rows.map((row) => row.id);
}

export interface ApplicationUse {
  applicationId: number;
  applicationName: string;
  ownerRegionCode: string;
  ownerRegionName: string;
  regionCode: string;
  regionName: string;
}

/**
 * Regions using applications, derived (never typed in): a region whose request was approved,
 * and a region whose public practice records adopting a practice the application supports.
 * Filtered to one application or to one user region; each pair once.
 */
export async function listApplicationUses(filter: { applicationId: number } | { regionCode: string }): Promise<ApplicationUse[]> {
  const owner = alias(regions, "owner_region");
  const user = alias(regions, "user_region");
  const adopter = alias(practices, "adopter");
  const columns = {
    applicationId: applications.id,
    applicationName: applications.name,
    ownerRegionCode: owner.code,
    ownerRegionName: owner.name,
    regionCode: user.code,
    regionName: user.name,
  };
  const matches = (regionColumn: typeof user.code) =>
    "applicationId" in filter ? eq(applications.id, filter.applicationId) : eq(regionColumn, filter.regionCode);
  const [approved, adopted] = await Promise.all([
    db()
      .selectDistinct(columns)
      .from(applicationRequests)
      .innerJoin(applications, eq(applications.id, applicationRequests.applicationId))
      .innerJoin(owner, eq(owner.code, applications.regionCode))
      .innerJoin(user, eq(user.code, applicationRequests.requesterRegionCode))
      .where(and(eq(applicationRequests.status, "approved"), matches(user.code))),
    db()
      .selectDistinct(columns)
      .from(practiceAdoptions)
      .innerJoin(adopter, eq(adopter.id, practiceAdoptions.adopterPracticeId))
      .innerJoin(applicationPractices, eq(applicationPractices.practiceId, practiceAdoptions.sourcePracticeId))
      .innerJoin(applications, eq(applications.id, applicationPractices.applicationId))
      .innerJoin(owner, eq(owner.code, applications.regionCode))
      .innerJoin(user, eq(user.code, adopter.regionCode))
      .where(and(isPublicSql(adopter), matches(user.code))),
  ]);
  const byPair = new Map<string, ApplicationUse>();
  for (const use of [...approved, ...adopted]) byPair.set(`${use.applicationId}:${use.regionCode}`, use);
  return [...byPair.values()].sort((a, b) => a.applicationName.localeCompare(b.applicationName, "id") || a.regionName.localeCompare(b.regionName, "id"));
}

/** For a region profile: the applications it shares and those it uses. */
export async function getRegionApplications(regionCode: string) {
  const [shared, used] = await Promise.all([
    db()
      .select({ id: applications.id, name: applications.name, function: applications.function, terms: applications.terms })
      .from(applications)
      .where(eq(applications.regionCode, regionCode))
      .orderBy(asc(applications.name)),
    listApplicationUses({ regionCode }),
  ]);
  return { shared, used };
}

/** The application a route's `:id` names, or a 404 (also for ids no integer column holds). */
export async function applicationFromParams(id: string | undefined): Promise<Application> {
  const number = parseRecordNumber(id ?? null);
  const application = number === null ? null : await getApplication(number);
  if (!application) throw new Response(null, { status: 404 });
  return application;
}
