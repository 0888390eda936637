import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "../tests/support/scratch-database";
import { createDatabase } from "./client";

describe("createDatabase: prepared statements (decision 0038)", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const opened: ReturnType<typeof createDatabase>[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });

  afterAll(async () => {
    await Promise.all(opened.map((database) => database.close()));
    await scratch.drop();
  });

  /** One connection, so what it prepared is what pg_prepared_statements shows. */
  function open(preparedStatements?: boolean, answerDeadlineMs?: number) {
    const database = createDatabase(scratch.url, { max: 1, ...(preparedStatements === undefined ? {} : { preparedStatements }), ...(answerDeadlineMs ? { answerDeadlineMs } : {}) });
    opened.push(database);
    return database.db;
  }

  async function preparedOnConnection(db: ReturnType<typeof open>, marker: string): Promise<number> {
    await db.execute(sql`select ${marker}::text as marker`);
    await db.execute(sql`select ${marker}::text as marker`);
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_prepared_statements where statement like ${"%::text as marker%"}`);
    return rows[0]!.n;
  }

  it("prepares drizzle's statements by default, with or without the web requests' deadline", async () => {
    expect(await preparedOnConnection(open(), "default")).toBe(1);
    expect(await preparedOnConnection(open(true, 4_500), "deadline")).toBe(1);
  });

  it("sends them unnamed when turned off (a pooler that cannot keep them)", async () => {
    expect(await preparedOnConnection(open(false), "off")).toBe(0);
  });

  it("keeps answering after a migration changes a table a prepared statement reads", async () => {
    const db = open();
    await db.execute(sql`create table probe (id int primary key)`);
    await db.execute(sql`insert into probe values (1)`);
    for (let run = 0; run < 6; run++) expect(await db.execute(sql`select * from probe`)).toEqual([{ id: 1 }]);
    await db.execute(sql`alter table probe add column label text not null default 'baru'`);
    expect(await db.execute(sql`select * from probe`)).toEqual([{ id: 1, label: "baru" }]);
  });
});
