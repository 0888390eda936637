import { createDatabase, type Database } from "../../db/client";
import { serverEnv } from "./env.server";

let database: ReturnType<typeof createDatabase> | undefined;

/** The app's shared connection pool, opened on first use. */
export function db(): Database {
  database ??= createDatabase(serverEnv().DATABASE_URL);
  return database.db;
}

export async function closeDb(): Promise<void> {
  await database?.close();
  database = undefined;
}
