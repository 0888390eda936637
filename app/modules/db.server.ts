import { createDatabase, type Database } from "../../db/client";
import { serverEnv } from "./env.server";

let database: ReturnType<typeof createDatabase> | undefined;

/** Either the pool or an open transaction: data functions that must join a caller's transaction take this. */
export type DatabaseOrTransaction = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The app's shared connection pool, opened on first use. */
export function db(): Database {
  database ??= createDatabase(serverEnv().DATABASE_URL);
  return database.db;
}

/** The pool's postgres.js client, for what drizzle does not cover (LISTEN). */
export function dbClient(): ReturnType<typeof createDatabase>["client"] {
  db();
  return database!.client;
}

export async function closeDb(): Promise<void> {
  await database?.close();
  database = undefined;
}
