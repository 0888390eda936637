/**
 * Cache invalidation across processes through PostgreSQL: a broadcast from this process runs
 * the handlers of another process on the same database (as on another app server), only for
 * its topic; when that process's LISTEN connection is lost, it drops every cache on reconnect.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { db } from "../db.server";
import { broadcast } from "./broadcast.server";

let child: ChildProcessWithoutNullStreams | undefined;

afterEach(async () => {
  if (!child) return;
  const exited = new Promise((resolve) => child!.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  child = undefined;
});

/** Starts the listener process; `heard` is every line it printed so far. */
function startListener(): { heard: string[] } {
  const heard: string[] = [];
  child = spawn(process.execPath, ["--import", "tsx", "tests/support/broadcast-listener-child.ts"], { env: process.env });
  let rest = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    heard.push(...lines.filter((line) => line.startsWith("heard ")));
  });
  return { heard };
}

async function eventually(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const count = (heard: string[], line: string) => heard.filter((each) => each === line).length;

it("runs another process's handlers for the broadcast topic only", { timeout: 60_000 }, async () => {
  const { heard } = startListener();
  // Once it listens, the other process drops everything (it may have missed notifications).
  await eventually(() => count(heard, "heard test-layout") === 1 && count(heard, "heard test-snapshot") === 1);

  await broadcast("test-snapshot");
  await eventually(() => count(heard, "heard test-snapshot") === 2);
  await broadcast("test-snapshot");
  await eventually(() => count(heard, "heard test-snapshot") === 3);
  // Let any stray notification arrive before checking the other topic was left alone.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(count(heard, "heard test-layout")).toBe(1);
});

it("drops every cache when its lost LISTEN connection comes back", { timeout: 60_000 }, async () => {
  const { heard } = startListener();
  await eventually(() => count(heard, "heard test-layout") === 1);

  const terminated = await db().execute<{ pid: number }>(
    sql`select pg_terminate_backend(pid), pid from pg_stat_activity where datname = current_database() and query ilike 'listen%idsl_cache%'`,
  );
  expect(terminated.length).toBeGreaterThan(0);
  await eventually(() => count(heard, "heard test-layout") === 2 && count(heard, "heard test-snapshot") === 2);

  // And it still hears broadcasts afterwards.
  await broadcast("test-layout");
  await eventually(() => count(heard, "heard test-layout") === 3);
});
