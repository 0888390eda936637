import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { frameworks } from "./frameworks";
import { regions } from "./regions";

/** Every figure has one of these kinds; they are never ranked, averaged or subtracted together. */
export const figureKind = pgEnum("figure_kind", ["official", "verified", "self", "sample"]);

/**
 * A region's right of reply: a short note its editor signs and attaches to one of the region's
 * figures (e.g. "evaluated under the 2018 framework", "appeal pending"), shown beside the figure
 * and in exports until a curator hides it.
 */
export const figureNotes = pgTable(
  "figure_notes",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id),
    year: integer("year").notNull(),
    figureKind: figureKind("figure_kind").notNull(),
    body: text("body").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenById: integer("hidden_by_id").references(() => users.id),
    hiddenReason: text("hidden_reason"),
  },
  (table) => [
    index("figure_notes_region_idx").on(table.regionCode, table.frameworkId, table.year),
    check("figure_notes_not_sample", sql`${table.figureKind} <> 'sample'`),
  ],
);
