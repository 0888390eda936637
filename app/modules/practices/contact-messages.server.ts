/**
 * Messages to a practice's region through IDSL: the visitor never sees the contact person; the
 * region's editors receive the message by email and reply to the sender themselves.
 */
import { randomBytes } from "node:crypto";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { practiceContactMessages, practiceRevisions, practices, regions, users } from "../../../db/schema";
import { sendMail } from "../auth/index.server";
import { db, type DatabaseOrTransaction } from "../db.server";
import { serverEnv } from "../env.server";
import { enqueueJob, type JobHandler } from "../jobs/index.server";
import type { ContactMessagePurpose } from "./contact";
import type { ContactMessageInput } from "./contact-message-form.server";

/** A fresh one-time token for a contact form: the message it sends is stored once, however often it is posted. */
export function newContactFormToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Stores the message unless one with the same form token is already stored (a double submit,
 * a resent POST): `created` is false then, and nothing is sent again. In the same transaction
 * one delivery job per recipient is queued, so the message is emailed only if it was stored.
 */
export async function storeContactMessage(input: {
  practice: { id: number; regionCode: string };
  message: ContactMessageInput;
  senderUserId: number | null;
  /** The practice page's address, for the email. */
  practiceUrl: string;
}): Promise<{ created: false } | { created: true; id: number; recipients: number }> {
  const { message } = input;
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(practiceContactMessages)
      .values({
        practiceId: input.practice.id,
        regionCode: input.practice.regionCode,
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
    const recipients = await recipientsFor(tx, input.practice.regionCode);
    for (const recipient of recipients) {
      await enqueueJob(tx, deliverContactMessageJob, { messageId: row.id, recipientId: recipient.id, practiceUrl: input.practiceUrl });
    }
    return { created: true, id: row.id, recipients: recipients.length } as const;
  });
}

/**
 * Who receives messages for a region: its active editors, or Kemendagri's curators while the
 * region has none, so no message goes unread.
 */
async function recipientsFor(executor: DatabaseOrTransaction, regionCode: string) {
  const activeUsers = (condition: SQL | undefined) =>
    executor.select({ id: users.id }).from(users).where(and(eq(users.active, true), condition)).orderBy(users.id);
  const editors = await activeUsers(and(eq(users.role, "editor"), eq(users.regionCode, regionCode)));
  return editors.length > 0 ? editors : activeUsers(eq(users.role, "curator"));
}

/**
 * Emails a stored message to one recipient, with Reply-To set to the sender, and counts it as
 * delivered. A refused send is retried by the queue; without SMTP_URL there is nothing to send
 * (as for invitations) and the message stays readable in the table.
 */
export const deliverContactMessageJob: JobHandler<{ messageId: number; recipientId: number; practiceUrl: string }> = {
  name: "practices.deliver-contact-message",
  async run({ messageId, recipientId, practiceUrl }) {
    const [message] = await db()
      .select({
        senderName: practiceContactMessages.senderName,
        senderEmail: practiceContactMessages.senderEmail,
        purpose: practiceContactMessages.purpose,
        body: practiceContactMessages.body,
        regionName: regions.name,
        title: practiceRevisions.title,
      })
      .from(practiceContactMessages)
      .innerJoin(regions, eq(regions.code, practiceContactMessages.regionCode))
      .innerJoin(practices, eq(practices.id, practiceContactMessages.practiceId))
      .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.publishedRevisionId))
      .where(eq(practiceContactMessages.id, messageId));
    const [recipient] = await db().select({ email: users.email }).from(users).where(and(eq(users.id, recipientId), eq(users.active, true)));
    // Deleted since (the practice, or the account deactivated): nothing to deliver.
    if (!message || !recipient || !serverEnv().SMTP_URL) return;
    if (!(await sendMail({ ...contactMessageMail({ ...message, practiceUrl }), to: recipient.email }))) {
      throw new Error(`contact message ${messageId} not sent to user ${recipientId}`);
    }
    await db()
      .update(practiceContactMessages)
      .set({ deliveredAt: new Date(), recipientCount: sql`${practiceContactMessages.recipientCount} + 1` })
      .where(eq(practiceContactMessages.id, messageId));
  },
};

const purposeText: Record<ContactMessagePurpose, { id: string; en: string }> = {
  replication: { id: "Replikasi praktik ini", en: "Replicating this practice" },
  study_visit: { id: "Kunjungan studi (studi tiru)", en: "A study visit" },
  other: { id: "Pertanyaan lain", en: "Another question" },
};

/** The email to the region (both languages, as every IDSL mail), replying to the sender. */
export function contactMessageMail(input: {
  senderName: string;
  senderEmail: string;
  purpose: ContactMessagePurpose;
  body: string;
  regionName: string;
  title: string;
  practiceUrl: string;
}) {
  const purpose = purposeText[input.purpose];
  // A title is one line on the page; as a header it must be one line too.
  const title = input.title.replace(/\s+/g, " ").trim();
  return {
    subject: `Pesan melalui IDSL / Message through IDSL: ${title}`,
    replyTo: { name: input.senderName, address: input.senderEmail },
    text: [
      `${input.senderName} <${input.senderEmail}> menulis kepada ${input.regionName} melalui IDSL tentang praktik "${title}".`,
      `Tujuan: ${purpose.id}`,
      `Praktik: ${input.practiceUrl}`,
      "",
      input.body,
      "",
      "Balas email ini untuk menjawab langsung kepada pengirim. Kontak praktik Anda tidak diberikan kepadanya.",
      "",
      "---",
      `${input.senderName} <${input.senderEmail}> wrote to ${input.regionName} through IDSL about the practice "${title}".`,
      `Purpose: ${purpose.en}`,
      "Reply to this email to answer the sender directly. Your practice's contact was not given to them.",
    ].join("\n"),
  };
}
