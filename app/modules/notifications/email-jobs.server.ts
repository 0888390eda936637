/**
 * Sending notification emails from the job queue (decision 0025). Each email is a
 * notification_emails row, written in the event's transaction (at once) or by the digest
 * schedule; its job sends it and marks it sent, so a job that runs again after a failure or a
 * crash never sends it twice (and its Message-ID is the same if it did).
 */
import { and, count, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { notificationEmails, notificationPreferences, notifications, users } from "../../../db/schema";
import { deliverMail, type MailMessage, UnsafeMailHeaderError } from "../auth/index.server";
import { db } from "../db.server";
import { errorMessage } from "../error-message";
import { log } from "../log.server";
import { isLocale } from "../i18n/locales";
import { enqueueJob, type JobHandler } from "../jobs/index.server";
import { digestEmail, type EmailedNotification, immediateEmail, type Recipient } from "./emails.server";
import { DIGEST_LIST_LIMIT, type DigestPeriod, isNotificationKind } from "./kinds";

const emailedColumns = {
  kind: notifications.kind,
  actorName: users.name,
  link: notifications.link,
  payload: notifications.payload,
  createdAt: notifications.createdAt,
};

function known(rows: (Omit<EmailedNotification, "kind"> & { kind: string })[]): EmailedNotification[] {
  return rows.flatMap((row) => (isNotificationKind(row.kind) ? [{ ...row, kind: row.kind }] : []));
}

type EmailRow = typeof notificationEmails.$inferSelect;

/** The message an email row stands for, or null when there is nothing (left) to say. */
async function messageFor(email: EmailRow, recipient: Recipient): Promise<MailMessage | null> {
  if (email.notificationId !== null) {
    const rows = await db()
      .select(emailedColumns)
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.actorId))
      .where(eq(notifications.id, email.notificationId));
    const [notification] = known(rows);
    return notification ? immediateEmail(recipient, notification, email.id) : null;
  }
  const period = email.digest!;
  // The kinds this user still gets in this digest: a kind moved elsewhere since is left out.
  const kinds = db()
    .select({ kind: notificationPreferences.kind })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, recipient.id), eq(notificationPreferences.channel, period)));
  const inPeriod = and(
    eq(notifications.userId, recipient.id),
    gte(notifications.createdAt, email.periodStart!),
    lt(notifications.createdAt, email.periodEnd!),
    inArray(notifications.kind, kinds),
  );
  const [listed, [{ total } = { total: 0 }]] = await Promise.all([
    db()
      .select(emailedColumns)
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.actorId))
      .where(inPeriod)
      .orderBy(desc(notifications.id))
      .limit(DIGEST_LIST_LIMIT),
    db().select({ total: count() }).from(notifications).where(inPeriod),
  ]);
  return total > 0 ? digestEmail(recipient, period, known(listed), total, email.id) : null;
}

export const sendNotificationEmailJob: JobHandler<{ emailId: number }> = {
  name: "notifications.send-email",
  async run({ emailId }) {
    const [row] = await db()
      .select({ email: notificationEmails, recipient: { id: users.id, name: users.name, email: users.email, language: users.language, active: users.active } })
      .from(notificationEmails)
      .innerJoin(users, eq(users.id, notificationEmails.userId))
      .where(eq(notificationEmails.id, emailId));
    if (!row || row.email.sentAt !== null || !row.recipient.active) return;
    const recipient: Recipient = { ...row.recipient, language: isLocale(row.recipient.language) ? row.recipient.language : "id" };
    const message = await messageFor(row.email, recipient);
    if (message) {
      try {
        // False: no SMTP_URL, nowhere to send; the row stays unsent.
        if (!(await deliverMail(message))) return;
      } catch (error) {
        // An address that would inject headers never becomes sendable: log it, do not retry.
        if (error instanceof UnsafeMailHeaderError) {
          log.error({ emailId, error: errorMessage(error) }, "notification email refused");
          return;
        }
        throw error;
      }
    }
    await db().update(notificationEmails).set({ sentAt: new Date() }).where(and(eq(notificationEmails.id, emailId), isNull(notificationEmails.sentAt)));
  },
};

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * The digest period that ended last at or before `now`: days end at 23:00 UTC (06:00 in
 * Jakarta), weeks on Sunday at 23:00 UTC. A late or repeated run finds the same period.
 */
export function digestPeriodBefore(period: DigestPeriod, now: Date): { start: Date; end: Date } {
  const dayEnd = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23);
  let end = dayEnd <= now.getTime() ? dayEnd : dayEnd - DAY;
  if (period === "weekly") end -= new Date(end).getUTCDay() * DAY;
  return { start: new Date(end - (period === "daily" ? DAY : 7 * DAY)), end: new Date(end) };
}

/**
 * One digest email per user who gets this digest and had notifications in the period, however
 * many: rows and jobs in one transaction, and a period already enqueued is not enqueued again.
 */
export async function enqueueDigests(period: DigestPeriod, now = new Date()): Promise<number> {
  const { start, end } = digestPeriodBefore(period, now);
  return db().transaction(async (tx) => {
    const inserted = await tx.execute<{ id: number }>(sql`
      insert into ${notificationEmails} (user_id, digest, period_start, period_end)
      select u.id, ${period}::digest_period, ${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz
      from ${users} u
      where u.active
        and exists (
          select 1 from ${notifications} n
          join ${notificationPreferences} p on p.user_id = n.user_id and p.kind = n.kind and p.channel = ${period}::notification_channel
          where n.user_id = u.id and n.created_at >= ${start.toISOString()}::timestamptz and n.created_at < ${end.toISOString()}::timestamptz)
      on conflict (user_id, digest, period_start) do nothing
      returning id`);
    for (const { id } of inserted) await enqueueJob(tx, sendNotificationEmailJob, { emailId: Number(id) });
    return inserted.length;
  });
}

export const dailyDigestJob: JobHandler = {
  name: "notifications.daily-digest",
  schedule: "5 23 * * *",
  async run() {
    await enqueueDigests("daily");
  },
};

export const weeklyDigestJob: JobHandler = {
  name: "notifications.weekly-digest",
  schedule: "5 23 * * 0",
  async run() {
    await enqueueDigests("weekly");
  },
};
