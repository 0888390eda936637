import { and, asc, count, desc, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { alias, type PgSelectBase, type SelectedFields } from "drizzle-orm/pg-core";
import { practiceAdoptions, practiceRevisions, practices, provinces, regions, revisionTextVector } from "../../../db/schema";
import type { Actor } from "../auth";
import { db, integerArray } from "../db.server";
import { allGroups, indicatorsIn } from "../frameworks";
import { type FrameworkTree, getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { listProvinces, listRegionsByProvince } from "../regions/index.server";
import { PRACTICE_PAGE_SIZE, parsePracticeListQuery, type PracticeListQuery, type WorkspaceQuery } from "./practice-query";
import { isPublicSql, selectPublicPractices, whenPublic } from "./public-practices.server";

/** How many public practices record this one as their source (kept by triggers, decision 0040). */
export const adoptionCount = practices.publicAdoptionCount;

const publishedListColumns = {
  id: practices.id,
  title: practiceRevisions.title,
  titleEn: practiceRevisions.titleEn,
  summary: practiceRevisions.summary,
  summaryEn: practiceRevisions.summaryEn,
  stage: practiceRevisions.stage,
  tags: practiceRevisions.tags,
  regionCode: regions.code,
  regionName: regions.name,
  provinceName: provinces.name,
  publishedAt: practices.publishedAt,
  compiledFromPublicSources: practices.compiledFromPublicSources,
  adoptionCount,
};

function paginate(total: number, requestedPage: number, pageSize = PRACTICE_PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requestedPage, pageCount);
  return { total, page, pageCount, offset: (page - 1) * pageSize };
}

/**
 * PostgreSQL full-text match on the published text, for when Meilisearch cannot answer.
 * websearch_to_tsquery accepts any user input (quotes, operators) without syntax errors.
 */
function matchesText(text: string) {
  return sql`${revisionTextVector(practiceRevisions)} @@ websearch_to_tsquery('simple', ${text})`;
}

/** Filters only the search page has; it uses this list when Meilisearch cannot answer. */
export interface SearchOnlyFilters {
  text?: string;
  regionType?: "kabupaten" | "kota" | null;
  status?: "active" | "stopped" | null;
  /** Year the practice started (its start date's year). */
  year?: number | null;
  /** SPBE domain and aspect names: practices with any indicator in them. */
  domain?: string | null;
  aspect?: string | null;
  /** "en": practices with an English translation (every practice is in Indonesian). */
  language?: "id" | "en" | null;
}

/** Ids of the indicators under the SPBE domain or aspect with this name (none for unknown names). */
function indicatorIdsUnder(tree: FrameworkTree, name: string): number[] {
  return indicatorsIn(allGroups(tree.groups).filter((group) => group.name === name)).map((indicator) => indicator.id);
}

/**
 * The public list's query from its URL, checked against the provinces and regions that exist,
 * for the page and its downloads alike; with the provinces, which the page's filter offers.
 */
export async function readPracticeListQuery(params: URLSearchParams) {
  const [provinces, regionGroups] = await Promise.all([listProvinces(), listRegionsByProvince()]);
  const query = parsePracticeListQuery(params, {
    provinceCodes: new Set(provinces.map((province) => province.code)),
    regionCodes: new Set(regionGroups.flatMap((group) => group.regions.map((region) => region.code))),
  });
  return { query, provinces };
}

/** A public list's filters, grouped by the table each reads, so a query joins only what they need. */
export interface PracticeFilters {
  /** On `practices` alone. */
  practice?: SQL;
  /** On the published revision (`practiceRevisions`). */
  revision?: SQL;
  /** On the practice's region (`regions`). */
  region?: SQL;
}

/**
 * Public practices passing the filters, joining the published revision and the region only when
 * a filter reads them: counting and ordering 20,000 practices must not read their text. (Every
 * public practice has both, through foreign keys, so leaving a join out keeps the same rows.)
 */
function selectMatchingPractices<Columns extends SelectedFields>(columns: Columns, filters: PracticeFilters) {
  let query = db()
    .select(columns as SelectedFields)
    .from(practices)
    .where(and(isPublicSql(), filters.practice, filters.revision, filters.region))
    .$dynamic();
  // The second condition always holds (a published revision is the practice's own), but only it
  // lets PostgreSQL go from a filter's matching revisions (a tag's) to their practices by primary
  // key, instead of hashing all 20,000 practices.
  if (filters.revision) {
    query = query.innerJoin(practiceRevisions, and(eq(practiceRevisions.id, practices.publishedRevisionId), eq(practiceRevisions.practiceId, practices.id)));
  }
  if (filters.region) query = query.innerJoin(regions, eq(regions.code, practices.regionCode));
  // Every join is inner (see selectPublicPractices).
  return query as unknown as PgSelectBase<"practices", Columns, "partial", Record<string, "not-null">, true>;
}

/** The list's filters as conditions (see PracticeFilters), for this list and the search fallback alike. */
export async function publishedPracticeFilters(query: PracticeListQuery & SearchOnlyFilters): Promise<PracticeFilters> {
  const tree = await getFrameworkTree(SPBE_2020);
  const indicatorId = query.indicator
    ? ([...tree.indicatorsById.values()].find((indicator) => indicator.number === query.indicator)?.id ?? -1)
    : null;
  return {
    // Indicators from the copy on practices (practices_published_indicators_idx), not the revision.
    practice: and(
      indicatorId !== null ? sql`${practices.publishedIndicatorIds} @> ${integerArray([indicatorId])}` : undefined,
      ...[query.domain, query.aspect].map((group) => (group ? sql`${practices.publishedIndicatorIds} && ${integerArray(indicatorIdsUnder(tree, group))}` : undefined)),
      query.region ? eq(practices.regionCode, query.region) : undefined,
    ),
    revision: and(
      query.stage ? eq(practiceRevisions.stage, query.stage) : undefined,
      query.tag ? sql`${practiceRevisions.tags} @> array[${query.tag}]::text[]` : undefined,
      query.text ? matchesText(query.text) : undefined,
      query.status ? eq(practiceRevisions.runningStatus, query.status) : undefined,
      query.year ? sql`left(${practiceRevisions.startedOn}, 4) = ${String(query.year)}` : undefined,
      query.language === "en" ? sql`btrim(${practiceRevisions.titleEn}) <> ''` : undefined,
    ),
    region: and(
      query.province ? eq(regions.provinceCode, query.province) : undefined,
      query.regionType ? eq(regions.type, query.regionType) : undefined,
    ),
  };
}

/** The public practice list: published revisions only, filtered and sorted as the URL says, `pageSize` a page (an API client may ask for another). */
export async function listPublishedPractices(query: PracticeListQuery & SearchOnlyFilters, pageSize = PRACTICE_PAGE_SIZE) {
  const filters = await publishedPracticeFilters(query);
  const [totalRow] = await selectMatchingPractices({ value: count() }, filters);
  const { total, page, pageCount, offset } = paginate(totalRow?.value ?? 0, query.page, pageSize);
  // The page's ids first, from the narrow rows, then the text for that page only. Ties: newest
  // publication first, then the highest id (practices_most_adopted_idx holds this order).
  const mostAdopted = query.sort === "terbanyak-diadopsi";
  const listOrder = (row: { id: SQLWrapper; publishedAt: SQLWrapper; adoptions: SQLWrapper }) => [
    ...(mostAdopted ? [desc(row.adoptions)] : []),
    desc(row.publishedAt),
    desc(row.id),
  ];
  const pageColumns = { id: practices.id, publishedAt: practices.publishedAt, adoptions: practices.publicAdoptionCount };
  const listPage = selectMatchingPractices(pageColumns, filters)
    .orderBy(...listOrder(pageColumns))
    .limit(pageSize)
    .offset(offset)
    .as("list_page");
  const rows = await selectPublicPractices(publishedListColumns)
    .innerJoin(listPage, eq(listPage.id, practices.id))
    .orderBy(...listOrder(listPage));
  return { total, page, pageCount, practices: rows };
}

export type PublishedPracticeSummary = Awaited<ReturnType<typeof listPublishedPractices>>["practices"][number];

let tagCache: { loadedAt: number; tags: Promise<{ tag: string; uses: number }[]> } | null = null;
const TAG_CACHE_MS = 60_000;

/**
 * Tags in use on public practices, most used first, for the list's tag filter. Counting means
 * unnesting every published revision's tags, so the answer is kept for a minute.
 */
export function listPracticeTags(): Promise<{ tag: string; uses: number }[]> {
  if (!tagCache || Date.now() - tagCache.loadedAt > TAG_CACHE_MS) {
    tagCache = { loadedAt: Date.now(), tags: loadPracticeTags() };
    tagCache.tags.catch(() => (tagCache = null));
  }
  return tagCache.tags;
}

async function loadPracticeTags(limit = 40) {
  const tag = sql<string>`unnest(${practiceRevisions.tags})`;
  const rows = await selectPublicPractices({ tag, uses: count() })
    .groupBy(sql`1`)
    .orderBy(desc(count()), asc(sql`1`))
    .limit(limit);
  return rows;
}

/**
 * Practices this viewer works on, newest revision's title: a region's editors see their
 * region's, curators and admins see all. Waiting submissions come oldest first (a queue).
 */
export async function listWorkspacePractices(actor: Actor, query: WorkspaceQuery) {
  const latest = alias(practiceRevisions, "latest_revision");
  const regionScope = actor.role === "editor" ? actor.regionCode : query.region;
  const where = and(
    regionScope ? eq(practices.regionCode, regionScope) : undefined,
    query.province && actor.role !== "editor" ? eq(regions.provinceCode, query.province) : undefined,
    query.state ? eq(practices.state, query.state) : undefined,
  );
  const [totalRow] = await db()
    .select({ value: count() })
    .from(practices)
    .innerJoin(regions, eq(regions.code, practices.regionCode))
    .where(where);
  const { total, page, pageCount, offset } = paginate(totalRow?.value ?? 0, query.page);
  const order = query.state === "submitted" ? [asc(practices.submittedAt), asc(practices.id)] : [desc(practices.updatedAt), desc(practices.id)];
  const rows = await db()
    .select({
      id: practices.id,
      title: latest.title,
      state: practices.state,
      version: practices.version,
      isPublic: sql<boolean>`${isPublicSql()}`,
      regionName: regions.name,
      provinceName: provinces.name,
      submittedAt: practices.submittedAt,
      updatedAt: practices.updatedAt,
    })
    .from(practices)
    .innerJoin(latest, eq(latest.id, practices.latestRevisionId))
    .innerJoin(regions, eq(regions.code, practices.regionCode))
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .where(where)
    .orderBy(...order)
    .limit(PRACTICE_PAGE_SIZE)
    .offset(offset);
  return { total, page, pageCount, practices: rows };
}

export const REGION_PRACTICES_SHOWN = 10;

/** For a region profile: its newest public practices, and the adoptions it gave and received. */
export async function getRegionPracticeOverview(regionCode: string) {
  const [own, edges] = await Promise.all([
    listPublishedPractices({ province: null, region: regionCode, indicator: null, stage: null, tag: null, sort: "terbaru", page: 1 }),
    listPublicAdoptions(regionCode),
  ]);
  return {
    practices: own.practices.slice(0, REGION_PRACTICES_SHOWN),
    total: own.total,
    shared: edges.filter((edge) => edge.sourceRegionCode === regionCode),
    adopted: edges.filter((edge) => edge.adopterRegionCode === regionCode),
  };
}

/**
 * Adoptions whose adopting practice is public, newest first, with both ends' names. The source
 * practice's title is given only when that practice is public too. Optionally only those
 * touching a region, and only the newest `limit` (the feed).
 */
export async function listPublicAdoptions(regionCode?: string, limit?: number): Promise<PublicAdoption[]> {
  if (regionCode === undefined) return selectPublicAdoptions(undefined, limit);
  // Two queries, each on an index: one condition naming both regions (adopter or source) made
  // PostgreSQL join all adoptions to all practices first, 5 ms for a region's handful.
  const [adoptedHere, sharedFromHere] = await Promise.all([
    selectPublicAdoptions(eq(practices.regionCode, regionCode), limit),
    selectPublicAdoptions(eq(practiceAdoptions.sourceRegionCode, regionCode), limit),
  ]);
  // Recording refuses a practice's own region as its source; should such a row exist anyway, it is listed once.
  const byAdopter = new Map([...adoptedHere, ...sharedFromHere].map((adoption) => [adoption.adopterPracticeId, adoption]));
  return [...byAdopter.values()].sort(newestAdoptionFirst).slice(0, limit);
}

function selectPublicAdoptions(where: SQL | undefined, limit: number | undefined) {
  const sourceRegion = alias(regions, "source_region");
  const source = alias(practices, "source_practice");
  const sourceRevision = alias(practiceRevisions, "source_revision");
  return selectPublicPractices(
    {
      adopterPracticeId: practices.id,
      adopterTitle: practiceRevisions.title,
      adopterRegionCode: regions.code,
      adopterRegionName: regions.name,
      sourcePracticeId: whenPublic<number>(source, source.id),
      sourceTitle: whenPublic<string>(source, sourceRevision.title),
      sourceRegionCode: sourceRegion.code,
      sourceRegionName: sourceRegion.name,
      note: practiceAdoptions.note,
      recordedAt: practiceAdoptions.recordedAt,
    },
    { where },
  )
    .innerJoin(practiceAdoptions, eq(practiceAdoptions.adopterPracticeId, practices.id))
    .innerJoin(sourceRegion, eq(sourceRegion.code, practiceAdoptions.sourceRegionCode))
    .leftJoin(source, eq(source.id, practiceAdoptions.sourcePracticeId))
    .leftJoin(sourceRevision, eq(sourceRevision.id, source.publishedRevisionId))
    .orderBy(desc(practiceAdoptions.recordedAt), desc(practiceAdoptions.adopterPracticeId))
    .limit(limit ?? Number.MAX_SAFE_INTEGER);
}

/** The order both queries above sort by: newest recorded first, then the highest adopting practice. */
function newestAdoptionFirst(a: PublicAdoption, b: PublicAdoption): number {
  return b.recordedAt.getTime() - a.recordedAt.getTime() || b.adopterPracticeId - a.adopterPracticeId;
}

export type PublicAdoption = Awaited<ReturnType<typeof selectPublicAdoptions>>[number];
