import { createServer, type Server, type Socket } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../../db/client";
import { findFreePort } from "../../../scripts/lib/ports";
import { db } from "../db.server";
import { isDatabaseUnavailable } from "./database-unavailable.server";

/** The error `query` fails with. */
async function failureOf(query: () => Promise<unknown>): Promise<unknown> {
  try {
    await query();
  } catch (error) {
    return error;
  }
  throw new Error("the query did not fail");
}

describe("isDatabaseUnavailable", () => {
  it("recognises the codes of an outage, also wrapped in a cause or an AggregateError", () => {
    for (const code of ["ECONNREFUSED", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "QUERY_DEADLINE", "57P01", "57014", "08006", "53300"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error(code), { code })), code).toBe(true);
    }
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused], "every address refused"))).toBe(true);
  });

  it("leaves bugs and bad data alone: they stay a 500", () => {
    expect(isDatabaseUnavailable(new Error("undefined is not a function"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("classifies what the real client and server report", async () => {
    const port = await findFreePort();
    const refused = createDatabase(`postgres://idsl:secret@127.0.0.1:${port}/idsl`, { max: 1 });
    try {
      expect(isDatabaseUnavailable(await failureOf(() => refused.db.execute(sql`select 1`)))).toBe(true);
    } finally {
      await refused.close();
    }
    const timedOut = await failureOf(() =>
      db().transaction(async (tx) => {
        await tx.execute(sql`set local statement_timeout = 50`);
        await tx.execute(sql`select pg_sleep(1)`);
      }),
    );
    expect(isDatabaseUnavailable(timedOut)).toBe(true);
    const divisionByZero = await failureOf(() => db().execute(sql`select 1/0`));
    expect(isDatabaseUnavailable(divisionByZero)).toBe(false);
  });
});

describe("the app's pool against a server that never answers", () => {
  let silent: Server;
  let port: number;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Accepts connections and says nothing, as a paused PostgreSQL does.
    silent = createServer((socket) => sockets.add(socket));
    port = await findFreePort();
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it("gives up after the connect timeout with an outage error", async () => {
    const paused = createDatabase(`postgres://idsl:secret@127.0.0.1:${port}/idsl`, { max: 1, connectTimeoutSeconds: 1 });
    const started = performance.now();
    try {
      const error = await failureOf(() => paused.db.execute(sql`select 1`));
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      await paused.close();
    }
  });
});
