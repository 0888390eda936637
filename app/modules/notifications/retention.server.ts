/**
 * How long notifications are kept: an unread one until it is read, however old (nothing the
 * user has not seen disappears); a read one NOTIFICATION_RETENTION_DAYS after it was written.
 */
import { sql } from "drizzle-orm";
import { notificationEmails, notifications } from "../../../db/schema";
import { db } from "../db.server";
import type { JobHandler } from "../jobs/index.server";

/**
 * 180 days: the inbox reads half a year back, well past any digest period (a week at most) and
 * the retries of its email (hours), so nothing deleted is still to be emailed.
 */
export const NOTIFICATION_RETENTION_DAYS = 180;

/** Rows per statement: a first run on a large table deletes in steps instead of one long lock. */
const BATCH = 5_000;

/**
 * Deletes read notifications older than the retention, in batches; returns how many. Even then
 * it keeps any a pending email still needs (its own email, or a digest period it falls in, not
 * yet sent): a stuck or retried send always finds what it is about.
 */
export async function deleteOldNotifications(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - NOTIFICATION_RETENTION_DAYS * 24 * 60 * 60 * 1000).toISOString();
  let total = 0;
  for (;;) {
    const deleted = await db().execute<{ id: number }>(sql`
      delete from ${notifications} where id in (
        select n.id from ${notifications} n
        where n.read_at is not null
          and n.created_at < ${cutoff}::timestamptz
          and not exists (
            select 1 from ${notificationEmails} e
            where e.sent_at is null
              and (e.notification_id = n.id
                or (e.user_id = n.user_id and n.created_at >= e.period_start and n.created_at < e.period_end)))
        limit ${BATCH})
      returning id`);
    total += deleted.length;
    if (deleted.length < BATCH) return total;
  }
}

export const deleteOldNotificationsJob: JobHandler = {
  name: "notifications.delete-old",
  schedule: "41 3 * * *",
  async run() {
    await deleteOldNotifications();
  },
};
