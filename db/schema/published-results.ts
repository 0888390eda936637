import { sql } from "drizzle-orm";
import { check, index, integer, numeric, pgEnum, pgTable, serial, smallint, text, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { frameworks } from "./frameworks";
import { provinces, regions } from "./regions";
import { sources } from "./sources";

/** Where a published value entered the platform: shipped reference data, or a curator's import. */
export const publishedResultOrigin = pgEnum("published_result_origin", ["seed", "import"]);

/**
 * An official index value as one source publishes it (a decree, a ministry page, a news
 * article quoting the result), for a kabupaten/kota or for a provincial government. Two sources
 * may give different values for one region-year: both are kept and the figure is disputed
 * until a curator's import settles it, which supersedes (never deletes) the other values.
 */
export const publishedResults = pgTable(
  "published_results",
  {
    id: serial("id").primaryKey(),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id),
    regionCode: text("region_code").references(() => regions.code),
    provinceCode: text("province_code").references(() => provinces.code),
    /** The Kemendagri code of whichever government the value is for. */
    subjectCode: text("subject_code")
      .notNull()
      .generatedAlwaysAs(sql`coalesce(region_code, province_code)`),
    year: integer("year").notNull(),
    value: numeric("value", { precision: 4, scale: 2, mode: "number" }).notNull(),
    /** Decimals as printed (3,7 has one), so the value is shown as the source gives it. */
    decimals: smallint("decimals").notNull().default(2),
    reportedPredikat: text("reported_predikat"),
    /** The framework version in force when the result was recorded; a later correction of the framework does not rewrite it. */
    frameworkVersion: integer("framework_version").notNull().default(1),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    /** The sentence the value was read from, so a curator can check it. */
    quote: text("quote"),
    decree: text("decree"),
    origin: publishedResultOrigin("origin").notNull(),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when a curator's import replaced this value with another source's. */
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    supersededById: integer("superseded_by_id").references(() => users.id),
  },
  (table) => [
    check("published_results_one_subject", sql`(${table.regionCode} is null) <> (${table.provinceCode} is null)`),
    check("published_results_value_range", sql`${table.value} between 0 and 5`),
    unique("published_results_source_key").on(table.frameworkId, table.subjectCode, table.year, table.sourceId),
    index("published_results_current_idx").on(table.frameworkId, table.year).where(sql`${table.supersededAt} is null`),
    index("published_results_subject_idx").on(table.subjectCode, table.year),
  ],
);

/**
 * - national: the national index, over every evaluated central and regional government
 * - national_kabupaten / national_kota: all kabupaten (or kota) in the country
 * - province_regions: the kabupaten/kota of one province
 * - named_group: a group a source names, e.g. the six regions of Priangan Timur
 */
export const groupAverageScope = pgEnum("group_average_scope", ["national", "national_kabupaten", "national_kota", "province_regions", "named_group"]);

/**
 * An average over a group of governments as a source publishes it. Never computed here: an
 * average of the few regions we happen to know would not be the group's average. Like published
 * results, two sources may give one group-year; disagreeing values are shown as disputed.
 */
export const publishedGroupAverages = pgTable(
  "published_group_averages",
  {
    id: serial("id").primaryKey(),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id),
    year: integer("year").notNull(),
    scope: groupAverageScope("scope").notNull(),
    /** The group as the source names it, e.g. "Rata-rata 6 daerah Priangan Timur (Jawa Barat)". */
    label: text("label").notNull(),
    provinceCode: text("province_code").references(() => provinces.code),
    memberCount: integer("member_count"),
    value: numeric("value", { precision: 4, scale: 2, mode: "number" }).notNull(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    quote: text("quote"),
    decree: text("decree"),
  },
  (table) => [unique("published_group_averages_key").on(table.frameworkId, table.year, table.label, table.sourceId)],
);
