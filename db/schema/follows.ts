import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** What a user can follow (app/modules/follows). */
export const followTargetType = pgEnum("follow_target_type", ["region", "indicator", "tag"]);

/**
 * A user follows a region (its code), an SPBE 2020 indicator (its framework_nodes id, as text)
 * or a practice tag (lower case, as practices store it). New practices there notify them, and
 * their feed (/umpan-saya) lists what changed there.
 */
export const follows = pgTable(
  "follows",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetType: followTargetType("target_type").notNull(),
    targetKey: text("target_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Following twice is one row (a double submit finds the first).
    uniqueIndex("follows_user_target_key").on(table.userId, table.targetType, table.targetKey),
    // The followers of one region, indicator or tag, read when a practice is published.
    index("follows_target_idx").on(table.targetType, table.targetKey),
    check("follows_target_key_length", sql`char_length(${table.targetKey}) between 1 and 100`),
  ],
);
