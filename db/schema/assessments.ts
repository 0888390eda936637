import {
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { frameworks } from "./frameworks";
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

