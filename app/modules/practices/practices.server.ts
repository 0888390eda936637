import type { AppLoadContext } from "@remix-run/node";
import { and, asc, desc, eq, inArray, isNotNull, ne, type SQLWrapper, sql } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import {
  practiceAttachments,
  practiceReviewEvents,
  practiceRevisions,
  practices,
  provinces,
  regions,
  users,
} from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { requirePermission, requireUser } from "../auth/guards.server";
import { can, type Actor } from "../auth/permissions";
import { db, type DatabaseOrTransaction } from "../db.server";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/frameworks.server";
import { enqueueAdoptionSourceUpdate, enqueueSearchUpdate } from "../search/outbox-enqueue.server";
import { type FieldErrors, fieldErrorsFrom } from "../forms/form-data";
import { invalidateAdoptionNetwork } from "./network-cache.server";
import type { NumberConvention } from "../numbers/locale-number";
import { parsePracticeContent, type PracticeContent, type PracticeFormValues } from "./practice-content";
import {
  decisionNeedsCurator,
  type PracticeState,
  type ReviewDecision,
  stateAfterDecision,
  stateAfterEdit,
} from "./workflow";

/** The practices table or an alias of it. */
type PracticeTable = { publishedRevisionId: AnyPgColumn; state: AnyPgColumn };

/** Visible to everyone: a revision was published and the practice is not archived. */
export function isPublicPractice(table: PracticeTable = practices) {
  return and(isNotNull(table.publishedRevisionId), ne(table.state, "archived"))!;
}

export const practiceIsPublic = isPublicPractice();

/** A joined practice's value, or null while that practice is not public (e.g. a draft source). */
export function whenPublic<T>(table: PracticeTable, value: SQLWrapper) {
  return sql<T | null>`case when ${isPublicPractice(table)} then ${value} end`;
}

/** Form values → content, with indicators checked against the framework the form offers. */
export async function validatePracticeContent(
  values: PracticeFormValues,
  convention: NumberConvention,
): Promise<{ ok: true; content: PracticeContent } | { ok: false; errors: FieldErrors }> {
  const parsed = parsePracticeContent(values, convention);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  const { indicatorsById } = await getFrameworkTree(SPBE_2020);
  if (parsed.data.indicatorIds.some((id) => !indicatorsById.has(id))) {
    return { ok: false, errors: { indicatorIds: { code: "indicatorUnknown" } } };
  }
  return { ok: true, content: parsed.data };
}

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

/** The practice named in a URL (`/praktik/:id`), or a 404 response. */
export async function practiceFromParams(id: string | undefined): Promise<PracticeHeader> {
  const practice = id && /^\d{1,9}$/.test(id) ? await getPracticeHeader(Number(id)) : null;
  if (!practice) throw new Response(null, { status: 404 });
  return practice;
}

/**
 * The practice in the URL for a signed-in viewer who may see its unpublished revisions (its
 * region's editors, curators, admins); otherwise the sign-in redirect or 403.
 */
export async function requireWorkingCopy(request: Request, context: AppLoadContext, id: string | undefined) {
  const practice = await practiceFromParams(id);
  const user = await requireUser(request, context);
  if (!canSeeWorkingCopy(user, practice)) throw new Response(null, { status: 403 });
  return { practice, user };
}

/** The practice in the URL for one of its writers (its region's editors, curators, admins). */
export async function requirePracticeWriter(request: Request, context: AppLoadContext, id: string | undefined) {
  const practice = await practiceFromParams(id);
  const user = await requirePermission(request, context, { action: "practice.write", regionCode: practice.regionCode });
  return { practice, user };
}

/** May this viewer see the practice's unpublished revisions and its review conversation? */
export function canSeeWorkingCopy(actor: Actor | null, practice: { regionCode: string }): boolean {
  return can(actor, { action: "practice.write", regionCode: practice.regionCode }) || can(actor, { action: "practice.review" });
}

export function isPublic(practice: Pick<PracticeHeader, "state" | "publishedRevisionId">): boolean {
  return practice.publishedRevisionId !== null && practice.state !== "archived";
}

interface WriteContext {
  actorId: number;
  ip: string;
}

export async function createPractice(
  input: WriteContext & { regionCode: string; content: PracticeContent; submit: boolean },
  executor: DatabaseOrTransaction = db(),
): Promise<{ id: number }> {
  return executor.transaction(async (tx) => {
    const now = new Date();
    const state: PracticeState = input.submit ? "submitted" : "draft";
    const [practice] = await tx
      .insert(practices)
      .values({ regionCode: input.regionCode, state, createdById: input.actorId, submittedAt: input.submit ? now : null })
      .returning({ id: practices.id });
    const id = practice!.id;
    const [revision] = await tx
      .insert(practiceRevisions)
      .values({ practiceId: id, number: 1, ...input.content, authorId: input.actorId })
      .returning({ id: practiceRevisions.id });
    await tx.update(practices).set({ latestRevisionId: revision!.id }).where(eq(practices.id, id));
    if (input.submit) await recordReviewEvent(tx, { practiceId: id, revisionId: revision!.id, kind: "submitted", authorId: input.actorId });
    await recordAudit(
      { actorId: input.actorId, action: "practice.created", targetType: "practice", targetId: id, after: { state, title: input.content.title }, ip: input.ip },
      tx,
    );
    return { id };
  });
}

export type SaveResult =
  | { ok: true; state: PracticeState }
  | { ok: false; reason: "conflict"; currentVersion: number }
  | { ok: false; reason: "not_editable" };

/**
 * Saves a new revision if nobody saved since `baseVersion` (optimistic locking). Revising a
 * published practice starts a new draft while the published revision stays public.
 */
export async function savePracticeRevision(
  input: WriteContext & { practiceId: number; baseVersion: number; content: PracticeContent; submit: boolean },
): Promise<SaveResult> {
  return db().transaction(async (tx) => {
    const practice = await lockPractice(tx, input.practiceId);
    if (!practice) return { ok: false, reason: "not_editable" } as const;
    if (practice.version !== input.baseVersion) return { ok: false, reason: "conflict", currentVersion: practice.version } as const;
    const edited = stateAfterEdit(practice.state);
    if (!edited) return { ok: false, reason: "not_editable" } as const;
    const [latest] = await tx
      .select({ attachmentIds: practiceRevisions.attachmentIds })
      .from(practiceRevisions)
      .where(eq(practiceRevisions.id, practice.latestRevisionId));
    const revisionId = await appendRevision(tx, practice, { ...input.content, attachmentIds: latest?.attachmentIds ?? [] }, input.actorId);
    const submitted = input.submit ? stateAfterDecision({ state: edited, newestIsPublished: false }, "submit") : null;
    const state = submitted ?? edited;
    await tx
      .update(practices)
      .set({ state, ...(submitted ? { submittedAt: new Date() } : {}) })
      .where(eq(practices.id, practice.id));
    if (submitted) await recordReviewEvent(tx, { practiceId: practice.id, revisionId, kind: "submitted", authorId: input.actorId });
    await recordAudit(
      {
        actorId: input.actorId,
        action: "practice.revised",
        targetType: "practice",
        targetId: practice.id,
        before: { version: practice.version, state: practice.state },
        after: { version: practice.version + 1, state },
        ip: input.ip,
      },
      tx,
    );
    return { ok: true, state } as const;
  });
}

function lockPractice(tx: DatabaseOrTransaction, id: number) {
  return getPracticeHeader(id, tx, { forUpdate: true });
}

type RevisionFields = PracticeContent & { attachmentIds: number[] };

/** Stores the next revision and makes it the newest; returns its id. */
async function appendRevision(tx: DatabaseOrTransaction, practice: PracticeHeader, fields: RevisionFields, authorId: number) {
  const number = practice.version + 1;
  const [revision] = await tx
    .insert(practiceRevisions)
    .values({ practiceId: practice.id, number, ...fields, authorId })
    .returning({ id: practiceRevisions.id });
  await tx
    .update(practices)
    .set({ version: number, latestRevisionId: revision!.id, updatedAt: new Date() })
    .where(eq(practices.id, practice.id));
  return revision!.id;
}

/**
 * Adds or removes evidence as a new revision, so attachments go through review like any edit.
 * A new file's row is written after the practice is locked: inserting it first would take a
 * share lock on the practice that two concurrent uploads could not both upgrade (a deadlock).
 */
export async function changeAttachments(
  input: WriteContext & { practiceId: number; baseVersion: number; add?: Omit<typeof practiceAttachments.$inferInsert, "practiceId">; remove?: number },
  executor: DatabaseOrTransaction = db(),
): Promise<SaveResult> {
  return executor.transaction(async (tx) => {
    const practice = await lockPractice(tx, input.practiceId);
    if (!practice) return { ok: false, reason: "not_editable" } as const;
    if (practice.version !== input.baseVersion) return { ok: false, reason: "conflict", currentVersion: practice.version } as const;
    const state = stateAfterEdit(practice.state);
    if (!state) return { ok: false, reason: "not_editable" } as const;
    const latest = await tx.query.practiceRevisions.findFirst({ where: eq(practiceRevisions.id, practice.latestRevisionId) });
    if (!latest) return { ok: false, reason: "not_editable" } as const;
    const { id: _id, practiceId: _practiceId, number: _number, authorId: _authorId, createdAt: _createdAt, ...fields } = latest;
    const [added] = input.add ? await tx.insert(practiceAttachments).values({ ...input.add, practiceId: practice.id }).returning({ id: practiceAttachments.id }) : [];
    const attachmentIds = fields.attachmentIds.filter((id) => id !== input.remove).concat(added ? [added.id] : []);
    await appendRevision(tx, practice, { ...fields, attachmentIds }, input.actorId);
    await tx.update(practices).set({ state }).where(eq(practices.id, practice.id));
    await recordAudit(
      {
        actorId: input.actorId,
        action: added ? "practice.attachment_added" : "practice.attachment_removed",
        targetType: "practice",
        targetId: practice.id,
        after: { attachmentId: added?.id ?? input.remove, version: practice.version + 1 },
        ip: input.ip,
      },
      tx,
    );
    return { ok: true, state } as const;
  });
}

const eventKindFor = {
  submit: "submitted",
  comment: "comment",
  request_changes: "changes_requested",
  publish: "published",
  archive: "archived",
  restore: "restored",
} as const satisfies Record<ReviewDecision, string>;

async function recordReviewEvent(
  tx: DatabaseOrTransaction,
  event: { practiceId: number; revisionId: number; kind: (typeof eventKindFor)[ReviewDecision]; authorId: number; body?: string },
) {
  await tx.insert(practiceReviewEvents).values({ ...event, body: event.body ?? "" });
}

export type DecisionResult =
  | { ok: true; state: PracticeState }
  | { ok: false; reason: "conflict"; currentVersion: number }
  | { ok: false; reason: "not_allowed" | "forbidden" };

/**
 * Submits, comments on, or decides about the practice's newest revision. `seenVersion` is the
 * revision the actor looked at: a curator never publishes text they have not seen.
 */
export async function decideOnPractice(input: {
  practiceId: number;
  decision: ReviewDecision;
  comment: string;
  seenVersion: number;
  actor: Actor;
  ip: string;
}): Promise<DecisionResult> {
  const result: DecisionResult = await db().transaction(async (tx) => {
    const practice = await lockPractice(tx, input.practiceId);
    if (!practice) return { ok: false, reason: "not_allowed" } as const;
    const permitted = decisionNeedsCurator(input.decision)
      ? can(input.actor, { action: "practice.review" })
      : can(input.actor, { action: "practice.write", regionCode: practice.regionCode });
    if (!permitted) return { ok: false, reason: "forbidden" } as const;
    if (practice.version !== input.seenVersion) return { ok: false, reason: "conflict", currentVersion: practice.version } as const;
    const newestIsPublished = practice.publishedRevisionId === practice.latestRevisionId;
    const state = stateAfterDecision({ state: practice.state, newestIsPublished }, input.decision);
    if (!state) return { ok: false, reason: "not_allowed" } as const;
    const now = new Date();
    await tx
      .update(practices)
      .set({
        state,
        updatedAt: now,
        ...(input.decision === "submit" ? { submittedAt: now } : {}),
        ...(input.decision === "publish"
          ? { publishedRevisionId: practice.latestRevisionId, publishedAt: now, firstPublishedAt: sql`coalesce(${practices.firstPublishedAt}, now())` }
          : {}),
      })
      .where(eq(practices.id, practice.id));
    if (input.decision === "publish" || input.decision === "archive" || input.decision === "restore") {
      // These change what is public: the practice's document, and the adoption count of its source.
      await enqueueSearchUpdate(tx, "practice", practice.id);
      await enqueueAdoptionSourceUpdate(tx, practice.id);
    }
    await recordReviewEvent(tx, {
      practiceId: practice.id,
      revisionId: practice.latestRevisionId,
      kind: eventKindFor[input.decision],
      authorId: input.actor.id,
      body: input.comment,
    });
    await recordAudit(
      {
        actorId: input.actor.id,
        action: `practice.${eventKindFor[input.decision]}`,
        targetType: "practice",
        targetId: practice.id,
        before: { state: practice.state, version: practice.version },
        after: { state, version: practice.version, ...(input.comment ? { comment: input.comment } : {}) },
        ip: input.ip,
      },
      tx,
    );
    return { ok: true, state } as const;
  });
  // Publishing, archiving or restoring changes which adoptions are public.
  if (result.ok && input.decision !== "comment" && input.decision !== "submit") invalidateAdoptionNetwork();
  return result;
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
