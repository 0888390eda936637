/**
 * The change feed: writers enqueue "this entity changed" in their own transaction, the search
 * area drains the queue (search/outbox.server.ts). It lives on the shared floor so that writing
 * areas need not depend on search, and search may depend on them.
 */
import { sql } from "drizzle-orm";
import { searchOutbox, type SearchOutboxKind } from "../../../db/schema";
import type { DatabaseOrTransaction } from "../db.server";

/** The channel the search worker LISTENs on, so it starts right after a commit instead of polling. */
export const SEARCH_OUTBOX_CHANNEL = "search_outbox";

/**
 * Asks the search worker to refresh one entity. Call it with the transaction of the change:
 * the row then commits (or rolls back) together with the change, so no change is missed.
 */
export async function enqueueSearchUpdate(executor: DatabaseOrTransaction, kind: SearchOutboxKind, entityId: number | string): Promise<void> {
  await executor.insert(searchOutbox).values({ kind, entityId: String(entityId) });
  // Delivered on commit, and only once per transaction however many rows it wrote.
  await executor.execute(sql`select pg_notify(${SEARCH_OUTBOX_CHANNEL}, '')`);
}
