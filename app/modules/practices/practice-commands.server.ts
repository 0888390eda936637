/** The practice workflow's writes: create, revise, change evidence, decide. Each is one transaction. */
import { eq, sql } from "drizzle-orm";
import { practiceAdoptions, practiceAttachments, practiceReviewEvents, practiceRevisions, practices } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { can, type Actor } from "../auth";
import { enqueueSearchUpdate } from "../change-feed/enqueue.server";
import { db, type DatabaseOrTransaction } from "../db.server";
import { notifyFollowersOfNewPractice } from "../follows/index.server";
import { once } from "../forms/submit-once.server";
import { recordContactConsent } from "./contact-consent.server";
import { invalidateAdoptionNetwork } from "./network-cache.server";
import type { PracticeContent } from "./practice-content";
import { notifyReviewStep } from "./practice-notifications.server";
import { getPracticeHeader, type PracticeHeader } from "./practice-queries.server";
import {
  decisionChangesWhatIsPublic,
  decisionNeedsCurator,
  type PracticeState,
  type ReviewDecision,
  stateAfterDecision,
  stateAfterEdit,
} from "./workflow";

interface WriteContext {
  actorId: number;
  ip: string;
  /** The form's one-time token: the same form sent again (a double click, a resend) writes once. */
  formToken?: string | null;
}

/**
 * `contactConsent`: the actor confirmed that the content's contact person agreed to be contacted
 * through IDSL (the form requires it). Without it a contact is stored but seen only by the
 * region's editors and Kemendagri (see visibleContact).
 */
interface ContentWrite {
  content: PracticeContent;
  contactConsent?: boolean;
}

export async function createPractice(
  input: WriteContext & ContentWrite & { regionCode: string; submit: boolean },
  executor: DatabaseOrTransaction = db(),
): Promise<{ id: number }> {
  const submission = {
    userId: input.actorId,
    scope: `practice:new:${input.regionCode}`,
    token: input.formToken ?? null,
    sent: { content: input.content, contactConsent: input.contactConsent ?? false, submit: input.submit },
  };
  return executor.transaction((tx) => once(tx, submission, async () => {
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
    if (input.contactConsent) await recordContactConsent(tx, { practiceId: id, contact: input.content.contact, actorId: input.actorId });
    if (input.submit) {
      await recordReviewEvent(tx, { practiceId: id, revisionId: revision!.id, kind: "submitted", authorId: input.actorId });
      await notifyReviewStep(tx, { practiceId: id, decision: "submit", actorId: input.actorId });
    }
    await recordAudit(
      { actorId: input.actorId, action: "practice.created", targetType: "practice", targetId: id, after: { state, title: input.content.title }, ip: input.ip },
      tx,
    );
    return { id };
  }));
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
  input: WriteContext & ContentWrite & { practiceId: number; baseVersion: number; submit: boolean },
): Promise<SaveResult> {
  // A replay is answered like the first save instead of as a conflict with itself.
  const submission = {
    userId: input.actorId,
    scope: `practice:${input.practiceId}`,
    token: input.formToken ?? null,
    sent: { baseVersion: input.baseVersion, content: input.content, contactConsent: input.contactConsent ?? false, submit: input.submit },
  };
  return db().transaction((tx) => once<SaveResult>(tx, submission, async () => {
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
    if (input.contactConsent) await recordContactConsent(tx, { practiceId: practice.id, contact: input.content.contact, actorId: input.actorId });
    const submitted = input.submit ? stateAfterDecision({ state: edited, newestIsPublished: false }, "submit") : null;
    const state = submitted ?? edited;
    await tx
      .update(practices)
      .set({ state, ...(submitted ? { submittedAt: new Date() } : {}) })
      .where(eq(practices.id, practice.id));
    if (submitted) {
      await recordReviewEvent(tx, { practiceId: practice.id, revisionId, kind: "submitted", authorId: input.actorId });
      await notifyReviewStep(tx, { practiceId: practice.id, decision: "submit", actorId: input.actorId });
    }
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
  }));
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
  // A replayed upload adds nothing: its second copy of the bytes stays unrecorded, and the
  // orphan clean-up queued with every stored file removes it (see storeUpload).
  const submission = {
    userId: input.actorId,
    scope: `practice_attachments:${input.practiceId}`,
    token: input.formToken ?? null,
    sent: { baseVersion: input.baseVersion, add: input.add ? { fileName: input.add.fileName, sha256: input.add.sha256 } : null, remove: input.remove ?? null },
  };
  return executor.transaction((tx) => once<SaveResult>(tx, submission, async () => {
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
  }));
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
  formToken?: string | null;
}): Promise<DecisionResult> {
  // A comment sent twice is one comment; a decision sent twice is answered like the first.
  const submission = {
    userId: input.actor.id,
    scope: `practice_review:${input.practiceId}`,
    token: input.formToken ?? null,
    sent: { decision: input.decision, comment: input.comment, seenVersion: input.seenVersion },
  };
  const result = await db().transaction((tx) => once<DecisionResult>(tx, submission, async () => {
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
    if (decisionChangesWhatIsPublic(input.decision)) {
      // The practice's document changes, and so does the adoption count of its source.
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
    await notifyReviewStep(tx, { practiceId: practice.id, decision: input.decision, actorId: input.actor.id });
    // A practice's first publication is new in what people follow; a later one is a revision (in their feed only).
    if (input.decision === "publish" && practice.publishedRevisionId === null) await notifyFollowersOfNewPractice(tx, { practiceId: practice.id, actorId: input.actor.id });
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
  }));
  // Which adoptions are public changes with the practice.
  if (result.ok && decisionChangesWhatIsPublic(input.decision)) await invalidateAdoptionNetwork();
  return result;
}

/**
 * Refreshes the practice a given practice was adopted from: its adoption count only counts
 * public adopters, so publishing or archiving the adopter changes the source's document.
 */
async function enqueueAdoptionSourceUpdate(executor: DatabaseOrTransaction, adopterPracticeId: number): Promise<void> {
  const [adoption] = await executor
    .select({ sourcePracticeId: practiceAdoptions.sourcePracticeId })
    .from(practiceAdoptions)
    .where(eq(practiceAdoptions.adopterPracticeId, adopterPracticeId));
  if (adoption?.sourcePracticeId) await enqueueSearchUpdate(executor, "practice", adoption.sourcePracticeId);
}
