import {
  type AnyPgColumn,
  boolean,
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

/**
 * An index framework (SPBE 2020, Indeks Pemerintah Digital, SAKIP…) is data: a tree of
 * weighted nodes plus level names and predikat bands. Nothing about a framework is code.
 */
export const frameworkSourceStatus = pgEnum("framework_source_status", ["official_text", "secondary_sources"]);

/**
 * A framework's editable definition as stored in a version or a proposed change: names and
 * weights by node id, level names and predikat bands. The tree's shape itself does not change.
 */
export interface StoredFrameworkDefinition {
  sourceStatus: "official_text" | "secondary_sources";
  statusNote: string | null;
  nodes: { id: number; name: string; weight: number }[];
  levels: { level: number; name: string }[];
  bands: { name: string; minValue: number }[];
}

export const frameworks = pgTable("frameworks", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** What a choice of frameworks and a figure's label call it ("Indeks SPBE 2020", "Indeks Pemdi 2026"). */
  shortName: text("short_name").notNull().default(""),
  scaleMin: numeric("scale_min", { mode: "number" }).notNull(),
  scaleMax: numeric("scale_max", { mode: "number" }).notNull(),
  decimals: integer("decimals").notNull(),
  formula: text("formula").notNull(),
  sources: jsonb("sources").$type<string[]>().notNull().default([]),
  /** Whether the structure was read from the regulation itself or from secondary sources quoting it. */
  sourceStatus: frameworkSourceStatus("source_status").notNull().default("official_text"),
  /** What the source status means for this framework, in the words of whoever recorded it. */
  statusNote: text("status_note"),
  /** The evaluation years the framework applies to (null: open-ended), so a figure's year decides its framework. */
  firstYear: integer("first_year"),
  lastYear: integer("last_year"),
  /** Bumped by every reviewed change to names, weights, levels or bands (framework_versions keeps each). */
  version: integer("version").notNull().default(1),
});

/** Every version of a framework's definition as it was, so a result can be read with the version it was computed with. */
export const frameworkVersions = pgTable(
  "framework_versions",
  {
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<StoredFrameworkDefinition>().notNull(),
    /** The reviewed change that produced this version; null for the seeded first version. */
    changeId: integer("change_id").references((): AnyPgColumn => frameworkChanges.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.frameworkId, table.version] })],
);

export const frameworkChangeStatus = pgEnum("framework_change_status", ["pending", "approved", "rejected", "superseded"]);

/** A curator's proposed correction of a framework, applied only when another curator approves it. */
export const frameworkChanges = pgTable(
  "framework_changes",
  {
    id: serial("id").primaryKey(),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    /** The version the proposal was made against; approving it after another change would lose that change. */
    baseVersion: integer("base_version").notNull(),
    proposed: jsonb("proposed").$type<StoredFrameworkDefinition>().notNull(),
    reason: text("reason").notNull(),
    status: frameworkChangeStatus("status").notNull().default("pending"),
    proposedById: integer("proposed_by_id")
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewNote: text("review_note"),
  },
  (table) => [index("framework_changes_framework_idx").on(table.frameworkId, table.status)],
);

export const frameworkLevels = pgTable(
  "framework_levels",
  {
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    name: text("name").notNull(),
  },
  (table) => [primaryKey({ columns: [table.frameworkId, table.level] })],
);

export const frameworkPredikatBands = pgTable(
  "framework_predikat_bands",
  {
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Inclusive lower bound of the band. */
    minValue: numeric("min_value", { mode: "number" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.frameworkId, table.name] })],
);

export const frameworkNodeKind = pgEnum("framework_node_kind", ["domain", "aspect", "indicator"]);

export const frameworkNodes = pgTable(
  "framework_nodes",
  {
    id: serial("id").primaryKey(),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnyPgColumn => frameworkNodes.id, {
      onDelete: "cascade",
    }),
    kind: frameworkNodeKind("kind").notNull(),
    /** Official number, unique per kind within a framework (indicators run 1–47 in SPBE 2020). */
    number: integer("number").notNull(),
    name: text("name").notNull(),
    /** Weight in percent of the whole index. */
    weight: numeric("weight", { precision: 6, scale: 3, mode: "number" }).notNull(),
    /** For an indicator scored from another agency's evaluation (Pemdi 2026: Bappenas, BIG, BPS), what that evaluation is. */
    scoreFrom: text("score_from"),
  },
  (table) => [unique("framework_nodes_number_key").on(table.frameworkId, table.kind, table.number)],
);

/**
 * What an indicator's level means, in the regulation's words (SPBE 2020: the Lampiran of Permen
 * PANRB 59/2020). A cell whose public copies disagree is marked uncertain and shown as such.
 */
export const frameworkLevelCriteria = pgTable(
  "framework_level_criteria",
  {
    nodeId: integer("node_id")
      .notNull()
      .references(() => frameworkNodes.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    criteria: text("criteria").notNull(),
    uncertain: boolean("uncertain").notNull().default(false),
  },
  (table) => [primaryKey({ columns: [table.nodeId, table.level] })],
);

export const crosswalkStatus = pgEnum("crosswalk_status", ["proposed", "confirmed", "rejected"]);

/**
 * Which group of one framework covers the same topic as a group of another (SPBE 2020 aspect →
 * Pemdi 2026 aspect), as data with a status: only pairs a curator confirmed are used to compare.
 */
export const frameworkCrosswalk = pgTable(
  "framework_crosswalk",
  {
    id: serial("id").primaryKey(),
    fromNodeId: integer("from_node_id")
      .notNull()
      .references(() => frameworkNodes.id, { onDelete: "cascade" }),
    toNodeId: integer("to_node_id")
      .notNull()
      .references(() => frameworkNodes.id, { onDelete: "cascade" }),
    status: crosswalkStatus("status").notNull().default("proposed"),
    /** Why the topics correspond (or not), and where that was read. */
    note: text("note").notNull().default(""),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (table) => [unique("framework_crosswalk_pair_key").on(table.fromNodeId, table.toNodeId)],
);
