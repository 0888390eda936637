/** Each user's channel per kind of notification, and the language of their emails. */
import { and, eq } from "drizzle-orm";
import { notificationPreferences, users } from "../../../db/schema";
import { db } from "../db.server";
import type { Locale } from "../i18n/locales";
import { DEFAULT_CHANNEL, type DigestPeriod, type NotificationChannel, notificationKinds, type NotificationKind } from "./kinds";

export async function getChannels(userId: number): Promise<Record<NotificationKind, NotificationChannel>> {
  const rows = await db()
    .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((row) => [row.kind, row.channel]));
  return Object.fromEntries(notificationKinds.map((kind) => [kind, chosen.get(kind) ?? DEFAULT_CHANNEL])) as Record<NotificationKind, NotificationChannel>;
}

/** Returns false when the user does not exist (or is deactivated). */
export async function setChannel(userId: number, kind: NotificationKind, channel: NotificationChannel): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.active, true)));
    if (!user) return false;
    await tx
      .insert(notificationPreferences)
      .values({ userId, kind, channel })
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { channel, updatedAt: new Date() } });
    return true;
  });
}

/** Every kind the user gets in this digest goes to the inbox only. Returns false when the user does not exist. */
export async function stopDigest(userId: number, period: DigestPeriod): Promise<boolean> {
  const [user] = await db().select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return false;
  await db()
    .update(notificationPreferences)
    .set({ channel: "in_app", updatedAt: new Date() })
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.channel, period)));
  return true;
}

export async function setChannels(userId: number, channels: Partial<Record<NotificationKind, NotificationChannel>>): Promise<void> {
  for (const [kind, channel] of Object.entries(channels) as [NotificationKind, NotificationChannel][]) await setChannel(userId, kind, channel);
}

/** The language emails are written in: the one the user last chose on the site or signed in with. */
export async function setEmailLanguage(userId: number, locale: Locale): Promise<void> {
  await db().update(users).set({ language: locale }).where(eq(users.id, userId));
}
