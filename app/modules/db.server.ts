import { sql } from "drizzle-orm";
import { createDatabase, type Database } from "../../db/client";
import { serverEnv } from "./env.server";

/**
 * One pool per process, kept on globalThis: `npm run dev` loads every rebuild of the app anew,
 * and a pool per loaded build would keep its connections until PostgreSQL has none left.
 */
const processWide = globalThis as typeof globalThis & { idslDatabase?: ReturnType<typeof createDatabase> };

/** Either the pool or an open transaction: data functions that must join a caller's transaction take this. */
export type DatabaseOrTransaction = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Waits until no other transaction holds the lock named `scope` (and `id`), then holds it until
 * this transaction ends: for read-then-write steps that must not interleave (a unique row
 * that a newer one replaces, an import's check and write).
 */
export async function lockForTransaction(tx: DatabaseOrTransaction, scope: string, id = 0): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${scope}), ${id})`);
}

/** The app's shared connection pool, opened on first use. */
export function db(): Database {
  processWide.idslDatabase ??= createDatabase(serverEnv().DATABASE_URL);
  return processWide.idslDatabase.db;
}

/** The pool's postgres.js client, for what drizzle does not cover (LISTEN). */
export function dbClient(): ReturnType<typeof createDatabase>["client"] {
  db();
  return processWide.idslDatabase!.client;
}

export async function closeDb(): Promise<void> {
  const database = processWide.idslDatabase;
  processWide.idslDatabase = undefined;
  await database?.close();
}
