import { sql } from "drizzle-orm";
import { bigserial, customType, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** What an outbox row asks to refresh in the search index; only practices change at run time. */
export type SearchOutboxKind = "practice";

/** A PostgreSQL 64-bit transaction id, read as text (only compared inside SQL). */
const xid8 = customType<{ data: string }>({ dataType: () => "xid8" });

/**
 * Pending and recently applied search index updates. A content change inserts a row in its
 * own transaction, so a committed change always has one; the search worker
 * (app/modules/search/outbox.server.ts) marks the row processed only after Meilisearch
 * confirmed the update, so nothing is lost while Meilisearch is down. Processed rows are
 * kept for a day: a reindex replays those its database snapshot did not include.
 */
export const searchOutbox = pgTable(
  "search_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").$type<SearchOutboxKind>().notNull(),
    entityId: text("entity_id").notNull(),
    /** The writing transaction, to tell whether a reindex's snapshot saw the change. */
    transactionId: xid8("transaction_id").notNull().default(sql`pg_current_xact_id()`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    /** Not before this time: failed rows are retried later, with backoff. */
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().default(sql`now()`),
    lastError: text("last_error"),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (table) => [
    index("search_outbox_pending_idx").on(table.availableAt).where(sql`${table.processedAt} is null`),
    index("search_outbox_processed_at_idx").on(table.processedAt),
  ],
);
