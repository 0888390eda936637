import { type SQL, sql } from "drizzle-orm";
import { createDatabase, type Database, type DatabaseOptions } from "../../db/client";
import { type ServerEnv, serverEnv } from "./env.server";

/**
 * One pool per process, kept on globalThis: `npm run dev` loads every rebuild of the app anew,
 * and a pool per loaded build would keep its connections until PostgreSQL has none left.
 */
const processWide = globalThis as typeof globalThis & {
  idslDatabase?: ReturnType<typeof createDatabase>;
  idslLongDatabase?: ReturnType<typeof createDatabase>;
  idslServesRequests?: boolean;
};

/** Either the pool or an open transaction: data functions that must join a caller's transaction take this. */
export type DatabaseOrTransaction = Database | Transaction;
type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Integers as one `int[]` parameter, for `= any(…)`, `&&` and `@>`: one statement text whatever
 * the list's length (a prepared statement per length otherwise) and one parameter to send,
 * where `in (…)` sends hundreds.
 */
export function integerArray(values: readonly number[]): SQL {
  return sql`${`{${values.map((value) => Math.trunc(value)).join(",")}}`}::int[]`;
}

/**
 * Waits until no other transaction holds the lock named `scope` (and `id`), then holds it until
 * this transaction ends: for read-then-write steps that must not interleave (a unique row
 * that a newer one replaces, an import's check and write).
 */
export async function lockForTransaction(tx: DatabaseOrTransaction, scope: string, id = 0): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${scope}), ${id})`);
}

/**
 * Marks this process as a web server, before its first query: its pool then carries the
 * statement timeout and the client's answer deadline, so a stuck query or a frozen database
 * fails the request instead of holding it. Scripts,
 * migrations and the background workers never call this; their long statements are legitimate.
 * A pool already open keeps no limit: with WEB_CONCURRENCY=1 one process seeds, serves and runs
 * the background workers on one pool.
 */
export function limitStatementsForRequests(): void {
  processWide.idslServesRequests = true;
}

/**
 * How much longer than the statement timeout the client waits for an answer: a live server
 * cancels a slow statement itself and says so first; only a silent (frozen) one meets the deadline.
 */
const ANSWER_GRACE_MS = 500;

/** The pool's settings: with timeouts, a request fails within seconds when the database cannot answer. */
export function databasePoolOptions(env: ServerEnv, servesRequests: boolean): DatabaseOptions {
  const statementTimeoutMs = servesRequests ? env.DATABASE_STATEMENT_TIMEOUT_MS : 0;
  return {
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS === "on",
    connectTimeoutSeconds: env.DATABASE_CONNECT_TIMEOUT_SECONDS,
    idleTimeoutSeconds: env.DATABASE_IDLE_TIMEOUT_SECONDS,
    statementTimeoutMs,
    answerDeadlineMs: statementTimeoutMs > 0 ? statementTimeoutMs + ANSWER_GRACE_MS : 0,
  };
}

/**
 * Runs `work` in a transaction on a second, small pool without the web requests' limits, for
 * work that is long by nature and started on purpose (a whole sheet imported, waiting for the
 * import before it): a statement may run, or wait for a lock, as long as it needs.
 */
export function longTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  const env = serverEnv();
  processWide.idslLongDatabase ??= createDatabase(env.DATABASE_URL, { ...databasePoolOptions(env, false), max: 2 });
  return processWide.idslLongDatabase.db.transaction(work);
}

/** The app's shared connection pool, opened on first use. */
export function db(): Database {
  const env = serverEnv();
  processWide.idslDatabase ??= createDatabase(env.DATABASE_URL, databasePoolOptions(env, processWide.idslServesRequests === true));
  return processWide.idslDatabase.db;
}

/** The pool's postgres.js client, for what drizzle does not cover (LISTEN). */
export function dbClient(): ReturnType<typeof createDatabase>["client"] {
  db();
  return processWide.idslDatabase!.client;
}

export async function closeDb(): Promise<void> {
  const databases = [processWide.idslDatabase, processWide.idslLongDatabase];
  processWide.idslDatabase = processWide.idslLongDatabase = undefined;
  await Promise.all(databases.map((database) => database?.close()));
}
