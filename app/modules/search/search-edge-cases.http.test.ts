/**
 * The search page's edge cases and bad input (issue 19), each with Meilisearch up and down. Two
 * app servers of this file's own (child processes, only the database shared): one on a
 * Meilisearch this file runs (the shared server's unprefixed indexes are search.http.test.ts's),
 * one pointed at a port where nothing listens, so every search falls back to the database.
 * Also how the servers' cache of anonymous responses (decision 0032) treats search.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMeilisearch, startBundledMeilisearch } from "../../../scripts/lib/meilisearch-server";
import { findFreePort } from "../../../scripts/lib/ports";
import { createSignedInUser, request } from "../../../tests/support/http-app";
import { practiceContent, practiceForm, publishPractice, testActor } from "../../../tests/support/practice-factory";
import { listPublishedPractices } from "../practices/index.server";
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "../http/cache-policy.server";
import { createMeilisearchClient } from "./meilisearch.server";
import { drainSearchOutbox } from "./outbox.server";
import { reindexAll } from "./search-index.server";
import { SEARCH_PAGE_SIZE } from "./search-query";
import { searchIndexUid } from "./search-settings";
import { startServerProcess } from "../../../tests/support/server-process";

const dataDir = mkdtempSync(path.join(tmpdir(), "idsl-search-edges-"));
const masterKey = randomBytes(24).toString("base64url");
const metricsToken = randomBytes(24).toString("base64url");
const servers: ReturnType<typeof startServerProcess>[] = [];
let meili: RunningMeilisearch | undefined;
const origins = { up: "", down: "" };
/** A word only the draft has (letters only, so every engine reads it as one word). */
const secret = `Zebrakuda${randomBytes(8)
  .toString("hex")
  .replace(/\d/g, (digit) => "ghijklmnop"[Number(digit)]!)}`;
let lastPage: number;
let client: ReturnType<typeof createMeilisearchClient>;

function startServer(meiliUrl: string): Promise<string> {
  const env = { ...process.env, MEILI_URL: meiliUrl, MEILI_MASTER_KEY: masterKey, SEARCH_REQUESTS_PER_MINUTE: "1000000", METRICS_TOKEN: metricsToken };
  const server = startServerProcess(env);
  servers.push(server);
  return server.origin;
}

beforeAll(async () => {
  meili = await startBundledMeilisearch({ dataDir: path.join(dataDir, "meili"), port: await findFreePort(), masterKey });
  // Port 1: nothing listens there, so Meilisearch calls fail at once.
  [origins.up, origins.down] = await Promise.all([startServer(meili.url), startServer("http://127.0.0.1:1")]);

  // More than one page of results, so "the last page" is not simply the first.
  const people = { editor: await testActor("editor", "32.11"), curator: await testActor("curator") };
  for (let n = 0; n < 5; n++) await publishPractice(practiceContent({ title: `Praktik halaman ${n}` }), people);
  lastPage = Math.ceil((await listPublishedPractices({ province: null, region: null, indicator: null, stage: null, tag: null, sort: "terbaru", page: 1 })).total / SEARCH_PAGE_SIZE);
  expect(lastPage).toBeGreaterThan(1);

  const editor = await createSignedInUser("editor", "32.11");
  const draft = await request(origins.up, "/praktik/baru", {
    cookie: editor.cookie,
    form: practiceForm({ title: `${secret} draf rahasia`, summary: `${secret} province = 32 OR 1=1 * "kutip" \\ garis miring` }),
  });
  expect(draft.status).toBe(302);
  client = createMeilisearchClient({ host: meili.url, apiKey: masterKey, timeout: 10_000 });
  await reindexAll(client);
  // Meilisearch loads its Chinese and Japanese word segmenters on the first such query, which
  // takes longer than the pages' 2 s timeout (the page then answers from the database): done
  // here, so that the "up" block below is answered by Meilisearch.
  await client.index(searchIndexUid("practices")).search("電子署名");
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await meili?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const DEGRADED = "Mesin pencari sedang tidak tersedia";
const UNKNOWN_FILTER = "Sebagian saringan di alamat ini tidak dikenal";
const NONE = "Tidak ada praktik yang cocok.";
const HIT = /<li[^>]*><h3[^>]*><a [^>]*href="\/praktik\/\d+"/;

describe.each([
  ["up", false],
  ["down", true],
] as const)("/cari with Meilisearch %s", (server, degraded) => {
  /** The page for `search`: always 200, answered by the engine this block is about. */
  const page = async (search: string) => {
    const response = await request(origins[server], `/cari${search}`);
    expect(response.status, search).toBe(200);
    const html = await response.text();
    expect(html.includes(DEGRADED), search).toBe(degraded);
    return html;
  };
  /** Several pages at once, each with its label. */
  const pages = (searches: [label: string, search: string][]) =>
    Promise.all(searches.map(async ([label, search]) => [label, await page(search)] as const));

  it("shows the last page, and says so, for a page past it", async () => {
    const hals = [String(lastPage + 1), "999", "9".repeat(40)];
    for (const [hal, html] of await pages(hals.map((hal) => [hal, `?q=&hal=${hal}`]))) {
      expect(html, hal).toContain(`Hasil hanya sampai halaman ${lastPage}; ditampilkan halaman terakhir.`);
      expect(html, hal).toContain(`Halaman ${lastPage} dari ${lastPage}`);
      expect(html, hal).toMatch(HIT);
      expect(html, hal).toContain('rel="prev"');
      expect(html, hal).not.toContain(NONE);
      expect(html, hal).not.toContain(UNKNOWN_FILTER);
    }
    // A query with one page of results: page 2 is page 1 (with its matching regions).
    const single = await page("?q=stunting&hal=2");
    expect(single).toContain("Hasil hanya sampai halaman 1; ditampilkan halaman terakhir.");
    expect(single).toContain("SIMPATI");
    // Nothing matches: no pages to speak of, only that nothing matches.
    const nothing = await page(`?q=${secret}&hal=3`);
    expect(nothing).toContain(NONE);
    expect(nothing).not.toContain("Hasil hanya sampai halaman");
  });

  it("says when the page number is not one, and shows the first page", async () => {
    const hals = ["abc", "-1", "0", "1.5", "1.200", "%EF%BC%92", "2%27%20OR%201%3D1"];
    for (const [hal, html] of await pages(hals.map((hal) => [hal, `?q=&hal=${hal}`]))) {
      expect(html, hal).toContain("Nomor halaman di alamat ini tidak valid; ditampilkan halaman pertama.");
      expect(html, hal).toContain(`Halaman 1 dari ${lastPage}`);
      expect(html, hal).toMatch(HIT);
      expect(html, hal).not.toContain(UNKNOWN_FILTER);
    }
    expect(await (await request(origins[server], "/cari.data?hal=abc")).text()).toContain("invalid");
  });

  it("ranks by best match for a query unless an order is chosen, and never carries the default over", async () => {
    // The default order is the empty value: the form (with or without JavaScript) sends it with
    // the next words, which then get their own default.
    expect(await page("")).toContain('<option value="" selected="">Terbaru</option>');
    const typed = await page("?q=tte&urut=");
    expect(typed).toContain('<option value="" selected="">Paling cocok</option><option value="terbaru">Terbaru</option>');
    expect(typed).not.toContain(UNKNOWN_FILTER);
    expect(await page("?q=tte&urut=terbaru")).toContain('<option value="terbaru" selected="">Terbaru</option>');
    expect(await page("?urut=terbanyak-diadopsi")).toContain('<option value="terbanyak-diadopsi" selected="">');
  });

  const badQueries = [
    ["stop words only", "yang dan di dari untuk dengan"],
    ["punctuation only", "!?.,;:()[]{}-–—…"],
    ["more than 200 characters", "layanan pengaduan masyarakat ".repeat(10)],
    ["mixed scripts", "layanan 電子署名 электронная подпись"],
    ["emoji", "🙂🚀 tte 👍🏽"],
    ["right-to-left text", "توقيع إلكتروني \u202Eחתימה"],
    ["a star", "*"],
    ["filter syntax", "province = 32 OR 1=1"],
    ["quotes and backslashes", `"tte" OR status = "draft" \\" \\\\`],
    ["SQL and LIKE wildcards", "%' OR '1'='1'; -- _%"],
  ] as const;

  it.each(badQueries)("answers %s safely and never with a draft", async (_name, q) => {
    for (const [words, html] of await pages([q, `${secret} ${q}`, `${q} ${secret}`].map((words) => [words, `?q=${encodeURIComponent(words)}`]))) {
      expect(html.includes(NONE) || HIT.test(html), words).toBe(true);
      expect(html, words).not.toContain("draf rahasia");
      expect(html, words).not.toMatch(new RegExp(`<mark>${secret}`, "i"));
      const data = await request(origins[server], `/cari.data?q=${encodeURIComponent(words)}`);
      expect(data.status, words).toBe(200);
      expect(await data.text(), words).not.toContain("draf rahasia");
    }
    if (q.length > 200) expect(await page(`?q=${encodeURIComponent(q)}`)).toContain("dipendekkan menjadi 200 karakter");
  });

  it("does not find the draft by its own word, or with filter syntax around it", async () => {
    const alone = [secret, `${secret}*`, `"${secret}"`];
    for (const [words, html] of await pages(alone.map((words) => [words, `?q=${encodeURIComponent(words)}`]))) expect(html, words).toContain(NONE);
    const tag = encodeURIComponent(`" OR title = "${secret}`);
    const around = [`${secret}" OR status = "draft`, `status = draft AND title = ${secret}`, `${secret} OR 1=1`];
    for (const [words, html] of await pages(around.map((words) => [words, `?q=${encodeURIComponent(words)}&tag=${tag}`]))) {
      expect(html, words).not.toContain("draf rahasia");
    }
  });
});

/** Responses a server answered from its cache of anonymous responses so far. */
async function cacheHits(origin: string): Promise<number> {
  const metrics = await (await request(origin, "/metrics", { headers: { Authorization: `Bearer ${metricsToken}` } })).text();
  return Number(/^idsl_anonymous_cache_hits_total (\d+)$/m.exec(metrics)?.[1]);
}

/** Reads `path` on `origin` twice; returns both answers and how many came from the cache. */
async function readTwice(origin: string, path: string) {
  const before = await cacheHits(origin);
  const first = await request(origin, path);
  const firstText = await first.text();
  const second = await request(origin, path);
  const secondText = await second.text();
  return { first, firstText, second, secondText, hits: (await cacheHits(origin)) - before };
}

describe("/cari in the servers' cache of anonymous responses", () => {
  it("answers a repeat anonymous search Meilisearch answered from memory, document and data apart", async () => {
    for (const path of ["/cari?q=layanan+publik", "/cari.data?q=layanan+publik"]) {
      const { first, second, secondText, firstText, hits } = await readTwice(origins.up, path);
      expect(first.headers.get("cache-control"), path).toBe(PUBLIC_CACHE_CONTROL);
      expect(hits, path).toBe(1);
      expect(second.headers.get("etag"), path).toBe(first.headers.get("etag"));
      expect(secondText, path).toBe(firstText);
    }
  });

  it("keeps no answer of the database fallback, so a recovered engine shows at once", async () => {
    const { first, second, hits } = await readTwice(origins.down, "/cari?q=layanan+publik");
    expect(first.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
    expect(first.headers.get("etag")).toBeNull();
    expect(second.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
    expect(hits).toBe(0);
    const data = await request(origins.down, "/cari.data?q=layanan+publik");
    expect(data.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
  });

  it("drops a cached search once the search worker applied a publish to the index", async () => {
    const word = `Kijanghutan${secret.slice(-6)}`;
    const path = `/cari?q=${word}`;
    const id = await publishPractice(practiceContent({ title: `Praktik ${word} terbit` }), { editor: await testActor("editor", "32.11"), curator: await testActor("curator") });
    const link = `href="/praktik/${id}"`;
    // Published, but not in the index yet: the page without it is cached.
    const before = await readTwice(origins.up, path);
    expect(before.hits).toBe(1);
    expect(before.secondText).not.toContain(link);
    // As the search worker does: its broadcast reaches the server milliseconds later (3 s allowed, far below the 60 s an entry lives).
    while ((await drainSearchOutbox(client)).processed > 0);
    const deadline = Date.now() + 3_000;
    let page = "";
    while (!page.includes(link) && Date.now() < deadline) {
      page = await (await request(origins.up, path)).text();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(page).toContain(link);
  });
});
