import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { Meilisearch } from "meilisearch";
import postgres from "postgres";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { startBundledMeilisearch } from "./meilisearch-server";
import { findFreePort } from "./ports";
import { supervise } from "./supervisor";
import { eventually } from "../../tests/support/start-run";

/**
 * The services `npm start` runs, killed with SIGKILL as a crash or the OOM killer would: the
 * supervisor starts each again on the same data, and it answers again. Own services in a fresh
 * directory, so the shared test servers stay up.
 */
const dataDir = path.resolve(".data", `supervised-${process.pid}`);
const FAST = { minDelayMs: 200, maxDelayMs: 2_000 };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it("starts the embedded PostgreSQL again after it was killed, with its data", { timeout: 120_000 }, async () => {
  const port = await findFreePort();
  const start = () => startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port });
  const first = await start();
  const lines: string[] = [];
  const supervisor = supervise("embedded PostgreSQL", first, start, { log: (line) => lines.push(line), ...FAST });
  try {
    const before = postgres(first.url, { max: 1, onnotice: () => {} });
    await before`create table kept (value text)`;
    await before`insert into kept values ('before the crash')`;
    // A backend serving an open connection outlives its postmaster: only new connections tell.
    await before.end({ timeout: 1 });
    process.kill(first.pid, "SIGKILL");
    await eventually(async () => expect(lines).toContain("embedded PostgreSQL running again"));
    expect(lines[0]).toMatch(/^embedded PostgreSQL ended \(signal SIGKILL\); starting it again in/);
    const after = postgres(first.url, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      expect((await after<{ value: string }[]>`select value from kept`).map((row) => row.value)).toEqual(["before the crash"]);
    } finally {
      await after.end({ timeout: 1 });
    }
  } finally {
    await supervisor.stop();
  }
});

it("starts the bundled Meilisearch again after it was killed", { timeout: 120_000 }, async () => {
  const masterKey = randomBytes(24).toString("base64url");
  const port = await findFreePort();
  const start = () => startBundledMeilisearch({ dataDir: path.join(dataDir, "meili"), port, masterKey });
  const first = await start();
  const lines: string[] = [];
  const supervisor = supervise("bundled Meilisearch", first, start, { log: (line) => lines.push(line), ...FAST });
  const client = new Meilisearch({ host: first.url, apiKey: masterKey, timeout: 2_000 });
  try {
    await client.createIndex("kept").waitTask();
    process.kill(first.pid, "SIGKILL");
    await eventually(async () => expect(lines).toContain("bundled Meilisearch running again"));
    expect(lines[0]).toBe("bundled Meilisearch ended (signal SIGKILL); starting it again in 0.2 s");
    expect((await client.getIndex("kept")).uid).toBe("kept");
  } finally {
    await supervisor.stop();
  }
});
