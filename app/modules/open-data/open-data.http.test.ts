/**
 * Feeds, the open-data page and the DCAT catalog over HTTP against the production build: content
 * types, bad filters answered 404 with a message, a practice title's markup harmless in both feed
 * formats, feed discovery and visible feed links on the pages concerned, and /data without
 * JavaScript listing its datasets with licence, update time and columns.
 */
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonFeedProblems, readAtom, textOf } from "../../../tests/support/feed-validation";
import { request, startTestApp } from "../../../tests/support/http-app";
import { indicatorId, practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";

let app: Awaited<ReturnType<typeof startTestApp>>;
let practiceId: number;
const TITLE = `<img src=x onerror=alert(1)> Umpan "uji" & <script>alert(2)</script>`;

beforeAll(async () => {
  const [editor, curator] = await Promise.all([testActor("editor", "32.11"), testActor("curator")]);
  practiceId = await publishPractice(practiceContent({ title: TITLE, tags: ["umpan-http"], indicatorIds: [await indicatorId(3)] }), { editor, curator });
  app = await startTestApp();
});
afterAll(() => app.close());

const get = (path: string, headers: Record<string, string> = {}) => request(app.origin, path, { headers });

describe("feeds", () => {
  it("answers Atom and JSON Feed with their content types, valid, with the practice's markup harmless", async () => {
    const atom = await get("/umpan/praktik.atom?tag=umpan-http");
    expect(atom.status).toBe(200);
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const { feed, problems } = readAtom(await atom.text());
    expect(problems).toEqual([]);
    expect(feed!.entry!.map((entry) => textOf(entry.title[0]))).toEqual([
      "&#60;img src=x onerror=alert(1)&#62; Umpan &#34;uji&#34; &#38; &#60;script&#62;alert(2)&#60;/script&#62;",
    ]);
    const json = await get("/umpan/praktik.json?tag=umpan-http&indikator=3&daerah=32.11");
    expect(json.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const text = await json.text();
    expect(jsonFeedProblems(text)).toEqual([]);
    const document = JSON.parse(text) as { items: { url: string; title: string }[] };
    expect(document.items).toEqual([expect.objectContaining({ url: `${app.origin}/praktik/${practiceId}`, title: TITLE })]);
    for (const path of ["/umpan/hasil-resmi.atom?kerangka=spbe-2020", "/umpan/hasil-resmi.json?daerah=32.11", "/umpan/adopsi.atom?daerah=33.16", "/umpan/adopsi.json"]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      expect(path.includes(".json") ? jsonFeedProblems(body) : readAtom(body).problems, path).toEqual([]);
    }
  });

  it("answers unknown filters with a 404 and a message in the asked language, and unknown feeds with a 404", async () => {
    const cases: [string, string][] = [
      ["/umpan/praktik.atom?daerah=99.99", "Daerah itu tidak dikenal"],
      ["/umpan/praktik.json?indikator=48", "Indikator itu tidak dikenal"],
      ["/umpan/praktik.atom?tag=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Tag itu tidak dikenal"],
      ["/umpan/praktik.atom?tag=" + "t".repeat(5000), "Tag itu tidak dikenal"],
      ["/umpan/hasil-resmi.atom?kerangka=%27%3B%20drop", "Kerangka itu tidak dikenal"],
      // A repeated parameter is read once, the first.
      ["/umpan/adopsi.json?daerah=99.99&daerah=32.11&bahasa=en", "Unknown region"],
    ];
    for (const [path, message] of cases) {
      const response = await get(path);
      expect(response.status, path.slice(0, 60)).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      const body = await response.text();
      expect(body).toContain(message);
      expect(body).not.toContain("<script");
    }
    for (const path of ["/umpan/praktik.rss", "/umpan/semua.atom", "/umpan/praktik", "/umpan/..%2Fpraktik.atom"]) expect((await get(path)).status, path).toBe(404);
  });

  it("is announced in the head and linked visibly on the practice list, region, indicator and rankings pages", async () => {
    const pages: [string, string][] = [
      ["/praktik?tag=umpan-http", "/umpan/praktik.atom?tag=umpan-http"],
      ["/daerah/32.11", "/umpan/praktik.atom?daerah=32.11"],
      ["/daerah/32.11", "/umpan/hasil-resmi.json?daerah=32.11"],
      ["/indikator/3", "/umpan/praktik.atom?indikator=3"],
      ["/peringkat?kerangka=spbe-2020", "/umpan/hasil-resmi.atom?kerangka=spbe-2020"],
    ];
    for (const [page, feed] of pages) {
      const html = parse(await (await get(page)).text());
      const type = feed.includes(".atom") ? "application/atom+xml" : "application/feed+json";
      expect(html.querySelector(`link[rel="alternate"][type="${type}"][href="${feed}"]`)?.getAttribute("title"), `${page} head ${feed}`).toBeTruthy();
      expect(html.querySelector(`main a[href="${feed}"], a[href="${feed}"]`), `${page} link ${feed}`).toBeTruthy();
    }
  });
});

describe("open data", () => {
  it("lists every dataset on /data without JavaScript, with licence, update time, downloads and the rankings' columns", async () => {
    const response = await get("/data");
    expect(response.status).toBe(200);
    const html = parse(await response.text());
    for (const id of ["peringkat-spbe-2020", "peringkat-pemdi-2026", "kerangka-spbe-2020", "kerangka-pemdi-2026", "praktik", "adopsi"]) expect(html.getElementById(id), id).toBeTruthy();
    const text = html.text;
    expect(text).toContain("CC BY 4.0");
    expect(text).toContain("Diperbarui");
    const rankings = html.getElementById("peringkat-spbe-2020")!;
    expect(rankings.querySelector('a[href="/peringkat.xlsx?kerangka=spbe-2020&tahun=2024"]')).toBeTruthy();
    expect(rankings.querySelector("table")!.text).toContain("kode_wilayah");
    expect(rankings.querySelector("table")!.text).toContain("Kode wilayah Kemendagri");
    expect(html.querySelector('a[href="/data/katalog.jsonld"]')).toBeTruthy();
    expect(html.querySelector('link[rel="alternate"][type="application/ld+json"]')).toBeTruthy();
    // The site's footer leads here.
    expect(parse(await (await get("/")).text()).querySelector('footer a[href="/data"]')).toBeTruthy();
  });

  it("serves the DCAT-AP catalog as JSON-LD", async () => {
    const response = await get("/data/katalog.jsonld");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    const catalog = (await response.json()) as { "@type": string; "dcat:dataset": { "dct:identifier": string }[] };
    expect(catalog["@type"]).toBe("dcat:Catalog");
    expect(catalog["dcat:dataset"].map((dataset) => dataset["dct:identifier"])).toContain("praktik");
  });

  it("shows an indicator's Satu Data Indonesia metadata on its page", async () => {
    const html = parse(await (await get("/indikator/3")).text());
    const metadata = html.querySelector('section[aria-labelledby="metadata-heading"]')!;
    expect(metadata.text).toContain("Metadata indikator (Satu Data Indonesia)");
    for (const label of ["Konsep", "Definisi", "Metode/rumus perhitungan", "Satuan", "Sumber"]) expect(metadata.text).toContain(label);
    const pemdi = parse(await (await get("/indikator/1?kerangka=pemdi-2026")).text());
    expect(pemdi.querySelector('section[aria-labelledby="metadata-heading"]')!.text).toContain("Konsep");
  });
});
