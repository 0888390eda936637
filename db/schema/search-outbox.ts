import { sql } from "drizzle-orm";
import { bigserial, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** What an outbox row asks to refresh in the search index; only practices change at run time. */
export type SearchOutboxKind = "practice";

/**
 * Pending search index updates. A content change inserts a row in its own transaction, so a
 * committed change always has one; the search worker (app/modules/search/outbox.server.ts)
 * deletes the row only after Meilisearch confirmed the update, so nothing is lost while
 * Meilisearch is down.
 */
export const searchOutbox = pgTable(
  "search_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").$type<SearchOutboxKind>().notNull(),
    entityId: text("entity_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    /** Not before this time: failed rows are retried later, with backoff. */
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().default(sql`now()`),
    lastError: text("last_error"),
  },
  (table) => [index("search_outbox_available_at_idx").on(table.availableAt)],
);
