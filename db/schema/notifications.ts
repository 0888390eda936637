import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * One row per recipient of an event (app/modules/notifications). `kind` is text checked by the
 * app's list of kinds, so an area adds its events without a migration; `payload` holds what the
 * message needs (a practice's title, a region's name), rendered in the reader's language.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** A path on this site, e.g. /praktik/12/tinjauan. */
    link: text("link").notNull(),
    payload: jsonb("payload").$type<Record<string, string | number>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [
    // The inbox pages newest first by id (keyset), and digests read a user's period.
    index("notifications_user_idx").on(table.userId, table.id),
    // The header's unread count reads only this index.
    index("notifications_unread_idx").on(table.userId).where(sql`${table.readAt} is null`),
    check("notifications_link_is_path", sql`${table.link} like '/%' and ${table.link} not like '//%'`),
  ],
);

/** How a user hears of one kind: in the inbox only, an email at once, or a daily/weekly digest. */
export const notificationChannel = pgEnum("notification_channel", ["in_app", "email", "daily", "weekly"]);

/** A missing row means the kind's default channel. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    channel: notificationChannel("channel").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);

export const digestPeriod = pgEnum("digest_period", ["daily", "weekly"]);

/**
 * Each email to send: for one notification (at once) or one user's digest of a period. The send
 * job marks `sentAt`, so a job that runs again after a failure never sends twice; the unique
 * keys make enqueueing the same email twice impossible.
 */
export const notificationEmails = pgTable(
  "notification_emails",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    notificationId: bigint("notification_id", { mode: "number" }).references(() => notifications.id, { onDelete: "cascade" }),
    digest: digestPeriod("digest"),
    periodStart: timestamp("period_start", { withTimezone: true }),
    periodEnd: timestamp("period_end", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("notification_emails_notification_key").on(table.notificationId),
    uniqueIndex("notification_emails_digest_key").on(table.userId, table.digest, table.periodStart),
    check(
      "notification_emails_one_or_digest",
      sql`(${table.notificationId} is not null) <> (${table.digest} is not null and ${table.periodStart} is not null and ${table.periodEnd} is not null)`,
    ),
  ],
);
