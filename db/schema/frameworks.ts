import {
  type AnyPgColumn,
  boolean,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  unique,
} from "drizzle-orm/pg-core";

/**
 * An index framework (SPBE 2020, Indeks Pemerintah Digital, SAKIP…) is data: a tree of
 * weighted nodes plus level names and predikat bands. Nothing about a framework is code.
 */
export const frameworks = pgTable("frameworks", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  scaleMin: numeric("scale_min", { mode: "number" }).notNull(),
  scaleMax: numeric("scale_max", { mode: "number" }).notNull(),
  decimals: integer("decimals").notNull(),
  formula: text("formula").notNull(),
  sources: jsonb("sources").$type<string[]>().notNull().default([]),
});

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
