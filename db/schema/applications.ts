import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { practices } from "./practices";
import { regions } from "./regions";

/** What an application is for (the catalog's function filter). */
export const applicationFunction = pgEnum("application_function", [
  "administrasi_perkantoran",
  "perencanaan_penganggaran",
  "keuangan_aset",
  "kepegawaian",
  "akuntabilitas_kinerja",
  "pelayanan_publik",
  "pengaduan",
  "data_informasi",
  "kesehatan_sosial",
  "lainnya",
]);

/** On which terms the owner region shares it: a grant, shared use, or an open source licence. */
export const applicationTerms = pgEnum("application_terms", ["hibah", "berbagi_pakai", "sumber_terbuka"]);

/**
 * The words of an application for PostgreSQL full-text search ('simple': no stemming, fine for
 * Indonesian); the same expression is indexed below.
 */
export function applicationTextVector(table: { name: AnyPgColumn; description: AnyPgColumn }) {
  return sql`to_tsvector('simple', ${table.name} || ' ' || ${table.description})`;
}

/** An application a region offers to share with other regions (katalog aplikasi berbagi pakai). */
export const applications = pgTable(
  "applications",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    name: text("name").notNull(),
    function: applicationFunction("function").notNull(),
    description: text("description").notNull(),
    /** framework_nodes ids of the SPBE 2020 indicators it serves. */
    indicatorIds: integer("indicator_ids").array().notNull().default(sql`'{}'`),
    /** Technologies as the region names them (languages, frameworks, databases). */
    stack: text("stack").array().notNull().default(sql`'{}'`),
    hosting: text("hosting").notNull().default(""),
    terms: applicationTerms("terms").notNull(),
    /** The licence's name when shared as open source (e.g. GPL-3.0). */
    licence: text("licence").notNull().default(""),
    termsNote: text("terms_note").notNull().default(""),
    documentationUrl: text("documentation_url"),
    sourceUrl: text("source_url"),
    /** Seed entries written by us from public sources, not by the region itself. */
    compiledFromPublicSources: boolean("compiled_from_public_sources").notNull().default(false),
    /** Stable key of a seeded application, so seeding is idempotent. */
    seedKey: text("seed_key").unique(),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("applications_region_idx").on(table.regionCode),
    index("applications_indicators_idx").using("gin", table.indicatorIds),
    index("applications_stack_idx").using("gin", table.stack),
    index("applications_text_search_idx").using("gin", applicationTextVector(table)),
  ],
);

/** The owner region's practices an application supports; an approved request adopts one of them. */
export const applicationPractices = pgTable(
  "application_practices",
  {
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.applicationId, table.practiceId] })],
);

export const applicationRequestStatus = pgEnum("application_request_status", ["pending", "approved", "declined"]);

/**
 * A region asks the owner region for an application. The requester names which supported
 * practice it adopts and which of its own practices adopts it: approval records that adoption.
 * The contact person consented (UU 27/2022) to the purpose note of version `contactPurposeVersion`.
 */
export const applicationRequests = pgTable(
  "application_requests",
  {
    id: serial("id").primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    requesterRegionCode: text("requester_region_code")
      .notNull()
      .references(() => regions.code),
    requestedById: integer("requested_by_id")
      .notNull()
      .references(() => users.id),
    purpose: text("purpose").notNull(),
    contact: text("contact").notNull(),
    contactPurposeVersion: integer("contact_purpose_version").notNull(),
    sourcePracticeId: integer("source_practice_id").references(() => practices.id, { onDelete: "set null" }),
    adopterPracticeId: integer("adopter_practice_id").references(() => practices.id, { onDelete: "set null" }),
    status: applicationRequestStatus("status").notNull().default("pending"),
    decidedById: integer("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Why it was declined (required then), or a note with the approval. */
    decisionNote: text("decision_note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("application_requests_application_idx").on(table.applicationId, table.createdAt),
    index("application_requests_requester_idx").on(table.requesterRegionCode, table.createdAt),
    // One open request per region and application: a second waits for the first to be decided.
    uniqueIndex("application_requests_one_pending").on(table.applicationId, table.requesterRegionCode).where(sql`${table.status} = 'pending'`),
  ],
);
