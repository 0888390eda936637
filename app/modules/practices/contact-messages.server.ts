/**
 * Messages to a practice's region through IDSL: the visitor never sees the contact person; the
 * region's editors are notified (decision 0026: inbox, and email as each chose), read the
 * message on its page and reply to the sender themselves.
 */
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { notifications, practiceContactMessages, practiceRevisions, practices, regions } from "../../../db/schema";
import { db, type DatabaseOrTransaction } from "../db.server";
import type { JobHandler } from "../jobs/index.server";
import { curators, notify, regionEditors } from "../notifications/index.server";
import type { ContactMessageInput } from "./contact-message-form.server";

/** A fresh one-time token for a contact form: the message it sends is stored once, however often it is posted. */
export function newContactFormToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Stores the message unless one with the same form token is already stored (a double submit,
 * a resent POST): `created` is false then, and nobody is notified again. In the same transaction
 * each recipient is notified (inbox, and email or digest as each chose for this kind), so the
 * message reaches them only if it was stored, and exactly once.
 */
export async function storeContactMessage(input: {
  practice: { id: number; regionCode: string };
  message: ContactMessageInput;
  senderUserId: number | null;
}): Promise<{ created: false } | { created: true; id: number; recipients: number }> {
  const { message, practice } = input;
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(practiceContactMessages)
      .values({
        practiceId: practice.id,
        regionCode: practice.regionCode,
        senderName: message.name,
        senderEmail: message.email,
        senderUserId: input.senderUserId,
        purpose: message.purpose,
        body: message.body,
        formToken: message.formToken,
      })
      .onConflictDoNothing({ target: practiceContactMessages.formToken })
      .returning({ id: practiceContactMessages.id });
    if (!row) return { created: false } as const;
    const notified = await notifyOfMessage(
      tx,
      { id: row.id, practiceId: practice.id, senderName: message.name, senderUserId: input.senderUserId },
      await recipientsFor(tx, practice.regionCode),
    );
    await tx.update(practiceContactMessages).set({ deliveredAt: new Date(), recipientCount: notified.length }).where(eq(practiceContactMessages.id, row.id));
    return { created: true, id: row.id, recipients: notified.length } as const;
  });
}

async function notifyOfMessage(
  tx: DatabaseOrTransaction,
  message: { id: number; practiceId: number; senderName: string; senderUserId: number | null },
  recipients: number[],
): Promise<number[]> {
  const [revision] = await tx
    .select({ title: practiceRevisions.title })
    .from(practices)
    .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.publishedRevisionId))
    .where(eq(practices.id, message.practiceId));
  return notify(tx, {
    kind: "contactMessageReceived",
    actorId: message.senderUserId,
    recipients,
    subject: { type: "contactMessage", id: message.id, link: contactMessagePath(message.practiceId, message.id) },
    payload: { sender: message.senderName, title: revision?.title ?? "" },
  });
}

/**
 * Jobs of the queue that emailed each message to each recipient before messages reached their
 * readers through notifications. A deployment updated while some waited still has them, and
 * each is a message its recipient has not received: it becomes that recipient's notification
 * (inbox, and email as they chose), once, so none is lost and none stays queued forever.
 */
export const deliverQueuedContactMessageJob: JobHandler<{ messageId: number; recipientId: number }> = {
  name: "practices.deliver-contact-message",
  async run({ messageId, recipientId }) {
    await db().transaction(async (tx) => {
      // Locked, so a retry running beside a slow first run waits and then finds the notification.
      const [message] = await tx
        .select({ id: practiceContactMessages.id, practiceId: practiceContactMessages.practiceId, senderName: practiceContactMessages.senderName, senderUserId: practiceContactMessages.senderUserId })
        .from(practiceContactMessages)
        .where(eq(practiceContactMessages.id, messageId))
        .for("update");
      // Deleted since (with its practice): nothing to deliver.
      if (!message) return;
      const [already] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, recipientId), eq(notifications.kind, "contactMessageReceived"), eq(notifications.subjectType, "contactMessage"), eq(notifications.subjectId, String(messageId))))
        .limit(1);
      if (already) return;
      if ((await notifyOfMessage(tx, message, [recipientId])).length === 0) return;
      await tx
        .update(practiceContactMessages)
        .set({ deliveredAt: new Date(), recipientCount: sql`${practiceContactMessages.recipientCount} + 1` })
        .where(eq(practiceContactMessages.id, messageId));
    });
  },
};

/** Where a message is read: on its practice, by those it was sent to. */
export function contactMessagePath(practiceId: number, messageId: number): string {
  return `/praktik/${practiceId}/pesan/${messageId}`;
}

/**
 * Who receives messages for a region: its active editors, or Kemendagri's curators while the
 * region has none, so no message goes unread.
 */
async function recipientsFor(executor: DatabaseOrTransaction, regionCode: string): Promise<number[]> {
  const editors = await regionEditors(executor, regionCode);
  return editors.length > 0 ? editors : curators(executor);
}

/**
 * One message as its readers see it (the sender's name and email, to reply to), or null when
 * `messageId` is not a message about `practiceId`. Who may read it is the caller's check
 * (permission contactMessage.read for the message's region).
 */
export async function getContactMessage(practiceId: number, messageId: number) {
  const [message] = await db()
    .select({
      id: practiceContactMessages.id,
      regionCode: practiceContactMessages.regionCode,
      regionName: regions.name,
      senderName: practiceContactMessages.senderName,
      senderEmail: practiceContactMessages.senderEmail,
      purpose: practiceContactMessages.purpose,
      body: practiceContactMessages.body,
      createdAt: practiceContactMessages.createdAt,
      title: practiceRevisions.title,
    })
    .from(practiceContactMessages)
    .innerJoin(regions, eq(regions.code, practiceContactMessages.regionCode))
    .innerJoin(practices, eq(practices.id, practiceContactMessages.practiceId))
    .leftJoin(practiceRevisions, eq(practiceRevisions.id, practices.latestRevisionId))
    .where(and(eq(practiceContactMessages.id, messageId), eq(practiceContactMessages.practiceId, practiceId)));
  return message ?? null;
}
