/** Reading one practice: its workflow row, revisions, place, dates and review conversation. */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { practiceAttachments, practiceReviewEvents, practiceRevisions, practices, provinces, regions, users } from "../../../db/schema";
import { db, type DatabaseOrTransaction } from "../db.server";
import type { PracticeState } from "./workflow";

export interface PracticeHeader {
  id: number;
  regionCode: string;
  state: PracticeState;
  version: number;
  latestRevisionId: number;
  publishedRevisionId: number | null;
}

/** The practice's workflow row; `forUpdate` locks it until the caller's transaction ends. */
export async function getPracticeHeader(
  id: number,
  executor: DatabaseOrTransaction = db(),
  options: { forUpdate?: boolean } = {},
): Promise<PracticeHeader | null> {
  const query = executor
    .select({
      id: practices.id,
      regionCode: practices.regionCode,
      state: practices.state,
      version: practices.version,
      latestRevisionId: practices.latestRevisionId,
      publishedRevisionId: practices.publishedRevisionId,
    })
    .from(practices)
    .where(eq(practices.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ? { ...row, latestRevisionId: row.latestRevisionId ?? 0 } : null;
}

/** One revision's content, as the form and the pages use it. */
export async function getRevision(revisionId: number) {
  const revision = await db().query.practiceRevisions.findFirst({ where: eq(practiceRevisions.id, revisionId) });
  if (!revision) return null;
  const attachments =
    revision.attachmentIds.length > 0
      ? await db()
          .select({
            id: practiceAttachments.id,
            kind: practiceAttachments.kind,
            fileName: practiceAttachments.fileName,
            byteSize: practiceAttachments.byteSize,
          })
          .from(practiceAttachments)
          .where(and(eq(practiceAttachments.practiceId, revision.practiceId), inArray(practiceAttachments.id, revision.attachmentIds)))
          .orderBy(asc(practiceAttachments.id))
      : [];
  return { ...revision, attachments };
}

export type PracticeRevision = NonNullable<Awaited<ReturnType<typeof getRevision>>>;

/** The practice's place, for headings and breadcrumbs. */
export async function getPracticeRegion(regionCode: string) {
  const [row] = await db()
    .select({ code: regions.code, name: regions.name, provinceName: provinces.name })
    .from(regions)
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .where(eq(regions.code, regionCode));
  return row ?? null;
}

export async function getPracticeMeta(id: number) {
  const [row] = await db()
    .select({
      compiledFromPublicSources: practices.compiledFromPublicSources,
      firstPublishedAt: practices.firstPublishedAt,
      publishedAt: practices.publishedAt,
      submittedAt: practices.submittedAt,
      createdAt: practices.createdAt,
    })
    .from(practices)
    .where(eq(practices.id, id));
  return row ?? null;
}

/** The review conversation, oldest first, for the region's editors and curators. */
export async function listReviewEvents(practiceId: number) {
  const revision = alias(practiceRevisions, "event_revision");
  return db()
    .select({
      id: practiceReviewEvents.id,
      kind: practiceReviewEvents.kind,
      body: practiceReviewEvents.body,
      createdAt: practiceReviewEvents.createdAt,
      authorName: users.name,
      revisionNumber: revision.number,
    })
    .from(practiceReviewEvents)
    .leftJoin(users, eq(users.id, practiceReviewEvents.authorId))
    .innerJoin(revision, eq(revision.id, practiceReviewEvents.revisionId))
    .where(eq(practiceReviewEvents.practiceId, practiceId))
    .orderBy(asc(practiceReviewEvents.id));
}

/** Every revision, newest first, with who saved it and which one is published. */
export async function listRevisions(practiceId: number) {
  return db()
    .select({
      id: practiceRevisions.id,
      number: practiceRevisions.number,
      title: practiceRevisions.title,
      createdAt: practiceRevisions.createdAt,
      authorName: users.name,
    })
    .from(practiceRevisions)
    .leftJoin(users, eq(users.id, practiceRevisions.authorId))
    .where(eq(practiceRevisions.practiceId, practiceId))
    .orderBy(desc(practiceRevisions.number));
}

export async function getRevisionByNumber(practiceId: number, number: number) {
  const row = await db().query.practiceRevisions.findFirst({
    where: and(eq(practiceRevisions.practiceId, practiceId), eq(practiceRevisions.number, number)),
    columns: { id: true },
  });
  return row ? getRevision(row.id) : null;
}
