import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { createScratchDatabase } from "../tests/support/scratch-database";
import { migrateDatabase } from "./migrate";

describe("migrateDatabase", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it("applies each migration once when several processes migrate at the same time", async () => {
    const scratch = await createScratchDatabase();
    cleanup = scratch.drop;

    await Promise.all([migrateDatabase(scratch.url), migrateDatabase(scratch.url), migrateDatabase(scratch.url)]);

    const client = postgres(scratch.url, { max: 1 });
    const applied = await client`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const tables = await client`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
    await client.end();
    expect(applied[0]?.n).toBeGreaterThanOrEqual(1);
    const files = (await import("./migrations/meta/_journal.json")).default.entries.length;
    expect(applied[0]?.n).toBe(files);
    expect(tables[0]?.n).toBeGreaterThan(5);
  });
});
