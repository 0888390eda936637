/**
 * `npm run bench`: loads the scale dataset (all kabupaten/kota × 5 years of synthetic SPBE
 * levels, of kind "sample", and 20,000 practices) into its own embedded PostgreSQL under
 * .data/bench, starts the production server like `npm start` does, and measures, each figure
 * beside a ratio taken in the same run:
 *   1. every page at 4 connections against a static file served by the same server (the
 *      ceiling): uncached (URLs never sent before, no validators) and as an anonymous repeat
 *      request (with the validator a browser or CDN holds: 304 counts as success);
 *   2. 200 concurrent clients for 30 s on a mix of anonymous public pages, with validators;
 *   3. two more app servers behind a local round-robin proxy on the same database: the pair's
 *      throughput against one, and reads after writes through one server that must never be stale;
 *   4. the search page's overhead beyond its raw Meilisearch query (issue 19), then a practice
 *      page flooded with questions, publish → searchable and a full reindex.
 * Exits non-zero when a page answers with errors or a figure misses its target.
 *
 * `npm run bench -- --runs 3` (or BENCH_RUNS=3) repeats the measurements and prints each run and
 * the median of each figure; the targets are then judged on the medians. BENCH_SECONDS (default 5)
 * and BENCH_CONNECTIONS (default 4) tune each page's run, BENCH_CLIENTS (200) and
 * BENCH_CLIENT_SECONDS (30) the concurrent-clients run. The server runs as a cluster with one
 * worker per core, as `npm start` does.
 */
import { fileURLToPath } from "node:url";
import { createMeilisearchClient } from "../app/modules/search/meilisearch.server";
import { BROWSER_HEADERS, type LoadRequest, type LoadResult, runLoad, withValidators } from "./bench/load-test";
import { formatPageJavaScript, measurePageJavaScript } from "./bench/page-javascript";
import { type BenchPage, PAGES, publicMixPaths, REPEAT_P95_FACTOR, REPEAT_TARGET_PAGES, STATIC_FILE, UNCACHED_P95_TARGET_MS } from "./bench/pages";
import { summarizeLatencies } from "./bench/percentiles";
import { type Column, failures, type Figures, formatSection, type Limit, medianSections, ratio, type Row, type Section } from "./bench/report";
import { setQuestionCount, type BenchInputs, loadScaleDataset, pickBenchInputs } from "./bench/scale-data";
import { measurePublishToSearchable, measureReindex, rawSearchRequests, SEARCH_PATHS } from "./bench/search-bench";
import { type RunningServer, startAppServer, startProductionServer } from "./bench/server";
import { measureTwoServers } from "./bench/two-servers";
import { prepareDatabase } from "./lib/database-startup";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { readOrCreateLocalSecret } from "./lib/local-secrets";
import { findFreePort } from "./lib/ports";

/** A practice with 2,000 questions may cost at most this many times its p95 with one page of them. */
const QUESTION_FLOOD_FACTOR = 1.25;
const QUESTION_FLOOD = 2000;
const CONCURRENT_P95_TARGET_MS = 500;
const PUBLISH_TO_SEARCHABLE_P95_MS = 2_000;
const REINDEX_TARGET_MS = 60_000;

const DATA_DIR = fileURLToPath(new URL("../.data/bench", import.meta.url));
const WARM_UP_SECONDS = 1;

interface Settings {
  runs: number;
  seconds: number;
  connections: number;
  clients: number;
  clientSeconds: number;
}

interface Site {
  url: string;
  databaseUrl: string;
  meili: { url: string; key: string };
  /** Two more app servers on the same database and Meilisearch, for the load-balancer figures. */
  appServers: RunningServer[];
  inputs: BenchInputs;
}

function log(message: string) {
  console.log(`[bench] ${message}`);
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function readSettings(argv: readonly string[]): Settings {
  const runsFlag = argv.indexOf("--runs");
  const runs = runsFlag >= 0 ? positiveInteger("--runs", argv[runsFlag + 1], 1) : positiveInteger("BENCH_RUNS", process.env.BENCH_RUNS, 1);
  return {
    runs,
    seconds: positiveInteger("BENCH_SECONDS", process.env.BENCH_SECONDS, 5),
    connections: positiveInteger("BENCH_CONNECTIONS", process.env.BENCH_CONNECTIONS, 4),
    clients: positiveInteger("BENCH_CLIENTS", process.env.BENCH_CLIENTS, 200),
    clientSeconds: positiveInteger("BENCH_CLIENT_SECONDS", process.env.BENCH_CLIENT_SECONDS, 30),
  };
}

/** The paths that do not answer 2xx or 304 right now, with their status, for the error report. */
async function failingPaths(baseUrl: string, requests: readonly LoadRequest[]): Promise<string> {
  const failing: string[] = [];
  for (const request of requests) {
    const response = await fetch(baseUrl + request.path, { headers: request.headers ?? BROWSER_HEADERS, redirect: "manual" });
    await response.arrayBuffer();
    if (!response.ok && response.status !== 304) failing.push(`${request.path} → ${response.status}`);
  }
  if (failing.length === 0) return "non-2xx: none on a second try";
  return `non-2xx: ${failing.slice(0, 5).join(", ")}${failing.length > 5 ? `, and ${failing.length - 5} more` : ""}`;
}

/** A warm-up, then the measured run. */
async function measure(baseUrl: string, requests: readonly LoadRequest[], options: { seconds: number; connections: number; uniqueQuery?: boolean }): Promise<LoadResult> {
  await runLoad({ baseUrl, requests, ...options, seconds: WARM_UP_SECONDS });
  return runLoad({ baseUrl, requests, ...options });
}

/** p50/p95/p99, requests/s, 304s, failures of a load run. */
function loadFigures(load: LoadResult): Figures {
  const summary = load.latenciesMs.length > 0 ? summarizeLatencies(load.latenciesMs) : null;
  return {
    p50: summary?.p50 ?? null,
    p95: summary?.p95 ?? null,
    p99: summary?.p99 ?? null,
    rps: summary ? summary.count / load.durationSeconds : null,
    notModified: load.notModified,
    non2xx: load.non2xx,
    errors: load.errors,
  };
}

const NO_FAILURES: Limit[] = [
  { figure: "non2xx", max: 0, label: "non-2xx answers" },
  { figure: "errors", max: 0, label: "connection errors or timeouts" },
];

/** A row of a load run, with the failing paths named when some answered neither 2xx nor 304. */
async function loadRow(name: string, baseUrl: string, requests: readonly LoadRequest[], load: LoadResult, limits: Limit[], note = ""): Promise<Row> {
  const notes = [note];
  if (load.non2xx > 0) notes.push(await failingPaths(baseUrl, requests));
  return { name, figures: loadFigures(load), limits: [...NO_FAILURES, ...limits], note: notes.filter(Boolean).join("; ") };
}

const PAGE_COLUMNS: Column[] = [
  { key: "p50", header: "p50 ms", kind: "ms" },
  { key: "p95", header: "p95 ms", kind: "ms" },
  { key: "rps", header: "req/s", kind: "rate" },
  { key: "p50x", header: "p50×", kind: "ratio" },
  { key: "p95x", header: "p95×", kind: "ratio" },
  { key: "rpsx", header: "req/s×", kind: "ratio" },
  { key: "notModified", header: "304", kind: "count" },
  { key: "non2xx", header: "non-2xx", kind: "count" },
  { key: "errors", header: "errors", kind: "count" },
];

/** Each figure as a multiple of the static file's figure measured the same way in this run. */
function withRatios(row: Row, ceiling: Figures): Row {
  const { p50, p95, rps } = row.figures;
  return { ...row, figures: { ...row.figures, p50x: ratio(p50, ceiling.p50), p95x: ratio(p95, ceiling.p95), rpsx: ratio(rps, ceiling.rps) } };
}

/**
 * Section 1: the static file, then every page, uncached ("cold": a URL never sent before, no
 * validators) and as an anonymous repeat request (the validators a browser or CDN holds), each
 * against the static file measured the same way.
 */
async function measurePages(site: Site, settings: Settings): Promise<Section> {
  const { seconds, connections } = settings;
  const requestsOf = (page: BenchPage): LoadRequest[] => page.paths(site.inputs).map((path) => (page.headers ? { path, headers: page.headers } : { path }));
  const measureMode = async (page: BenchPage, mode: "cold" | "repeat"): Promise<Row> => {
    const requests = mode === "cold" ? requestsOf(page) : await withValidators(site.url, requestsOf(page));
    const load = await measure(site.url, requests, { seconds, connections, uniqueQuery: mode === "cold" && page.uniqueQuery });
    const limits: Limit[] = [];
    if (page !== STATIC_FILE && mode === "cold") limits.push({ figure: "p95", max: UNCACHED_P95_TARGET_MS, label: `p95 above ${UNCACHED_P95_TARGET_MS} ms` });
    if (mode === "repeat" && REPEAT_TARGET_PAGES.has(page.name)) limits.push({ figure: "p95x", max: REPEAT_P95_FACTOR, label: `p95 above ${REPEAT_P95_FACTOR}× the static file's` });
    const note = mode === "cold" && !page.uniqueQuery ? "URLs repeat (unknown parameters refused)" : "";
    return loadRow(`${page.name} · ${mode}`, site.url, requests, load, limits, note);
  };
  log("measuring the static file…");
  const ceiling = { cold: await measureMode(STATIC_FILE, "cold"), repeat: await measureMode(STATIC_FILE, "repeat") };
  const rows: Row[] = [withRatios(ceiling.cold, ceiling.cold.figures), withRatios(ceiling.repeat, ceiling.repeat.figures)];
  for (const page of PAGES) {
    log(`measuring ${page.name}…`);
    for (const mode of ["cold", "repeat"] as const) rows.push(withRatios(await measureMode(page, mode), ceiling[mode].figures));
  }
  return {
    title: `Pages at ${connections} connections, ${seconds} s each, against the static file ${STATIC_FILE.paths(site.inputs)[0]}`,
    columns: PAGE_COLUMNS,
    rows,
    legend:
      "cold: every URL new (?_=n), no validators; repeat: the same URLs with the ETag/Last-Modified a browser or CDN holds (304 counts as success).\n" +
      "p50×/p95×/req/s×: the figure divided by the static file's, measured the same way in this run.",
  };
}

/** Section 2: many anonymous readers at once, sending the validators browsers and CDNs send. */
async function measureConcurrentClients(site: Site, settings: Settings): Promise<Section> {
  const { clients, clientSeconds } = settings;
  log(`measuring ${clients} concurrent clients for ${clientSeconds} s…`);
  const requests = await withValidators(site.url, publicMixPaths(site.inputs).map((path) => ({ path })));
  await runLoad({ baseUrl: site.url, requests, seconds: 2, connections: clients });
  const load = await runLoad({ baseUrl: site.url, requests, seconds: clientSeconds, connections: clients });
  const row = await loadRow(`${clients} clients, public mix`, site.url, requests, load, [
    { figure: "p95", max: CONCURRENT_P95_TARGET_MS, label: `p95 above ${CONCURRENT_P95_TARGET_MS} ms` },
  ]);
  // A 304 costs the server little, but waits behind the pages it renders: shown apart.
  row.figures.notModifiedP95 = load.notModifiedLatenciesMs.length > 0 ? summarizeLatencies(load.notModifiedLatenciesMs).p95 : null;
  return {
    title: `${clients} concurrent clients for ${clientSeconds} s on ${requests.length} anonymous public URLs, with validators`,
    columns: [
      { key: "p50", header: "p50 ms", kind: "ms" },
      { key: "p95", header: "p95 ms", kind: "ms" },
      { key: "p99", header: "p99 ms", kind: "ms" },
      { key: "rps", header: "req/s", kind: "rate" },
      { key: "notModified", header: "304", kind: "count" },
      { key: "notModifiedP95", header: "304 p95 ms", kind: "ms" },
      { key: "non2xx", header: "non-2xx", kind: "count" },
      { key: "errors", header: "errors", kind: "count" },
    ],
    rows: [row],
    legend: "non-2xx excludes 304: a 304 answers a client that holds the current page, a success. 304 p95: the 304 answers alone.",
  };
}

/** Section 3: the pair of app servers behind a round-robin proxy against one of them. */
async function measureLoadBalancer(site: Site, settings: Settings): Promise<Section> {
  const servers = site.appServers.map((server) => server.url);
  const seconds = settings.seconds * 2;
  const connections = settings.connections * 4;
  log(`measuring one app server, then two, behind a round-robin proxy (${seconds} s each, ${connections} connections)…`);
  const requests = publicMixPaths(site.inputs).map((path) => ({ path }));
  const figures = await measureTwoServers({ servers, requests, seconds, connections });
  const one = loadFigures(figures.one);
  const pair = loadFigures(figures.pair);
  const proxyNote = figures.proxyErrors > 0 ? `${figures.proxyErrors} proxy errors (502)` : "";
  return {
    title: `Two app servers (one process each) behind a local round-robin proxy, one database: ${connections} connections, ${seconds} s, uncached URLs`,
    columns: [
      { key: "p50", header: "p50 ms", kind: "ms" },
      { key: "p95", header: "p95 ms", kind: "ms" },
      { key: "rps", header: "req/s", kind: "rate" },
      { key: "rpsx", header: "×one", kind: "ratio" },
      { key: "non2xx", header: "non-2xx", kind: "count" },
      { key: "errors", header: "errors", kind: "count" },
      { key: "reads", header: "reads", kind: "count" },
      { key: "stale", header: "stale", kind: "count" },
    ],
    rows: [
      await loadRow("one server", servers[0]!, requests, figures.one, [], proxyNote),
      { ...(await loadRow("two servers", servers[0]!, requests, figures.pair, [])), figures: { ...pair, rpsx: ratio(pair.rps, one.rps) } },
      {
        name: "reads after writes",
        figures: { reads: figures.stale.reads, stale: figures.stale.stale, non2xx: figures.stale.failed + figures.stale.writesRefused, errors: 0 },
        limits: [...NO_FAILURES, { figure: "stale", max: 0, label: "stale reads" }],
        note: `writes alternate between the servers; reads answered by ${[...figures.stale.byServer.values()].join(" and ")}; pair's requests per server ${figures.pairServed.join(" / ")}`,
      },
    ],
    legend: "Two cores run the database, both servers, the proxy and the load generator: the pair cannot double; the point is 0 errors and 0 stale reads.",
  };
}

/** Section 4: issue 19's overhead: search page p95 − raw Meilisearch p95 ≤ the practice page's p95. */
async function measureSearchOverhead(site: Site, settings: Settings, pages: Section): Promise<Section> {
  log("measuring raw Meilisearch queries…");
  const requests = await rawSearchRequests(SEARCH_PATHS, site.meili.key);
  const raw = await measure(site.meili.url, requests, settings);
  const p95Of = (name: string) => pages.rows.find((row) => row.name === name)?.figures.p95 ?? null;
  const search = p95Of("search · cold");
  const rawP95 = loadFigures(raw).p95 ?? null;
  const practice = p95Of("practice · cold");
  return {
    title: "Search overhead beyond the query (issue 19): search page p95 − raw Meilisearch p95 ≤ practice page p95",
    columns: [
      { key: "search", header: "search p95", kind: "ms" },
      { key: "raw", header: "raw p95", kind: "ms" },
      { key: "margin", header: "search−raw", kind: "ms" },
      { key: "practice", header: "practice p95", kind: "ms" },
      { key: "errors", header: "raw errors", kind: "count" },
    ],
    rows: [
      {
        name: "overhead",
        figures: { search, raw: rawP95, practice, margin: search !== null && rawP95 !== null ? search - rawP95 : null, errors: raw.errors + raw.non2xx },
        limits: [
          { figure: "margin", max: { figure: "practice" }, label: "the search page costs more than its query plus a practice page" },
          { figure: "errors", max: 0, label: "raw query errors" },
        ],
        note: `the ${SEARCH_PATHS.length} search page URLs sent raw to /multi-search, ${settings.connections} connections`,
        verdict: true,
      },
    ],
    legend: "PASS when search−raw ≤ practice p95, else FAIL. Both pages uncached, from the table above.",
  };
}

/**
 * Section 5: one practice page with a page of questions, then with 2,000 (it shows them a page at
 * a time, so its p95 may grow by QUESTION_FLOOD_FACTOR at most); publish → searchable; a full reindex.
 */
async function measureOther(site: Site, settings: Settings): Promise<Section> {
  const practiceId = site.inputs.practiceIds[0]!;
  const requests = [{ path: `/praktik/${practiceId}` }];
  log("measuring one practice page with 10 questions, then with 2,000…");
  await setQuestionCount(site.databaseUrl, practiceId, 10);
  const before = loadFigures(await measure(site.url, requests, { ...settings, uniqueQuery: true }));
  await setQuestionCount(site.databaseUrl, practiceId, QUESTION_FLOOD);
  const after = loadFigures(await measure(site.url, requests, { ...settings, uniqueQuery: true }));
  const bytes = (await (await fetch(site.url + requests[0]!.path)).arrayBuffer()).byteLength;
  // Back to one page of questions, so the next run's practice pages are the same.
  await setQuestionCount(site.databaseUrl, practiceId, 10);

  const client = createMeilisearchClient({ host: site.meili.url, apiKey: site.meili.key, timeout: 60_000 });
  log("measuring publish → searchable (30 publishes, one at a time)…");
  const publish = summarizeLatencies(await measurePublishToSearchable(client));
  log("measuring a full reindex…");
  const reindex = await measureReindex(client);
  return {
    title: "Question flood, publish → searchable, full reindex",
    columns: [
      { key: "p50", header: "p50 ms", kind: "ms" },
      { key: "p95", header: "p95 ms", kind: "ms" },
      { key: "p99", header: "p99 ms", kind: "ms" },
      { key: "factor", header: "×before", kind: "ratio" },
      { key: "non2xx", header: "non-2xx", kind: "count" },
      { key: "errors", header: "errors", kind: "count" },
    ],
    rows: [
      { name: "practice, 10 questions", figures: before, limits: NO_FAILURES },
      {
        name: "practice, 2,000 questions",
        figures: { ...after, factor: ratio(after.p95, before.p95) },
        limits: [...NO_FAILURES, { figure: "factor", max: QUESTION_FLOOD_FACTOR, label: `p95 above ${QUESTION_FLOOD_FACTOR}× before` }],
        note: `page ${(bytes / 1024).toFixed(0)} KB`,
      },
      {
        name: "publish → searchable",
        figures: { p50: publish.p50, p95: publish.p95, p99: publish.p99 },
        limits: [{ figure: "p95", max: PUBLISH_TO_SEARCHABLE_P95_MS, label: `p95 above ${PUBLISH_TO_SEARCHABLE_P95_MS} ms` }],
      },
      {
        name: "full reindex",
        figures: { p50: reindex.durationMs },
        limits: [{ figure: "p50", max: REINDEX_TARGET_MS, label: `above ${REINDEX_TARGET_MS / 1000} s` }],
        note: `${reindex.counts.practices} practices, ${reindex.counts.regions} regions, ${reindex.counts.indicators} indicators (one rebuild, in p50)`,
      },
    ],
  };
}

async function measureRun(site: Site, settings: Settings): Promise<Section[]> {
  const pages = await measurePages(site, settings);
  return [
    pages,
    await measureConcurrentClients(site, settings),
    await measureLoadBalancer(site, settings),
    await measureSearchOverhead(site, settings, pages),
    await measureOther(site, settings),
  ];
}

const stopActions: (() => Promise<unknown>)[] = [];

async function stopAll() {
  // Taken off the list first, so a second signal does not stop anything twice.
  for (const stop of stopActions.splice(0).reverse()) {
    await stop().catch((error: unknown) => console.error(`[bench] while stopping: ${String(error)}`));
  }
}

async function startSite(): Promise<Site> {
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
  // The app's modules (used for the search and load-balancer figures) and the extra app servers read these.
  const meili = { url: `http://127.0.0.1:${meiliPort}`, key: readOrCreateLocalSecret(DATA_DIR, "meili-master-key") };
  process.env.DATABASE_URL = database.url;
  process.env.MEILI_URL = meili.url;
  process.env.MEILI_MASTER_KEY = meili.key;
  stopActions.push(async () => (await import("../app/modules/db.server")).closeDb());
  const linkSigningSecret = readOrCreateLocalSecret(DATA_DIR, "link-signing-secret");
  const appServers: RunningServer[] = [];
  for (let n = 0; n < 2; n++) {
    const appServer = await startAppServer({ dataDir: DATA_DIR, port: await findFreePort(), linkSigningSecret });
    stopActions.push(appServer.stop);
    appServers.push(appServer);
  }
  log(`server ready at ${server.url}; app servers for the proxy at ${appServers.map((appServer) => appServer.url).join(", ")}`);
  return { url: server.url, databaseUrl: database.url, meili, appServers, inputs };
}

async function main(): Promise<number> {
  const settings = readSettings(process.argv.slice(2));
  // What each page makes the browser download, from the build `npm run bench` just made (npm run bench:js).
  const javaScript = measurePageJavaScript(fileURLToPath(new URL("../public", import.meta.url)));
  console.log(`${formatPageJavaScript(javaScript)}\n`);

  const site = await startSite();
  const runs: Section[][] = [];
  for (let run = 1; run <= settings.runs; run++) {
    const started = performance.now();
    const sections = await measureRun(site, settings);
    runs.push(sections);
    const label = settings.runs > 1 ? ` (run ${run} of ${settings.runs}, ${((performance.now() - started) / 1000).toFixed(0)} s)` : "";
    console.log(`\n${sections.map((section) => formatSection({ ...section, title: section.title + label })).join("\n\n")}\n`);
  }
  const judged = settings.runs > 1 ? medianSections(runs) : runs[0]!;
  if (settings.runs > 1) console.log(`\n${judged.map(formatSection).join("\n\n")}\n`);

  const failed = [...failures(judged), ...javaScript.filter((page) => page.overBudget).map((page) => `${page.page.name}: JavaScript over budget`)];
  if (failed.length > 0) {
    console.error(`[bench] FAILED${settings.runs > 1 ? " (on the medians)" : ""}:\n  ${failed.join("\n  ")}`);
    return 1;
  }
  log("all targets met");
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
