import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { frameworkNodes, frameworks } from "./frameworks";
import { regions } from "./regions";
import { sources } from "./sources";

/**
 * Indicator-level assessments, by where the levels come from:
 * - verified: the region's own levels from its evaluation report (Laporan Hasil Evaluasi),
 *   checked by a curator (or imported by one from the official results);
 * - self: the region's self-assessment;
 * - sample: synthetic levels for demos only.
 * Published index values (decrees, news) are not assessments: see published-results.ts.
 */
export const assessmentKind = pgEnum("assessment_kind", ["verified", "self", "sample"]);

/** One region's indicator levels in one framework for one evaluation year and kind. */
export const assessments = pgTable(
  "assessments",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id),
    year: integer("year").notNull(),
    kind: assessmentKind("kind").notNull(),
    /** The index the evaluation report itself states (verified levels), to check the levels against. */
    reportedIndex: numeric("reported_index", { precision: 4, scale: 2, mode: "number" }),
    /** The evaluation report (verified), the sample-data notice (sample); none for self-assessments. */
    sourceId: integer("source_id").references(() => sources.id),
    /** The region's submission these verified levels came from; null when a curator imported them. */
    submissionId: integer("submission_id").references((): AnyPgColumn => levelSubmissions.id),
    /**
     * Index and sub-indices computed from the indicator levels (null without levels), stored
     * when the levels are saved so rankings and comparisons need no per-request maths.
     */
    computedIndex: numeric("computed_index", { precision: 6, scale: 4, mode: "number" }),
    /** framework node id → sub-index, for every domain and aspect. */
    subIndices: jsonb("sub_indices").$type<Record<string, number>>(),
    /** The framework version whose weights computed the index above. */
    frameworkVersion: integer("framework_version").notNull().default(1),
    /**
     * Self-assessments are the region's working figures, seen by its own people and Kemendagri
     * until the region publishes one (then anyone sees it, labelled as a self-assessment).
     */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedById: integer("published_by_id").references(() => users.id),
    updatedById: integer("updated_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("assessments_region_framework_year_kind_key").on(
      table.regionCode,
      table.frameworkId,
      table.year,
      table.kind,
    ),
    index("assessments_framework_year_idx").on(table.frameworkId, table.year, table.kind),
  ],
);

/** An assessment's level for one indicator, with the assessor's note and evidence. */
export const assessmentLevels = pgTable(
  "assessment_levels",
  {
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    nodeId: integer("node_id")
      .notNull()
      .references(() => frameworkNodes.id),
    level: integer("level").notNull(),
    note: text("note").notNull().default(""),
    evidenceUrl: text("evidence_url"),
    /** For an indicator scored by another agency: the score the region entered from that agency's evaluation. */
    externalScore: numeric("external_score", { precision: 6, scale: 2, mode: "number" }),
  },
  (table) => [
    primaryKey({ columns: [table.assessmentId, table.nodeId] }),
    index("assessment_levels_node_idx").on(table.nodeId, table.level),
    check("assessment_levels_level_range", sql`${table.level} between 1 and 5`),
  ],
);

export const levelSubmissionStatus = pgEnum("level_submission_status", ["submitted", "returned", "verified", "superseded"]);

/**
 * A region's official indicator levels as it reads them from its evaluation report, with the
 * report attached, waiting for (or past) a curator's check. Only a verified submission becomes
 * an assessment of kind "verified"; every submission is kept.
 */
export const levelSubmissions = pgTable(
  "level_submissions",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id),
    year: integer("year").notNull(),
    status: levelSubmissionStatus("status").notNull().default("submitted"),
    /** Indicator node id → level 1–5, every indicator of the framework. */
    levels: jsonb("levels").$type<Record<string, number>>().notNull(),
    /** The index the report states, if the editor gave it. */
    reportedIndex: numeric("reported_index", { precision: 4, scale: 2, mode: "number" }),
    editorNote: text("editor_note").notNull().default(""),
    reportStorageKey: text("report_storage_key").notNull(),
    reportFileName: text("report_file_name").notNull(),
    reportByteSize: integer("report_byte_size").notNull(),
    reportSha256: text("report_sha256").notNull(),
    submittedById: integer("submitted_by_id")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewNote: text("review_note").notNull().default(""),
  },
  (table) => [
    index("level_submissions_queue_idx").on(table.status, table.submittedAt),
    index("level_submissions_region_idx").on(table.regionCode, table.year),
    // One submission in review per region-year: a newer one supersedes it.
    uniqueIndex("level_submissions_open_key")
      .on(table.regionCode, table.frameworkId, table.year)
      .where(sql`${table.status} = 'submitted'`),
    check("level_submissions_reported_index_range", sql`${table.reportedIndex} is null or ${table.reportedIndex} between 0 and 5`),
  ],
);
