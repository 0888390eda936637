import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { practiceAdoptions, practices } from "./practices";
import { regions } from "./regions";

/** Where a study visit request is (app/modules/visits/visit-workflow.ts holds the transitions). */
export const visitStatus = pgEnum("visit_status", ["requested", "dates_proposed", "accepted", "declined", "withdrawn", "completed", "cancelled"]);

/**
 * A study visit (studi tiru): officials of `visitorRegionCode` ask to visit `hostRegionCode` to
 * learn about some of its published practices. `startDate`/`endDate` are the dates on the table:
 * the requester's, then the host's proposal, then the agreed ones (each step is a visit_events row).
 * The contact is personal data (UU 27/2022): the requester confirmed the person's consent to
 * version `contactPurposeVersion` of the purpose note, as for practice contacts.
 */
export const visits = pgTable(
  "visits",
  {
    id: serial("id").primaryKey(),
    hostRegionCode: text("host_region_code")
      .notNull()
      .references(() => regions.code),
    visitorRegionCode: text("visitor_region_code")
      .notNull()
      .references(() => regions.code),
    requestedById: integer("requested_by_id")
      .notNull()
      .references(() => users.id),
    purpose: text("purpose").notNull(),
    participants: integer("participants").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    status: visitStatus("status").notNull().default("requested"),
    contact: text("contact").notNull(),
    contactPurposeVersion: integer("contact_purpose_version").notNull(),
    /** What the visiting region learned, recorded after the visit. */
    lessons: text("lessons"),
    /** An adoption the visit led to: one of the visiting region's practices adopted from the host. */
    adopterPracticeId: integer("adopter_practice_id").references(() => practiceAdoptions.adopterPracticeId, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("visits_host_region_idx").on(table.hostRegionCode, table.startDate),
    index("visits_visitor_region_idx").on(table.visitorRegionCode, table.startDate),
    // One open request per region pair and start date: a submitted form sent again finds it.
    uniqueIndex("visits_open_request_key")
      .on(table.visitorRegionCode, table.hostRegionCode, table.startDate)
      .where(sql`${table.status} in ('requested', 'dates_proposed')`),
    check("visits_other_region", sql`${table.hostRegionCode} <> ${table.visitorRegionCode}`),
    check("visits_participants_positive", sql`${table.participants} > 0`),
    check("visits_dates_ordered", sql`${table.startDate} <= ${table.endDate}`),
  ],
);

/** The host's practices a visit is about. */
export const visitPractices = pgTable(
  "visit_practices",
  {
    visitId: integer("visit_id")
      .notNull()
      .references(() => visits.id, { onDelete: "cascade" }),
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.visitId, table.practiceId] })],
);

export const visitEventKind = pgEnum("visit_event_kind", ["requested", "accepted", "dates_proposed", "dates_accepted", "declined", "withdrawn", "completed", "cancelled"]);

/** A visit's history, seen by both regions: who did what when, with the dates or reason given. */
export const visitEvents = pgTable(
  "visit_events",
  {
    id: serial("id").primaryKey(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visits.id, { onDelete: "cascade" }),
    kind: visitEventKind("kind").notNull(),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("visit_events_visit_idx").on(table.visitId, table.id)],
);
