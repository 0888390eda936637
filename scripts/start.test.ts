import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "./lib/ports";
import { processesLeft, runStart, strayLines, waitForOutput } from "../tests/support/start-run";

/** Error lines of a failed start, without npm/node noise. */
function idslLines(output: string): string[] {
  return output.split("\n").filter((line) => line.trim() !== "");
}

describe("npm start (scripts/start.ts)", () => {
  const dataDir = path.resolve(".data", `start-test-${process.pid}`);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("says in one line that the web port is taken", async () => {
    const port = await findFreePort();
    const blocker = net.createServer().listen(port, "0.0.0.0");
    await new Promise((resolve) => blocker.once("listening", resolve));
    try {
      const run = runStart({ PORT: String(port), IDSL_DATA_DIR: dataDir });
      expect(await run.exited).toBe(1);
      expect(idslLines(run.output())).toEqual([
        `[idsl] Port ${port} (web server) is already in use. Stop what uses it or choose another port.`,
      ]);
    } finally {
      blocker.close();
    }
  });

  it("says in one line that the database is unreachable, without printing its password", async () => {
    const run = runStart({
      PORT: String(await findFreePort()),
      DATABASE_URL: "postgres://idsl:hunter2-secret@127.0.0.1:1/idsl",
      MEILI_URL: "http://127.0.0.1:1",
    });
    expect(await run.exited).toBe(1);
    expect(idslLines(run.output())).toEqual([
      "[idsl] Cannot use the database at 127.0.0.1:1/idsl (ECONNREFUSED): check DATABASE_URL.",
    ]);
  });

  it("starts the embedded services, serves the site, stops everything on SIGTERM and reuses the data", async () => {
    for (const attempt of ["cold", "warm"]) {
      const port = await findFreePort();
      const run = runStart({
        PORT: String(port),
        IDSL_DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await findFreePort()),
        EMBEDDED_MEILI_PORT: String(await findFreePort()),
      });
      await waitForOutput(run, "site ready");
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status, attempt).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true }, search: { ok: true } });
      const secretBefore = readFileSync(path.join(dataDir, "secrets", "meili-master-key"), "utf8");
      const versionFile = statSync(path.join(dataDir, "postgres", "PG_VERSION"));

      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
      // PostgreSQL removes its pid file on a clean shutdown; Meilisearch's port is free again.
      expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      expect(await processesLeft(run)).toEqual([]);
      expect(strayLines(run.output())).toEqual([]);

      if (attempt === "warm") {
        expect(readFileSync(path.join(dataDir, "secrets", "meili-master-key"), "utf8")).toBe(secretBefore);
        expect(statSync(path.join(dataDir, "postgres", "PG_VERSION")).mtimeMs).toBe(versionFile.mtimeMs);
      }
    }
  }, 180_000);

  it("ends quietly with exit 0 and nothing running on Ctrl-C, which reaches every process of the group", async () => {
    const pgPort = await findFreePort();
    const run = runStart({
      PORT: String(await findFreePort()),
      IDSL_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_MEILI_PORT: String(await findFreePort()),
    });
    // Fully started (the last demo account is printed), with the search worker idle on its LISTEN
    // connection: PostgreSQL stopping under that connection used to print an uncaught CONNECTION_CLOSED.
    await waitForOutput(run, "anggota.blora@demo.idsl.test");
    const password = readFileSync(path.join(dataDir, "secrets", "postgres-password"), "utf8").trim();
    const admin = postgres(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/postgres`, { max: 1, onnotice: () => {} });
    try {
      const deadline = Date.now() + 30_000;
      while ((await admin`select 1 from pg_stat_activity where query ilike 'listen %'`).length === 0) {
        if (Date.now() > deadline) throw new Error("the search worker never listened");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await admin.end({ timeout: 5 });
    }

    process.kill(-run.child.pid!, "SIGINT");
    expect(await run.exited).toBe(0);
    expect(await processesLeft(run)).toEqual([]);
    expect(strayLines(run.output())).toEqual([]);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  }, 120_000);
});
