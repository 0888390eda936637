import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof createDatabase>["db"];

export interface DatabaseOptions {
  max?: number;
  /** Seconds to wait for a new connection (TCP, TLS and login) before giving up. */
  connectTimeoutSeconds?: number;
  /** Seconds an unused pooled connection stays open; 0 keeps it. */
  idleTimeoutSeconds?: number;
  /** PostgreSQL's statement_timeout for every statement on the pool, in ms; 0 or unset: none. */
  statementTimeoutMs?: number;
}

/** One connection pool plus its drizzle wrapper; `close` ends the pool. */
export function createDatabase(url: string, options: DatabaseOptions = {}) {
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    idle_timeout: options.idleTimeoutSeconds || undefined,
    // Sent with the login, so it holds from the first statement on each connection.
    connection: options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {},
    // Postgres NOTICEs (e.g. "relation already exists, skipping") are noise for us.
    onnotice: () => {},
  });
  const db = drizzle(client, { schema });
  return { db, client, close: () => client.end({ timeout: 5 }) };
}
