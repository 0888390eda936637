import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { practices } from "./practices";
import { regions } from "./regions";

/**
 * The consent of a practice's contact person (UU 27/2022): the editor who entered the contact
 * confirmed that the person agreed to be contacted through IDSL for the purpose stated in
 * version `purposeVersion` of the purpose note. One row per practice and contact text, so a
 * revision's contact is shown to signed-in officials only when a row holds exactly that text.
 */
export const practiceContactConsents = pgTable(
  "practice_contact_consents",
  {
    id: serial("id").primaryKey(),
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    contact: text("contact").notNull(),
    purposeVersion: integer("purpose_version").notNull(),
    recordedById: integer("recorded_by_id")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("practice_contact_consents_contact_key").on(table.practiceId, table.contact)],
);

export const contactMessagePurpose = pgEnum("contact_message_purpose", ["replication", "study_visit", "other"]);

/**
 * A message sent to a practice's region through IDSL instead of to its contact person, whose
 * details stay private. `formToken` is the one-time token of the form it came from: a double
 * submit finds the row already there, so the message is stored and delivered once.
 */
export const practiceContactMessages = pgTable(
  "practice_contact_messages",
  {
    id: serial("id").primaryKey(),
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    /** The practice's region when the message was sent: its editors receive it. */
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    senderName: text("sender_name").notNull(),
    senderEmail: text("sender_email").notNull(),
    /** The signed-in account that sent it, if any. */
    senderUserId: integer("sender_user_id").references(() => users.id, { onDelete: "set null" }),
    purpose: contactMessagePurpose("purpose").notNull(),
    body: text("body").notNull(),
    formToken: text("form_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When its recipients were notified (in the transaction that stored it), and how many (0: nobody to notify). */
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    recipientCount: integer("recipient_count").notNull().default(0),
  },
  (table) => [
    unique("practice_contact_messages_form_token_key").on(table.formToken),
    index("practice_contact_messages_region_idx").on(table.regionCode, table.createdAt),
    check("practice_contact_messages_no_line_breaks", sql`${table.senderName} !~ '[\\r\\n]' and ${table.senderEmail} !~ '[\\r\\n]'`),
  ],
);
