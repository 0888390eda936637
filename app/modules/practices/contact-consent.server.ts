/** The consent of a practice's contact person: recording it, and who may then see the contact. */
import { and, eq } from "drizzle-orm";
import { practiceContactConsents, users } from "../../../db/schema";
import { type Actor, can } from "../auth";
import { db, type DatabaseOrTransaction } from "../db.server";
import { CONTACT_PURPOSE_VERSION, type VisibleContact } from "./contact";

/**
 * Records that `actorId` confirmed the person's consent to this exact contact text. A consent
 * already recorded for the same text stays as it was (who first recorded it, when, which note).
 */
export async function recordContactConsent(executor: DatabaseOrTransaction, input: { practiceId: number; contact: string; actorId: number }) {
  if (input.contact === "") return;
  await executor
    .insert(practiceContactConsents)
    .values({ practiceId: input.practiceId, contact: input.contact, purposeVersion: CONTACT_PURPOSE_VERSION, recordedById: input.actorId })
    .onConflictDoNothing();
}

/** The consent recorded for this contact text of the practice, or null. */
export async function getContactConsent(practiceId: number, contact: string): Promise<VisibleContact["consent"]> {
  if (contact === "") return null;
  const [row] = await db()
    .select({ purposeVersion: practiceContactConsents.purposeVersion, recordedAt: practiceContactConsents.recordedAt, recordedByName: users.name })
    .from(practiceContactConsents)
    .innerJoin(users, eq(users.id, practiceContactConsents.recordedById))
    .where(and(eq(practiceContactConsents.practiceId, practiceId), eq(practiceContactConsents.contact, contact)));
  return row ?? null;
}

/**
 * The revision's contact if this viewer may see it (permission "contact.view"), else null. A
 * contact saved before consents were recorded has none: only the region's editors and
 * Kemendagri see it, until an editor confirms the consent by saving it again.
 */
export async function visibleContact(actor: Actor | null, practice: { id: number; regionCode: string }, contact: string): Promise<VisibleContact | null> {
  if (!actor || contact === "") return null;
  const consent = await getContactConsent(practice.id, contact);
  return can(actor, { action: "contact.view", regionCode: practice.regionCode, consented: consent !== null }) ? { text: contact, consent } : null;
}
