import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { sources } from "./sources";

export const provinces = pgTable("provinces", {
  /** Kemendagri code, e.g. "32" for Jawa Barat. */
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

export const regionType = pgEnum("region_type", ["kabupaten", "kota"]);

export const regions = pgTable(
  "regions",
  {
    /** Kemendagri code, e.g. "32.11" for Kabupaten Sumedang. */
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    /** Name without "Kabupaten"/"Kota (Administrasi)", used for sorting and finding by name. */
    shortName: text("short_name").notNull(),
    type: regionType("type").notNull(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    population: integer("population"),
    areaKm2: numeric("area_km2", { precision: 12, scale: 3, mode: "number" }),
    /** Where population and area come from. */
    sourceId: integer("source_id").references(() => sources.id),
  },
  (table) => [
    index("regions_province_idx").on(table.provinceCode),
    index("regions_short_name_idx").on(sql`lower(${table.shortName})`),
  ],
);

export const cohorts = pgTable("cohorts", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  descriptionId: text("description_id").notNull(),
  descriptionEn: text("description_en").notNull(),
  startedOn: date("started_on"),
  /** Announced size; confirmed members may be fewer until curators add the rest. */
  plannedSize: integer("planned_size"),
});

export const cohortMembers = pgTable(
  "cohort_members",
  {
    cohortId: integer("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    /** Why we know this region is a member: a citation or a URL. */
    evidence: text("evidence").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.cohortId, table.regionCode] }),
    index("cohort_members_region_idx").on(table.regionCode),
  ],
);

