import { pgEnum, pgTable, serial, text } from "drizzle-orm/pg-core";

/**
 * Every figure shown on screen points at one of these rows, so a reader can see where it
 * came from. Synthetic data has its own kind so it can never pass for an official figure.
 */
export const sourceKind = pgEnum("source_kind", [
  "regulation",
  "official_decree",
  "news",
  /** A region's evaluation report (Laporan Hasil Evaluasi), attached to its verified levels. */
  "evaluation_report",
  "self_assessment",
  "sample",
]);

export const sources = pgTable("sources", {
  id: serial("id").primaryKey(),
  /** Natural key (the URL, or the citation when there is no URL) that makes seeding idempotent. */
  key: text("key").notNull().unique(),
  kind: sourceKind("kind").notNull(),
  citation: text("citation").notNull(),
  url: text("url"),
});
