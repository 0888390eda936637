import { sql } from "drizzle-orm";
import {
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
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { frameworkNodes, frameworks } from "./frameworks";
import { regions } from "./regions";
import { sources } from "./sources";

export const assessmentKind = pgEnum("assessment_kind", ["official", "self", "sample"]);

/**
 * One region's result in one framework for one evaluation year. Public results only carry the
 * reported index; indicator levels (when known) live in their own table.
 */
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
    reportedIndex: numeric("reported_index", { precision: 4, scale: 2, mode: "number" }),
    reportedPredikat: text("reported_predikat"),
    decree: text("decree"),
    sourceId: integer("source_id").references(() => sources.id),
    /**
     * Index and sub-indices computed from the indicator levels (null without levels), stored
     * when the levels are saved so rankings and comparisons need no per-request maths.
     */
    computedIndex: numeric("computed_index", { precision: 6, scale: 4, mode: "number" }),
    /** framework node id → sub-index, for every domain and aspect. */
    subIndices: jsonb("sub_indices").$type<Record<string, number>>(),
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
  },
  (table) => [
    primaryKey({ columns: [table.assessmentId, table.nodeId] }),
    index("assessment_levels_node_idx").on(table.nodeId, table.level),
    check("assessment_levels_level_range", sql`${table.level} between 1 and 5`),
  ],
);

/** The national average published for each evaluation year. */
export const nationalResults = pgTable(
  "national_results",
  {
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id),
    year: integer("year").notNull(),
    nationalIndex: numeric("national_index", { precision: 4, scale: 2, mode: "number" }).notNull(),
    instansiEvaluated: integer("instansi_evaluated"),
    memuaskanCount: integer("memuaskan_count"),
    decree: text("decree"),
    sourceId: integer("source_id").references(() => sources.id),
  },
  (table) => [primaryKey({ columns: [table.frameworkId, table.year] })],
);

