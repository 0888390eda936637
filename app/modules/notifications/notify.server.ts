/**
 * Writing notifications: in the transaction of the event that causes them, so an event that
 * rolls back notifies nobody and one that commits notifies each recipient exactly once.
 */
import { and, eq, inArray } from "drizzle-orm";
import { notificationEmails, notificationPreferences, notifications, users } from "../../../db/schema";
import type { DatabaseOrTransaction } from "../db.server";
import { enqueueJob } from "../jobs/index.server";
import { sendNotificationEmailJob } from "./email-jobs.server";
import { DEFAULT_CHANNEL, type NotificationKind } from "./kinds";

export interface NotificationInput {
  kind: NotificationKind;
  /** Who did it: never notified of their own action. */
  actorId: number | null;
  recipients: readonly number[];
  /** What it is about, and the path of its page on this site. */
  subject: { type: string; id: string | number; link: string };
  /** The message's placeholders (a practice's title, a region's name), rendered in the reader's language. */
  payload?: Record<string, string | number>;
}

/**
 * One notification per distinct active recipient other than the actor, and for those who chose
 * "email at once" one email job, all in `tx`. Returns the recipients notified.
 */
export async function notify(tx: DatabaseOrTransaction, input: NotificationInput): Promise<number[]> {
  const wanted = [...new Set(input.recipients)].filter((id) => id !== input.actorId);
  if (wanted.length === 0) return [];
  const active = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, wanted), eq(users.active, true)));
  if (active.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(
      active.map((user) => ({
        userId: user.id,
        kind: input.kind,
        actorId: input.actorId,
        subjectType: input.subject.type,
        subjectId: String(input.subject.id),
        link: input.subject.link,
        payload: input.payload ?? {},
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });

  const chosen = await tx
    .select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.kind, input.kind), inArray(notificationPreferences.userId, rows.map((row) => row.userId))));
  const channelOf = new Map(chosen.map((row) => [row.userId, row.channel]));
  const emailNow = rows.filter((row) => (channelOf.get(row.userId) ?? DEFAULT_CHANNEL) === "email");
  if (emailNow.length > 0) {
    const emails = await tx
      .insert(notificationEmails)
      .values(emailNow.map((row) => ({ userId: row.userId, notificationId: row.id })))
      .returning({ id: notificationEmails.id });
    for (const email of emails) await enqueueJob(tx, sendNotificationEmailJob, { emailId: email.id });
  }
  return rows.map((row) => row.userId);
}

/** The active editors of a region: who hears of its practices' reviews, questions and adoptions. */
export async function regionEditors(tx: DatabaseOrTransaction, regionCode: string): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "editor"), eq(users.regionCode, regionCode), eq(users.active, true)));
  return rows.map((row) => row.id);
}

/** Kemendagri's curators: who review submissions. */
export async function curators(tx: DatabaseOrTransaction): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "curator"), eq(users.active, true)));
  return rows.map((row) => row.id);
}
