import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { practiceAdoptions, practiceRevisions, practices, regions } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { enqueueSearchUpdate } from "../change-feed/enqueue.server";
import { db, type DatabaseOrTransaction } from "../db.server";
import { once } from "../forms/submit-once.server";
import type { FieldErrors } from "../forms/form-data";
import { invalidateAdoptionNetwork } from "./network-cache.server";
import { notifyAdoptionRecorded } from "./practice-notifications.server";
import { getPracticeHeader } from "./practice-queries.server";
import { selectPublicPractices, whenPublic } from "./public-practices.server";
import { isPublic } from "./workflow";

/** What this practice was adopted from; the source practice is named only while it is public. */
export async function getAdoptedFrom(adopterPracticeId: number) {
  const sourceRegion = alias(regions, "source_region");
  const source = alias(practices, "source_practice");
  const sourceRevision = alias(practiceRevisions, "source_revision");
  const [row] = await db()
    .select({
      sourcePracticeId: whenPublic<number>(source, source.id),
      sourceTitle: whenPublic<string>(source, sourceRevision.title),
      sourceRegionCode: sourceRegion.code,
      sourceRegionName: sourceRegion.name,
      note: practiceAdoptions.note,
    })
    .from(practiceAdoptions)
    .innerJoin(sourceRegion, eq(sourceRegion.code, practiceAdoptions.sourceRegionCode))
    .leftJoin(source, eq(source.id, practiceAdoptions.sourcePracticeId))
    .leftJoin(sourceRevision, eq(sourceRevision.id, source.publishedRevisionId))
    .where(eq(practiceAdoptions.adopterPracticeId, adopterPracticeId));
  return row ?? null;
}

/** Public practices (published by another region) that record this one as their source. */
export async function listAdoptersOf(sourcePracticeId: number) {
  return selectPublicPractices(
    {
      practiceId: practices.id,
      title: practiceRevisions.title,
      regionCode: regions.code,
      regionName: regions.name,
      note: practiceAdoptions.note,
    },
    { where: eq(practiceAdoptions.sourcePracticeId, sourcePracticeId) },
  )
    .innerJoin(practiceAdoptions, eq(practiceAdoptions.adopterPracticeId, practices.id))
    .orderBy(regions.name);
}

export type AdoptionResult = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * Records (or replaces) where a practice was adopted from: a public practice of another
 * region, or that region alone when its practice is not on the platform. Pass a transaction to
 * record it together with what caused it (an approved application request).
 */
export async function recordAdoption(input: {
  adopterPracticeId: number;
  sourcePracticeId: number | null;
  sourceRegionCode: string;
  note: string;
  actorId: number;
  ip: string;
  formToken?: string | null;
}, executor: DatabaseOrTransaction = db()): Promise<AdoptionResult> {
  const adopter = await getPracticeHeader(input.adopterPracticeId);
  if (!adopter) return { ok: false, errors: { form: { code: "practiceUnknown" } } };
  let sourceRegionCode = input.sourceRegionCode;
  if (input.sourcePracticeId !== null) {
    const source = await getPracticeHeader(input.sourcePracticeId);
    if (!source || !isPublic(source) || source.id === adopter.id) {
      return { ok: false, errors: { sourcePracticeId: { code: "practiceUnknown" } } };
    }
    sourceRegionCode = source.regionCode;
  }
  const region = await db().query.regions.findFirst({ where: eq(regions.code, sourceRegionCode), columns: { code: true } });
  if (!region) return { ok: false, errors: { sourceRegionCode: { code: "regionUnknown" } } };
  if (sourceRegionCode === adopter.regionCode) return { ok: false, errors: { sourceRegionCode: { code: "sourceSameRegion" } } };

  // A replayed form records nothing again (the audit log keeps one entry).
  const submission = {
    userId: input.actorId,
    scope: `adoption:${adopter.id}`,
    token: input.formToken ?? null,
    sent: { sourcePracticeId: input.sourcePracticeId, sourceRegionCode, note: input.note },
  };
  await executor.transaction((tx) => once(tx, submission, async () => {
    const [before] = await tx.select().from(practiceAdoptions).where(eq(practiceAdoptions.adopterPracticeId, adopter.id));
    const values = { sourcePracticeId: input.sourcePracticeId, sourceRegionCode, note: input.note, recordedById: input.actorId, recordedAt: new Date() };
    await tx
      .insert(practiceAdoptions)
      .values({ adopterPracticeId: adopter.id, ...values })
      .onConflictDoUpdate({ target: practiceAdoptions.adopterPracticeId, set: values });
    // The source region hears of it once: not again when only the note or the practice changes.
    if (before?.sourceRegionCode !== sourceRegionCode) {
      await notifyAdoptionRecorded(tx, { adopterPracticeId: adopter.id, sourcePracticeId: input.sourcePracticeId, sourceRegionCode, actorId: input.actorId });
    }
    // Adoption counts are part of the source practices' search documents (old and new source).
    const changed = new Set([adopter.id, before?.sourcePracticeId, input.sourcePracticeId]);
    for (const practiceId of changed) if (practiceId) await enqueueSearchUpdate(tx, "practice", practiceId);
    await recordAudit(
      {
        actorId: input.actorId,
        action: "practice.adoption_recorded",
        targetType: "practice",
        targetId: adopter.id,
        before: before ? { sourcePracticeId: before.sourcePracticeId, sourceRegionCode: before.sourceRegionCode } : null,
        after: { sourcePracticeId: input.sourcePracticeId, sourceRegionCode },
        ip: input.ip,
      },
      tx,
    );
    return true;
  }));
  await invalidateAdoptionNetwork();
  return { ok: true };
}

export async function removeAdoption(input: { adopterPracticeId: number; actorId: number; ip: string }): Promise<void> {
  await db().transaction(async (tx) => {
    const removed = await tx
      .delete(practiceAdoptions)
      .where(eq(practiceAdoptions.adopterPracticeId, input.adopterPracticeId))
      .returning({ sourcePracticeId: practiceAdoptions.sourcePracticeId, sourceRegionCode: practiceAdoptions.sourceRegionCode });
    if (removed.length === 0) return;
    // The former source's adoption count (part of its search document) drops.
    for (const practiceId of new Set([input.adopterPracticeId, removed[0]!.sourcePracticeId])) {
      if (practiceId) await enqueueSearchUpdate(tx, "practice", practiceId);
    }
    await recordAudit(
      { actorId: input.actorId, action: "practice.adoption_removed", targetType: "practice", targetId: input.adopterPracticeId, before: removed[0], ip: input.ip },
      tx,
    );
  });
  await invalidateAdoptionNetwork();
}
