/**
 * Writing search outbox rows. Kept apart from outbox.server.ts (the draining side), because
 * the practice modules import this one and the draining side imports the practice modules.
 */
import { eq, sql } from "drizzle-orm";
import { practiceAdoptions, searchOutbox, type SearchOutboxKind } from "../../../db/schema";
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

/**
 * Refreshes the practice a given practice was adopted from: its adoption count only counts
 * public adopters, so publishing or archiving the adopter changes the source's document.
 */
export async function enqueueAdoptionSourceUpdate(executor: DatabaseOrTransaction, adopterPracticeId: number): Promise<void> {
  const [adoption] = await executor
    .select({ sourcePracticeId: practiceAdoptions.sourcePracticeId })
    .from(practiceAdoptions)
    .where(eq(practiceAdoptions.adopterPracticeId, adopterPracticeId));
  if (adoption?.sourcePracticeId) await enqueueSearchUpdate(executor, "practice", adoption.sourcePracticeId);
}
