/**
 * Two app servers behind a local round-robin proxy, on one database: the throughput of the pair
 * against one server behind the same proxy, in the same run, and a stale-read check during the
 * pair's run (a figure published or withdrawn through one server, then read through the proxy
 * from both). Uses the app's modules, so DATABASE_URL must be set before calling these.
 */
import { type LoadRequest, type LoadResult, runLoad } from "./load-test";
import { type RunningProxy, SERVED_BY_HEADER, startRoundRobinProxy } from "./round-robin-proxy";
import { type CheckedRead, readsAfterWrites, type StaleReadSummary, summarizeReads } from "./stale-reads";

/** A region and year the scale data leaves without a self-assessment, as the two-server HTTP test uses. */
const REGION = "33.17";
const YEAR = 2025;
const SELF_LABEL = `Penilaian mandiri terbaru (${YEAR})`;
const CHECKED_PAGE = `/daerah/${REGION}/benchmark?tahun=${YEAR}`;
const SELF_ASSESSMENT_PAGE = `/daerah/${REGION}/penilaian-mandiri?tahun=${YEAR}`;
/** Writes during the pair's run, and reads through the proxy after each (both servers answer some). */
const WRITES = 6;
const READS_PER_WRITE = 6;

const pageText = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** An editor of REGION with a saved (unpublished) self-assessment of YEAR, every level 4. */
async function prepareWriter(): Promise<{ cookie: string }> {
  const { createSignedInUser } = await import("../../tests/support/http-app");
  const { saveSelfAssessment } = await import("../../app/modules/benchmark/assessments.server");
  const { getFrameworkSummary, getFrameworkTree, SPBE_2020 } = await import("../../app/modules/frameworks/index.server");
  const editor = await createSignedInUser("editor", REGION);
  const tree = await getFrameworkTree(SPBE_2020);
  await saveSelfAssessment({
    regionCode: REGION,
    year: YEAR,
    entries: new Map([...tree.indicatorsById.keys()].map((id) => [id, { level: 4, note: "", evidenceUrl: "", externalScore: null }])),
    nodes: tree.nodes,
    framework: (await getFrameworkSummary(SPBE_2020))!,
    actorId: editor.id,
    ip: "127.0.0.1",
  });
  return { cookie: editor.cookie };
}

/** Reads CHECKED_PAGE through the proxy with the ETag the client held before the write, if any. */
async function readThroughProxy(proxy: RunningProxy, heldEtag: string | null, expectShown: boolean): Promise<CheckedRead & { etag: string | null }> {
  const response = await fetch(proxy.url + CHECKED_PAGE, { headers: heldEtag ? { "if-none-match": heldEtag } : {}, redirect: "manual" });
  const html = await response.text();
  return {
    expectShown,
    status: response.status,
    shown: pageText(html).includes(`${SELF_LABEL} 4,00`),
    servedBy: response.headers.get(SERVED_BY_HEADER) ?? "?",
    etag: response.headers.get("etag"),
  };
}

/**
 * Publishes and withdraws the self-assessment in turn, each write through the next server
 * directly (as an official's browser pinned to one server would), then reads the benchmark page
 * through the proxy; every read must show the state just written.
 */
async function checkStaleReads(servers: readonly string[], proxy: RunningProxy): Promise<StaleReadSummary & { writesRefused: number }> {
  const { request } = await import("../../tests/support/http-app");
  const writer = await prepareWriter();
  // A run stopped half-way may have left it published.
  await (await request(servers[0]!, SELF_ASSESSMENT_PAGE, { cookie: writer.cookie, form: { intent: "tarik" } })).arrayBuffer();
  const { reads, writesRefused } = await readsAfterWrites({
    writes: WRITES,
    readsPerWrite: READS_PER_WRITE,
    write: async (n, shown) => {
      const response = await request(servers[n % servers.length]!, SELF_ASSESSMENT_PAGE, { cookie: writer.cookie, form: { intent: shown ? "publikasikan" : "tarik" } });
      await response.arrayBuffer();
      return response.status === 302;
    },
    read: (heldEtag, expectShown) => readThroughProxy(proxy, heldEtag, expectShown),
    initialEtag: (await readThroughProxy(proxy, null, false)).etag,
  });
  return { ...summarizeReads(reads), writesRefused };
}

export interface TwoServerFigures {
  one: LoadResult;
  pair: LoadResult;
  stale: StaleReadSummary & { writesRefused: number };
  proxyErrors: number;
  /** Requests of the pair's run each server answered. */
  pairServed: number[];
}

/**
 * One server behind the proxy, then both behind another, each for `seconds` with `connections`
 * sending `requests` (URLs made unique, so each is rendered: the servers' work is measured),
 * the stale-read check running alongside the pair's load.
 */
export async function measureTwoServers(options: {
  servers: readonly string[];
  requests: readonly LoadRequest[];
  seconds: number;
  connections: number;
}): Promise<TwoServerFigures> {
  const { servers, requests, seconds, connections } = options;
  const single = await startRoundRobinProxy(servers.slice(0, 1));
  const both = await startRoundRobinProxy(servers);
  try {
    const load = (proxy: RunningProxy) => runLoad({ baseUrl: proxy.url, requests, seconds, connections, uniqueQuery: true });
    // Both servers are new processes: their caches fill and their code warms up before either is measured.
    await load(both);
    const one = await load(single);
    const before = servers.map((server) => both.served.get(server)!);
    const [pair, stale] = await Promise.all([load(both), checkStaleReads(servers, both)]);
    return {
      one,
      pair,
      stale,
      proxyErrors: single.errors() + both.errors(),
      pairServed: servers.map((server, i) => both.served.get(server)! - before[i]!),
    };
  } finally {
    await Promise.all([single.stop(), both.stop()]);
  }
}
