import { readdirSync, readFileSync } from "node:fs";
import { and, count, isNotNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { practices } from "../../../db/schema";
import { request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { serializeLocaleCookie } from "../i18n/locale.server";
import { syncSampleData } from "./sample-data.server";

/**
 * The province map over real HTTP, as a browser without JavaScript gets it, in demo mode
 * (sample figures exist for many more regions than official ones, and must not be averaged in).
 */
let app: Awaited<ReturnType<typeof startTestApp>>;

const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/\s+/g, " ");
const get = (path: string, cookie?: string) => request(app.origin, path, { cookie });
const page = async (path: string, cookie?: string) => {
  const response = await get(path, cookie);
  expect(response.status, path).toBe(200);
  return response.text();
};
/** The cells of a page's first table body, as text. */
const tableRows = (html: string) =>
  [...(/<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "").matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!).trim()),
  );
const svgOf = (html: string) => /<svg[^>]*viewBox="0 0 1000[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
const indonesianNumber = (value: string) => Number(value.replace(/\./g, "").replace(",", "."));

beforeAll(async () => {
  await db().transaction((tx) => syncSampleData(tx));
  app = await startTestApp();
});
afterAll(() => app.close());

describe("the province map", () => {
  it("draws the 38 provinces as links to their rankings, with a table of the same 38 and the boundaries' attribution", async () => {
    const response = await get("/peta");
    expect(response.status).toBe(200);
    const html = await response.text();
    const svg = svgOf(html);
    const links = [...svg.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
    expect(links).toHaveLength(38);
    for (const link of links) expect(link).toMatch(/^\/peringkat\?kerangka=spbe-2020&tahun=\d{4}&provinsi=\d{2}$/);
    expect(new Set(links).size).toBe(38);
    expect(tableRows(html)).toHaveLength(38);
    const page = text(html);
    expect(page).toContain("Batas provinsi: Deny Herianto, CC BY 4.0");
    expect(page).toMatch(/Rata-rata Indeks SPBE 2020 resmi kabupaten\/kota per provinsi, 20\d\d Resmi/);
    expect(page).toContain("bukan angka resmi provinsi");
    expect(page).toContain("tidak ada data");
    // Drawn on the server: the projection (d3-geo's fitWidth) is in the server build only.
    expect(readFileSync("build/index.js", "utf8")).toContain("fitWidth");
    const browserFiles = readdirSync("public/build", { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".js"));
    expect(browserFiles.filter((file) => readFileSync(`public/build/${file}`, "utf8").includes("fitWidth"))).toEqual([]);
    console.info(`/peta HTML: ${(html.length / 1024).toFixed(1)} KB`);
  });

  it("averages only the official figures of a province's kabupaten/kota: the rankings of that province, year and framework give the same mean and count", async () => {
    const map = await page("/peta?kerangka=spbe-2020&tahun=2024");
    const jabar = tableRows(map).find((cells) => cells[0] === "Jawa Barat")!;
    const rankings = tableRows(await page("/peringkat?kerangka=spbe-2020&tahun=2024&provinsi=32"));
    expect(rankings.length).toBeGreaterThan(1);
    const values = rankings.map((cells) => indonesianNumber(/\d,\d+/.exec(cells[2]!)![0]));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(jabar[1]).toBe(mean.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    // Jawa Barat has 27 kabupaten/kota; sample figures (for all of them) are not counted.
    expect(jabar[2]).toBe(`${values.length} dari 27`);
    expect(values.length).toBeLessThan(27);
  });

  it("counts published practices per province, and links each count to the practices of that province", async () => {
    const html = await page("/peta?ukuran=praktik");
    const [published] = await db()
      .select({ count: count() })
      .from(practices)
      .where(and(isNotNull(practices.publishedRevisionId), ne(practices.state, "archived")));
    const rows = tableRows(html);
    expect(rows.reduce((sum, cells) => sum + Number(cells[3]), 0)).toBe(published!.count);
    expect(html).toContain('href="/praktik?provinsi=32"');
    expect(text(html)).toContain("Praktik baik yang terbit per provinsi");
    const adoptions = tableRows(await page("/peta?ukuran=adopsi"));
    expect(adoptions.reduce((sum, cells) => sum + Number(cells[4]), 0)).toBeGreaterThan(0);
  });

  it("formats numbers the English way in English", async () => {
    const cookie = (await serializeLocaleCookie("en")).split(";")[0]!;
    const html = await page("/peta?kerangka=spbe-2020&tahun=2024", cookie);
    const jabar = tableRows(html).find((cells) => cells[0] === "Jawa Barat")!;
    expect(jabar[1]).toMatch(/^\d\.\d\d$/);
    expect(text(html)).toContain("Province boundaries: Deny Herianto, CC BY 4.0");
  });

  it("says where a framework has no official results yet, with every province marked as without data", async () => {
    const html = await page("/peta?kerangka=pemdi-2026");
    expect(text(html)).toContain("Belum ada hasil resmi");
    expect(tableRows(html).every((cells) => cells[1] === "tidak ada data")).toBe(true);
    expect(svgOf(html).match(/<a /g)).toHaveLength(38);
  });
});

describe("bad input on the map", () => {
  it("falls back from an unknown measure or a year without results, and says so", async () => {
    const measure = text(await page("/peta?ukuran=%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
    expect(measure).toContain('Ukuran "<script>alert(1)</script>" tidak dikenal; yang ditampilkan: Rata-rata indeks resmi.');
    for (const year of ["1800", "abc", "2024.5", "-1", "1e3"]) {
      const html = await page(`/peta?tahun=${year}`);
      expect(text(html)).toContain(`untuk tahun "${year}"`);
      expect(svgOf(html).match(/<a /g)).toHaveLength(38);
    }
  });

  it("escapes what the URL says", async () => {
    const html = await page("/peta?ukuran=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    expect(html).not.toContain("<img src=x");
  });

  it("reads the first of repeated parameters", async () => {
    const html = await page("/peta?ukuran=praktik&ukuran=adopsi&tahun=2024&tahun=x");
    expect(text(html)).toContain("Praktik baik yang terbit per provinsi");
  });

  it("answers an unknown framework with a 404 page that lists the real ones", async () => {
    const response = await get("/peta?kerangka=tidak-ada");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('href="/peta?kerangka=spbe-2020"');
    expect(html).toContain('href="/peta?kerangka=pemdi-2026"');
  });
});
