import { eq } from "drizzle-orm";
import type { Database } from "./client";
import { sources } from "./schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DatabaseOrTransaction = Database | Transaction;

/**
 * A source row by its natural key, created or refreshed. A cited source is either a URL (cited
 * by its host) or a bibliographic note without a link. Used by the seed and by curator imports.
 */
export async function upsertSource(
  tx: DatabaseOrTransaction,
  kind: (typeof sources.$inferInsert)["kind"],
  reference: string,
): Promise<number> {
  const isUrl = /^https?:\/\//.test(reference);
  const citation = isUrl ? hostOf(reference) : reference;
  const [row] = await tx
    .insert(sources)
    .values({ key: reference, kind, citation, url: isUrl ? reference : null })
    .onConflictDoUpdate({ target: sources.key, set: { kind, citation } })
    .returning({ id: sources.id });
  if (!row) throw new Error(`could not store source ${reference}`);
  return row.id;
}

/** "news.example.com" for a link; the whole text when it is not a parseable URL. */
function hostOf(reference: string): string {
  try {
    return new URL(reference).hostname.replace(/^www\./, "") || reference;
  } catch {
    return reference;
  }
}

/**
 * The id of the source with this natural key, created with `kind` if missing. Unlike
 * upsertSource, an existing source keeps its kind and citation: citing a news article in an
 * import does not turn it into a decree.
 */
export async function ensureSource(tx: DatabaseOrTransaction, kind: (typeof sources.$inferInsert)["kind"], reference: string): Promise<number> {
  const existing = await tx.query.sources.findFirst({ where: eq(sources.key, reference), columns: { id: true } });
  if (existing) return existing.id;
  return upsertSource(tx, kind, reference);
}
