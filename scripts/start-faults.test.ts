import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Meilisearch } from "meilisearch";
import { afterAll, expect, it } from "vitest";
import { createDatabase } from "../db/client";
import { databasePoolOptions } from "../app/modules/db.server";
import { serverEnv } from "../app/modules/env.server";
import { enqueueSearchUpdate } from "../app/modules/change-feed/enqueue.server";
import { isDatabaseUnavailable } from "../app/modules/http/database-unavailable.server";
import { searchIndexUid } from "../app/modules/search/search-settings";
import { findFreePort } from "./lib/ports";
import { eventually, processesLeft, runStart, type StartRun, waitForOutput } from "../tests/support/start-run";

/**
 * The whole site as `npm start` runs it (two web workers, the background worker, the embedded
 * PostgreSQL and Meilisearch under the supervisor), hit by the faults of production while a
 * handful of clients keep requesting pages: PostgreSQL frozen, PostgreSQL stopped, Meilisearch
 * killed, a web worker killed. One run for all four, so the site starts once (about 15 s); the
 * faults are short (an 8 s freeze), since what is tested is "fails within 5 s, then heals".
 */
const dataDir = path.resolve(".data", `start-faults-${process.pid}`);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The longest a request may take while the database is frozen or down. */
const FAIL_WITHIN_MS = 5_000;
/**
 * Pages that read the database on every request: a session cookie (invalid, so anonymous) keeps
 * them out of any shared cache, and the API and readiness query on each call.
 */
const PAGES = ["/peringkat", "/praktik", "/api/v1/regions", "/healthz/ready"];
const NOT_SHARED = { Cookie: "idsl_session=fault-test" };

interface Sample {
  path: string;
  startedAt: number;
  ms: number;
  /** HTTP status, or "failed" when the connection broke. */
  status: number | "failed";
  retryAfter: string | null;
  body: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `clients` loops requesting PAGES in turn until stopped; every answer is kept. */
function startLoad(origin: string, clients = 4) {
  const samples: Sample[] = [];
  let stopped = false;
  const loop = async (offset: number) => {
    for (let i = offset; !stopped; i++) {
      const page = PAGES[i % PAGES.length]!;
      const startedAt = Date.now();
      try {
        const response = await fetch(origin + page, { headers: NOT_SHARED, signal: AbortSignal.timeout(20_000) });
        const body = await response.text();
        samples.push({ path: page, startedAt, ms: Date.now() - startedAt, status: response.status, retryAfter: response.headers.get("Retry-After"), body });
      } catch {
        samples.push({ path: page, startedAt, ms: Date.now() - startedAt, status: "failed", retryAfter: null, body: "" });
        await sleep(50);
      }
    }
  };
  const loops = Array.from({ length: clients }, (_, offset) => loop(offset));
  return {
    samples,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      return samples;
    },
  };
}

/**
 * Answers once an outage began (at `since`): each within 5 s of the outage or of its request,
 * whichever came later; a page's a localized 503 with Retry-After, never a 500.
 */
function expectFailedFast(all: Sample[], since: number) {
  const samples = all.filter((sample) => sample.startedAt + sample.ms >= since);
  for (const sample of samples) {
    const waited = sample.startedAt + sample.ms - Math.max(sample.startedAt, since);
    const what = `${sample.path} answered ${sample.status} after ${sample.ms} ms, started ${sample.startedAt - since} ms after the outage began`;
    expect(waited, what).toBeLessThan(FAIL_WITHIN_MS);
    expect([200, 503], what).toContain(sample.status);
  }
  const pages = samples.filter((sample) => sample.status === 503 && (sample.path === "/peringkat" || sample.path === "/praktik"));
  expect(pages.length, "pages answered 503 during the outage").toBeGreaterThan(0);
  for (const page of pages) {
    expect(page.retryAfter).toBe("30");
    expect(page.body).toContain("Layanan sedang tidak tersedia");
  }
}

/** Waits until every page answers 200 again (the site healed without a restart). */
async function expectHealed(origin: string) {
  await eventually(async () => {
    for (const page of PAGES) expect((await fetch(origin + page, { headers: NOT_SHARED })).status, page).toBe(200);
  }, 30_000);
}

/** The direct children of `pid` as [pid, command]. */
function childrenOf(pid: number): [number, string][] {
  let listing = "";
  try {
    listing = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" });
  } catch {
    // ps exits 1 when there are none.
  }
  return listing
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([child]) => child)
    .map(([child, command]) => [Number(child), command ?? ""]);
}

function servicePid(run: StartRun, command: string): number {
  const found = childrenOf(run.child.pid!).find(([, name]) => name.startsWith(command));
  if (!found) throw new Error(`no ${command} process`);
  return found[0];
}

/**
 * The web workers' pids (cluster workers started with IDSL_WORKER_ROLE=web), told by their
 * environment, not their name: under Node 24 `ps` listed none named "node" (CI, Node 24.21.0).
 */
function webWorkers(run: StartRun): number[] {
  return childrenOf(run.child.pid!)
    .map(([pid]) => pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes("IDSL_WORKER_ROLE=web");
      } catch {
        return false; // ended since ps listed it
      }
    });
}

/** The postmaster and every backend: SIGSTOP on all of them freezes the server, as a hung host does. */
function signalPostgres(run: StartRun, signal: NodeJS.Signals) {
  const postmaster = servicePid(run, "postgres");
  for (const pid of [postmaster, ...childrenOf(postmaster).map(([child]) => child)]) process.kill(pid, signal);
}

it("fails fast and heals: PostgreSQL frozen and stopped, Meilisearch killed, a web worker killed, all under load", { timeout: 150_000 }, async () => {
  const port = await findFreePort();
  const pgPort = await findFreePort();
  const meiliPort = await findFreePort();
  const run = runStart({
    PORT: String(port),
    IDSL_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    EMBEDDED_MEILI_PORT: String(meiliPort),
    WEB_CONCURRENCY: "2",
    // The supervisor's and the cluster's warnings are what this test reads.
    LOG_LEVEL: "warn",
  });
  const origin = `http://127.0.0.1:${port}`;
  const password = () => encodeURIComponent(readFileSync(path.join(dataDir, "secrets", "postgres-password"), "utf8").trim());
  let app: ReturnType<typeof createDatabase> | undefined;
  try {
    // Fully started: the last demo account printed, and every process listening (each web worker for
    // cache invalidations, the background worker for them and the search outbox); a worker still starting
    // when the database froze would fail its start instead.
    await waitForOutput(run, "anggota.blora@demo.idsl.test");
    const url = `postgres://postgres:${password()}@127.0.0.1:${pgPort}/idsl`;
    // The web server's pool settings, for writes from here that must be whole or absent.
    app = createDatabase(url, databasePoolOptions(serverEnv(), true));
    await eventually(async () => {
      const listening = await app!.db.execute(sql`select 1 from pg_stat_activity where query ilike 'listen %'`);
      expect(listening.length).toBeGreaterThanOrEqual(3);
    }, 30_000);
    await app.db.execute(sql`create table fault_writes (tx integer not null, part integer not null)`);

    // PostgreSQL frozen for 8 s: nothing fails by itself, open connections wait forever.
    {
      const load = startLoad(origin);
      const writes: { ms: number; error?: unknown }[] = [];
      let writing = true;
      const writer = (async () => {
        for (let tx = 1; writing; tx++) {
          const startedAt = Date.now();
          try {
            await app.db.transaction(async (t) => {
              await t.execute(sql`insert into fault_writes values (${tx}, 1)`);
              await t.execute(sql`select pg_sleep(0.05)`);
              await t.execute(sql`insert into fault_writes values (${tx}, 2)`);
            });
            writes.push({ ms: Date.now() - startedAt });
          } catch (error) {
            writes.push({ ms: Date.now() - startedAt, error });
          }
        }
      })();
      await sleep(1_000);
      const frozenAt = Date.now();
      signalPostgres(run, "SIGSTOP");
      await sleep(8_000);
      signalPostgres(run, "SIGCONT");
      await expectHealed(origin);
      writing = false;
      await writer;
      const samples = await load.stop();
      expectFailedFast(samples, frozenAt);
      const failed = writes.filter((write) => write.error !== undefined);
      expect(failed.length, "a write was in flight when PostgreSQL froze").toBeGreaterThan(0);
      for (const write of failed) {
        expect(isDatabaseUnavailable(write.error), String(write.error)).toBe(true);
        expect(write.ms).toBeLessThan(FAIL_WITHIN_MS);
      }
      expect(writes.at(-1)?.error, "writes succeed again").toBeUndefined();
      const halves = await app.db.execute(sql`select tx from fault_writes group by tx having count(*) <> 2`);
      expect(halves, "no transaction half-written").toHaveLength(0);
      // Healed without a restart: neither PostgreSQL nor a worker was started again.
      expect(run.output()).not.toMatch(/embedded PostgreSQL ended|worker exited/);
    }

    // PostgreSQL stopped (a fast shutdown): the supervisor starts it again.
    {
      const load = startLoad(origin);
      await sleep(500);
      const stoppedAt = Date.now();
      process.kill(servicePid(run, "postgres"), "SIGINT");
      await waitForOutput(run, "embedded PostgreSQL running again", 30_000);
      await expectHealed(origin);
      const samples = await load.stop();
      expectFailedFast(samples, stoppedAt);
    }

    // Meilisearch killed: readiness stays 200 (degraded), a practice published meanwhile is found once it is back.
    {
      const masterKey = readFileSync(path.join(dataDir, "secrets", "meili-master-key"), "utf8").trim();
      const search = new Meilisearch({ host: `http://127.0.0.1:${meiliPort}`, apiKey: masterKey, timeout: 2_000 });
      const word = `gangguan${Date.now()}`;
      const readiness: { status: number; body: { status?: string } }[] = [];
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          const response = await fetch(`${origin}/healthz/ready`);
          readiness.push({ status: response.status, body: (await response.json()) as { status?: string } });
          await sleep(100);
        }
      })();
      process.kill(servicePid(run, "meilisearch"), "SIGKILL");
      await eventually(async () => expect(readiness.at(-1)?.body.status).toBe("degraded"), 10_000);
      // Published while search is down: the revision gets a new title, the practice a new publication date, the outbox its row.
      await app.db.transaction(async (t) => {
        const [practice] = await t.execute<{ id: number }>(
          sql`update practice_revisions set title = title || ' ' || ${word} where id = (select published_revision_id from practices where published_revision_id is not null order by id limit 1) returning practice_id as id`,
        );
        await t.execute(sql`update practices set published_at = now() where id = ${practice!.id}`);
        await enqueueSearchUpdate(t, "practice", practice!.id);
      });
      await waitForOutput(run, "bundled Meilisearch running again", 30_000);
      await eventually(async () => {
        const { hits } = await search.index(searchIndexUid("practices")).search(word);
        expect(hits).toHaveLength(1);
      }, 30_000);
      await eventually(async () => expect(readiness.at(-1)?.body.status).toBe("ok"), 10_000);
      watching = false;
      await watcher;
      expect(readiness.every((answer) => answer.status === 200)).toBe(true);
    }

    // A web worker killed: the cluster starts another; requests on the killed one fail, later ones succeed.
    {
      const before = webWorkers(run);
      expect(before).toHaveLength(2);
      const load = startLoad(origin);
      await sleep(500);
      const killedAt = Date.now();
      process.kill(before[0]!, "SIGKILL");
      await waitForOutput(run, `"workerPid":${before[0]},"exit":"SIGKILL"`, 10_000);
      await eventually(async () => expect(webWorkers(run).filter((pid) => !before.includes(pid))).toHaveLength(1), 30_000);
      await sleep(500);
      const replacedAt = Date.now();
      await sleep(1_000);
      const samples = (await load.stop()).filter((sample) => sample.startedAt + sample.ms >= killedAt);
      for (const sample of samples) {
        const what = `${sample.path} answered ${sample.status} after ${sample.ms} ms, started ${sample.startedAt - killedAt} ms after the kill; the site logged:\n${run.output().slice(-4_000)}`;
        expect(sample.ms, what).toBeLessThan(FAIL_WITHIN_MS);
        expect([200, "failed"], what).toContain(sample.status);
      }
      const later = samples.filter((sample) => sample.startedAt >= replacedAt);
      expect(later.length).toBeGreaterThan(0);
      expect(later.every((sample) => sample.status === 200)).toBe(true);
    }

    await app.close();
    app = undefined;
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(await processesLeft(run)).toEqual([]);
    // Nothing Node itself complained about (an AbortSignal listener leak was printed once).
    expect(run.output()).not.toMatch(/\(node:\d+\) \w*Warning|Unhandled/);
  } finally {
    await app?.close();
    if (run.child.exitCode === null) {
      process.kill(-run.child.pid!, "SIGKILL");
      await run.exited;
    }
  }
});
