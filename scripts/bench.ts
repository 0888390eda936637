/**
 * `npm run bench`: loads the scale dataset (all kabupaten/kota × 5 years of synthetic SPBE
 * levels, of kind "sample", and 20,000 practices) into its own embedded PostgreSQL under
 * .data/bench, starts the production server like `npm start` does, drives each page below over
 * HTTP (the rankings also in their sample view, which ranks all 514) and prints p50/p95/p99 latency and
 * requests/second. Then search: the same searches sent raw to Meilisearch, publish →
 * searchable, and a full reindex. Exits non-zero when a page answers with errors or a figure
 * misses its target.
 *
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 4) tune each page's run. Four
 * requests always in flight is far more than a few hundred officials clicking through pages
 * generate; the server runs as a cluster with one worker per core, as `npm start` does.
 */
import { fileURLToPath } from "node:url";
import { createMeilisearchClient } from "../app/modules/search/meilisearch.server";
import { type LoadRequest, runLoad } from "./bench/load-test";
import { formatPageJavaScript, measurePageJavaScript } from "./bench/page-javascript";
import { type LatencySummary, summarizeLatencies } from "./bench/percentiles";
import { setQuestionCount, type BenchInputs, loadScaleDataset, pickBenchInputs } from "./bench/scale-data";
import { measurePublishToSearchable, measureReindex, rawSearchRequests, SEARCH_PATHS } from "./bench/search-bench";
import { startProductionServer } from "./bench/server";
import { prepareDatabase } from "./lib/database-startup";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { readOrCreateLocalSecret } from "./lib/local-secrets";
import { findFreePort } from "./lib/ports";

interface BenchPage {
  name: string;
  /** p95 latency the page must stay within; pages without one are only reported. */
  targetP95Ms?: number;
  /** Varied URLs, requested round-robin so no single cached answer makes it trivial. */
  paths: (inputs: BenchInputs) => string[];
  /** Instead of a browser's headers (the API answers programs asking for JSON). */
  headers?: Record<string, string>;
}

const API_CLIENT_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "application/json" };

/** The measured pages, in order. */
const PAGES: BenchPage[] = [
  {
    name: "rankings",
    targetP95Ms: 100,
    // The sample view ranks all 514 synthetic regions of the scale data: the largest ranking.
    paths: () => ["/peringkat?tahun=2024", "/peringkat?data=contoh&tahun=2024", "/peringkat?tahun=2023&provinsi=32", "/peringkat?data=contoh&tahun=2024&jenis=kota", "/peringkat?tahun=2022&kohort=idsl-2022"],
  },
  { name: "region benchmark", targetP95Ms: 100, paths: (inputs) => inputs.regionCodes.map((code) => `/daerah/${code}/benchmark`) },
  { name: "compare", targetP95Ms: 100, paths: (inputs) => inputs.regionTriplets.map((codes) => `/bandingkan?daerah=${codes.join(",")}`) },
  {
    name: "practices list",
    paths: (inputs) => ["/praktik", "/praktik?urut=terbanyak-diadopsi", "/praktik?indikator=37", `/praktik?tag=${encodeURIComponent(inputs.tag)}`, "/praktik?provinsi=35"],
  },
  { name: "practice page", paths: (inputs) => inputs.practiceIds.map((id) => `/praktik/${id}`) },
  { name: "region profile", paths: (inputs) => inputs.regionCodes.map((code) => `/daerah/${code}`) },
  { name: "province page", paths: () => ["11", "32", "33", "35", "51", "64", "73", "94"].map((code) => `/provinsi/${code}`) },
  { name: "indicator page", paths: () => [1, 3, 12, 23, 37, 42, 47].map((number) => `/indikator/${number}`) },
  { name: "search page", targetP95Ms: 50, paths: () => SEARCH_PATHS },
  // The read-only API (decision 0028): its largest answers, reported without a target.
  {
    name: "API rankings",
    headers: API_CLIENT_HEADERS,
    // Official figures in their default year (the API refuses a year without figures, the page falls back).
    paths: () => ["/api/v1/rankings?batas=100", "/api/v1/rankings?data=contoh&tahun=2024&batas=100", "/api/v1/rankings?data=contoh&tahun=2023&jenis=kota&batas=100", "/api/v1/rankings?kohort=idsl-2022"],
  },
  { name: "API region", headers: API_CLIENT_HEADERS, paths: (inputs) => inputs.regionCodes.map((code) => `/api/v1/regions/${code}?data=resmi,terverifikasi,contoh`) },
  {
    name: "API practices",
    headers: API_CLIENT_HEADERS,
    paths: (inputs) => ["/api/v1/practices?batas=100", "/api/v1/practices?urut=terbanyak-diadopsi&batas=100", `/api/v1/practices?tag=${encodeURIComponent(inputs.tag)}`, "/api/v1/practices?provinsi=35&hal=2"],
  },
];
/** A practice with 2,000 questions may cost at most this many times its p95 with one page of them. */
const QUESTION_FLOOD_FACTOR = 1.25;
const QUESTION_FLOOD = 2000;
/** The search page may cost at most this many times the raw Meilisearch query's p95. */
const SEARCH_OVERHEAD_FACTOR = 2;
const PUBLISH_TO_SEARCHABLE_P95_MS = 2_000;
const REINDEX_TARGET_MS = 60_000;

const DATA_DIR = fileURLToPath(new URL("../.data/bench", import.meta.url));
const WARM_UP_SECONDS = 2;

interface PageResult {
  name: string;
  summary: LatencySummary | null;
  requestsPerSecond: number | null;
  non2xx: number | null;
  note: string;
  failed: boolean;
}

function log(message: string) {
  console.log(`[bench] ${message}`);
}

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** The paths that do not answer 2xx right now, with their status, for the error report. */
async function failingPaths(baseUrl: string, paths: readonly string[]): Promise<string[]> {
  const failing: string[] = [];
  for (const path of paths) {
    const response = await fetch(baseUrl + path, { redirect: "manual" });
    await response.arrayBuffer();
    if (!response.ok) failing.push(`${path} → ${response.status}`);
  }
  return failing;
}

async function measurePage(page: BenchPage, baseUrl: string, inputs: BenchInputs, seconds: number, connections: number): Promise<PageResult> {
  const paths = page.paths(inputs);
  const probe = await fetch(baseUrl + paths[0], { redirect: "manual" });
  await probe.arrayBuffer();
  if (probe.status === 404) {
    return { name: page.name, summary: null, requestsPerSecond: null, non2xx: null, note: "page not found — not built yet", failed: false };
  }
  return measureLoad(
    { name: page.name, baseUrl, requests: paths.map((path) => (page.headers ? { path, headers: page.headers } : { path })), targetP95Ms: page.targetP95Ms },
    { seconds, connections, failing: () => failingPaths(baseUrl, paths) },
  );
}

/** A warm-up, then the measured run, summarised and checked against the target. */
async function measureLoad(
  target: { name: string; baseUrl: string; requests: LoadRequest[]; targetP95Ms?: number },
  options: { seconds: number; connections: number; failing: () => Promise<string[]> },
): Promise<PageResult> {
  const { name, baseUrl, requests, targetP95Ms } = target;
  const { seconds, connections } = options;
  await runLoad({ baseUrl, requests, seconds: WARM_UP_SECONDS, connections });
  const load = await runLoad({ baseUrl, requests, seconds, connections });
  if (load.latenciesMs.length === 0) {
    return { name, summary: null, requestsPerSecond: null, non2xx: null, note: `no responses (${load.errors} errors)`, failed: true };
  }
  const summary = summarizeLatencies(load.latenciesMs);
  const problems: string[] = [];
  if (load.non2xx > 0) {
    const failing = await options.failing();
    const shown = failing.slice(0, 5).join(", ") + (failing.length > 5 ? `, and ${failing.length - 5} more` : "");
    problems.push(`ERROR non-2xx answers: ${shown || "none on a second try"}`);
  }
  if (load.errors > 0) problems.push(`ERROR ${load.errors} connection errors or timeouts`);
  if (targetP95Ms !== undefined && summary.p95 > targetP95Ms) problems.push(`FAIL p95 above target ${targetP95Ms} ms`);
  const ok = targetP95Ms !== undefined ? `ok (p95 target ≤ ${targetP95Ms} ms)` : "";
  return {
    name,
    summary,
    requestsPerSecond: summary.count / load.durationSeconds,
    non2xx: load.non2xx,
    note: problems.join("; ") || ok,
    failed: problems.length > 0,
  };
}

/**
 * The search figures beyond the page itself: the raw Meilisearch query for the same searches
 * (the page may cost at most SEARCH_OVERHEAD_FACTOR times its p95), publish → searchable, and
 * a full reindex.
 */
async function measureSearch(searchPage: PageResult, meili: { url: string; key: string }, seconds: number, connections: number): Promise<PageResult[]> {
  const client = createMeilisearchClient({ host: meili.url, apiKey: meili.key, timeout: 60_000 });
  log("measuring raw Meilisearch queries…");
  const raw = await measureLoad(
    { name: "raw Meilisearch query", baseUrl: meili.url, requests: await rawSearchRequests(SEARCH_PATHS, meili.key) },
    { seconds, connections, failing: async () => ["see Meilisearch's log"] },
  );
  if (searchPage.summary && raw.summary) {
    const factor = searchPage.summary.p95 / raw.summary.p95;
    const withinFactor = factor <= SEARCH_OVERHEAD_FACTOR;
    raw.note = [raw.note, `search page p95 = ${factor.toFixed(2)}× this (target ≤ ${SEARCH_OVERHEAD_FACTOR}×)${withinFactor ? "" : " FAIL"}`].filter(Boolean).join("; ");
    raw.failed ||= !withinFactor;
  }

  log("measuring publish → searchable (30 publishes, one at a time)…");
  const publishLatencies = summarizeLatencies(await measurePublishToSearchable(client));
  const publishOk = publishLatencies.p95 <= PUBLISH_TO_SEARCHABLE_P95_MS;
  const publish: PageResult = {
    name: "publish → searchable",
    summary: publishLatencies,
    requestsPerSecond: null,
    non2xx: null,
    note: `${publishOk ? "ok" : "FAIL"} (p95 target ≤ ${PUBLISH_TO_SEARCHABLE_P95_MS} ms)`,
    failed: !publishOk,
  };

  log("measuring a full reindex…");
  const reindex = await measureReindex(client);
  const reindexOk = reindex.durationMs <= REINDEX_TARGET_MS;
  const counts = `${reindex.counts.practices} practices, ${reindex.counts.regions} regions, ${reindex.counts.indicators} indicators`;
  const rebuild: PageResult = {
    name: "full reindex",
    summary: { count: 1, p50: reindex.durationMs, p95: reindex.durationMs, p99: reindex.durationMs },
    requestsPerSecond: null,
    non2xx: null,
    note: `${reindexOk ? "ok" : "FAIL"} (${counts}; target ≤ ${REINDEX_TARGET_MS / 1000} s)`,
    failed: !reindexOk,
  };
  return [raw, publish, rebuild];
}

/**
 * One practice page with a page of questions (ten, long, answered), then after a member has
 * posted 2,000: it shows them a page at a time, so its p95 may grow by QUESTION_FLOOD_FACTOR at most.
 */
async function measureQuestionFlood(databaseUrl: string, baseUrl: string, practiceId: number, seconds: number, connections: number): Promise<PageResult[]> {
  const path = `/praktik/${practiceId}`;
  const failing = () => failingPaths(baseUrl, [path]);
  log("measuring one practice page with 10 questions, then with 2,000…");
  await setQuestionCount(databaseUrl, practiceId, 10);
  const before = await measureLoad({ name: "practice, 10 questions", baseUrl, requests: [{ path }] }, { seconds, connections, failing });
  await setQuestionCount(databaseUrl, practiceId, QUESTION_FLOOD);
  const after = await measureLoad({ name: "practice, 2,000 questions", baseUrl, requests: [{ path }] }, { seconds, connections, failing });
  const bytes = (await (await fetch(baseUrl + path)).arrayBuffer()).byteLength;
  if (before.summary && after.summary) {
    const factor = after.summary.p95 / before.summary.p95;
    const within = factor <= QUESTION_FLOOD_FACTOR;
    after.note = [after.note, `p95 = ${factor.toFixed(2)}× before (target ≤ ${QUESTION_FLOOD_FACTOR}×)${within ? "" : " FAIL"}; page ${(bytes / 1024).toFixed(0)} KB`].filter(Boolean).join("; ");
    after.failed ||= !within;
  }
  return [before, after];
}

function printTable(results: PageResult[]) {
  const number = (value: number | undefined | null, width = 8) => (value == null ? "-" : value.toFixed(1)).padStart(width);
  console.log(`\n${"page".padEnd(24)}${"p50 ms".padStart(8)}${"p95 ms".padStart(8)}${"p99 ms".padStart(8)}${"req/s".padStart(8)}${"non-2xx".padStart(9)}  note`);
  for (const result of results) {
    const non2xx = (result.non2xx === null ? "-" : String(result.non2xx)).padStart(9);
    console.log(
      `${result.name.padEnd(24)}${number(result.summary?.p50)}${number(result.summary?.p95)}${number(result.summary?.p99)}${number(result.requestsPerSecond)}${non2xx}  ${result.note}`,
    );
  }
  console.log("");
}

const stopActions: (() => Promise<unknown>)[] = [];

async function stopAll() {
  // Taken off the list first, so a second signal does not stop anything twice.
  for (const stop of stopActions.splice(0).reverse()) {
    await stop().catch((error: unknown) => console.error(`[bench] while stopping: ${String(error)}`));
  }
}

async function main(): Promise<number> {
  const seconds = positiveIntegerFromEnv("BENCH_SECONDS", 10);
  const connections = positiveIntegerFromEnv("BENCH_CONNECTIONS", 4);
  // What each page makes the browser download, from the build `npm run bench` just made (npm run bench:js).
  const javaScript = measurePageJavaScript(fileURLToPath(new URL("../public", import.meta.url)));
  console.log(`${formatPageJavaScript(javaScript)}\n`);

  const database = await startEmbeddedPostgres({ dataDir: `${DATA_DIR}/postgres`, port: await findFreePort() });
  stopActions.push(database.stop);
  await prepareDatabase(database.url);
  // Practices first, so the server's start indexes them for search.
  await loadScaleDataset(database.url, ["practices"]);
  const inputs = await pickBenchInputs(database.url);

  const meiliPort = await findFreePort();
  const server = await startProductionServer({ databaseUrl: database.url, dataDir: DATA_DIR, port: await findFreePort(), meiliPort });
  stopActions.push(server.stop);
  // The synthetic levels of all 514 regions (kind "sample") go in after the start, which in
  // production mode removes any sample data: load data for measuring, never a site's content.
  // No page has been requested yet, so every server process reads them fresh.
  await loadScaleDataset(database.url, ["assessments"]);
  log(`server ready at ${server.url}; per page ${WARM_UP_SECONDS} s warm-up + ${seconds} s with ${connections} connections`);

  const results: PageResult[] = [];
  for (const page of PAGES) {
    log(`measuring ${page.name}…`);
    results.push(await measurePage(page, server.url, inputs, seconds, connections));
  }
  results.push(...(await measureQuestionFlood(database.url, server.url, inputs.practiceIds[0]!, seconds, connections)));
  // The app's modules (used for the search figures) read these when first used.
  process.env.DATABASE_URL = database.url;
  const meili = { url: `http://127.0.0.1:${meiliPort}`, key: readOrCreateLocalSecret(DATA_DIR, "meili-master-key") };
  process.env.MEILI_URL = meili.url;
  process.env.MEILI_MASTER_KEY = meili.key;
  stopActions.push(async () => (await import("../app/modules/db.server")).closeDb());
  results.push(...(await measureSearch(results.find((result) => result.name === "search page")!, meili, seconds, connections)));
  printTable(results);
  const failed = [
    ...results.filter((result) => result.failed),
    ...javaScript.filter((page) => page.overBudget).map((page) => ({ name: page.page.name, note: "JavaScript over budget" })),
  ];
  if (failed.length > 0) {
    console.error(`[bench] FAILED: ${failed.map((result) => `${result.name} (${result.note})`).join("; ")}`);
    return 1;
  }
  const notBuilt = results.filter((result) => result.summary === null);
  if (notBuilt.length > 0) log(`not measured (not built yet): ${notBuilt.map((result) => result.name).join(", ")}`);
  return 0;
}

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.on(signal, () => void stopAll().finally(() => process.exit(code)));
}

main()
  .catch((error: unknown) => {
    console.error("[bench]", error);
    return 1;
  })
  .then(async (exitCode) => {
    await stopAll();
    process.exit(exitCode);
  });
