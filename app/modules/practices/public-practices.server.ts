/**
 * What the public sees of practices, in SQL: the visibility rule (`isPublic` in workflow.ts)
 * as a condition, and the one query every public list starts from.
 */
import { and, eq, isNotNull, ne, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { AnyPgColumn, PgSelectBase, SelectedFields } from "drizzle-orm/pg-core";
import { practiceRevisions, practices, provinces, regions } from "../../../db/schema";
import { db, type DatabaseOrTransaction } from "../db.server";

/** The practices table or an alias of it. */
type PracticeTable = { publishedRevisionId: AnyPgColumn; state: AnyPgColumn };

/** `isPublic` (workflow.ts) as a condition on a practices table or alias. */
export function isPublicSql(table: PracticeTable = practices) {
  return and(isNotNull(table.publishedRevisionId), ne(table.state, "archived"))!;
}

/** A joined practice's value, or null while that practice is not public (e.g. a draft source). */
export function whenPublic<T>(table: PracticeTable, value: SQLWrapper) {
  return sql<T | null>`case when ${isPublicSql(table)} then ${value} end`;
}

/**
 * Public practices with their published revision, region and province (`practices`,
 * `practiceRevisions`, `regions`, `provinces` in `columns` and `where`), as a dynamic query the
 * caller may join, order and page further.
 */
export function selectPublicPractices<Columns extends SelectedFields>(
  columns: Columns,
  options: { where?: SQL; executor?: DatabaseOrTransaction } = {},
) {
  const query = (options.executor ?? db())
    .select(columns as SelectedFields)
    .from(practices)
    .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.publishedRevisionId))
    .innerJoin(regions, eq(regions.code, practices.regionCode))
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .where(and(isPublicSql(), options.where))
    .$dynamic();
  // Drizzle cannot type joins over a generic selection; every join here is inner, so no column turns nullable.
  return query as unknown as PgSelectBase<"practices", Columns, "partial", Record<string, "not-null">, true>;
}
