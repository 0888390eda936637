/** A user's inbox: pages newest first, the unread count, marking read. Each reads only the user's rows. */
import { and, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { notifications, users } from "../../../db/schema";
import { db } from "../db.server";
import { INBOX_PAGE_SIZE, isNotificationKind, type NotificationKind } from "./kinds";
import { UNREAD_COUNT_CAP } from "./unread-count-cap";

/**
 * Unread notifications up to UNREAD_COUNT_CAP + 1 (the header shows "99+" beyond): counting
 * stops there, so it costs the same with 10,000 unread, and reads only the partial index.
 */
export async function unreadCount(userId: number): Promise<number> {
  const capped = db()
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .limit(UNREAD_COUNT_CAP + 1)
    .as("capped");
  const [row] = await db().select({ total: count() }).from(capped);
  return row?.total ?? 0;
}

export interface InboxEntry {
  id: number;
  kind: NotificationKind;
  actorName: string | null;
  link: string;
  payload: Record<string, string | number>;
  createdAt: Date;
  read: boolean;
}

/**
 * One page, newest first, older than `before` (a notification id): a keyset page reads
 * INBOX_PAGE_SIZE rows of the index however deep it is. `olderFrom` is the next page's key.
 */
export async function inboxPage(userId: number, before: number | null): Promise<{ entries: InboxEntry[]; olderFrom: number | null }> {
  const rows = await db()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actorName: users.name,
      link: notifications.link,
      payload: notifications.payload,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(and(eq(notifications.userId, userId), before === null ? undefined : lt(notifications.id, before)))
    .orderBy(desc(notifications.id))
    .limit(INBOX_PAGE_SIZE + 1);
  const page = rows.slice(0, INBOX_PAGE_SIZE);
  return {
    // A kind this version no longer knows (a rolled-back deploy) is left out rather than shown raw.
    entries: page.flatMap(({ readAt, kind, ...row }) => (isNotificationKind(kind) ? [{ ...row, kind, read: readAt !== null }] : [])),
    olderFrom: rows.length > INBOX_PAGE_SIZE ? page.at(-1)!.id : null,
  };
}

/** Marks one of the user's notifications read; returns its link, or null when it is not theirs. */
export async function openNotification(userId: number, id: number): Promise<string | null> {
  const [row] = await db()
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ link: notifications.link });
  return row?.link ?? null;
}

export async function markAllRead(userId: number): Promise<number> {
  const updated = await db()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
