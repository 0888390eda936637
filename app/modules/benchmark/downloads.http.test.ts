import { parse as parseCsv } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { type HTMLElement, parse as parseHtml } from "node-html-parser";
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figureNotes, frameworks } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import { db } from "../db.server";
import { SPBE_2020 } from "../frameworks/index.server";
import { syncSampleData } from "./sample-data.server";

/**
 * Each page's download holds the page's rows, in its order, for the same query — compare,
 * region benchmark, region history, indicator distribution and the practice list — as CSV in
 * both styles and as .xlsx; text that a spreadsheet would run comes out neutralised; a query
 * that cannot be downloaded is a 400 or 404 with the reason, never a 500.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;

const NOTE = "+62 banding sedang diajukan";
const TITLE = "=HYPERLINK(\"https://evil.example\";\"Klik\") layanan";

const html = async (path: string) => parseHtml(await (await request(app.origin, path)).text());
const textOf = (element: HTMLElement | null | undefined) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();
/** The page's table with this caption (charts carry tables of their own). */
const tableCaptioned = (page: HTMLElement, caption: string) => page.querySelectorAll("table").find((table) => textOf(table.querySelector("caption")).startsWith(caption))!;
/** An Indonesian number as the page or the Indonesian CSV writes it ("4,51"), as a number. */
const number = (text: string) => (text === "" || text === "—" ? null : Number(text.replace(/\./g, "").replace(",", ".")));

async function csvRows(path: string, style: "id" | "intl" = "id"): Promise<Record<string, string>[]> {
  const response = await request(app.origin, `${path}${path.includes("?") ? "&" : "?"}gaya=${style}`);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  return parseCsv(await response.text(), { bom: true, columns: true, delimiter: style === "id" ? ";" : "," });
}

async function xlsxRows(path: string): Promise<Record<string, unknown>[]> {
  const response = await request(app.origin, path);
  expect(response.status, path).toBe(200);
  const [header, ...rows] = await readSheet(Buffer.from(await response.arrayBuffer()));
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [String(name), row[index] ?? null])));
}

beforeAll(async () => {
  await db().transaction((tx) => syncSampleData(tx));
  const frameworkId = (await db().query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020) }))!.id;
  const editor = await createSignedInUser("editor", "32.11");
  await db().insert(figureNotes).values({ regionCode: "32.11", frameworkId, year: 2024, figureKind: "official", body: NOTE, authorId: editor.id });
  const people = { editor: await testActor("editor", "35.10"), curator: await testActor("curator") };
  await publishPractice(practiceContent({ title: TITLE, tags: ["unduhan-uji"] }), people);
  await publishPractice(practiceContent({ title: "Praktik unduhan kedua", tags: ["unduhan-uji"] }), people);
  app = await startTestApp();
});
afterAll(() => app.close());

describe("compare download", () => {
  const query = "/bandingkan?daerah=32.11,35.10&tahun=2024";

  it("holds the page's official index and indicator levels, region by region in the page's order", async () => {
    const page = await html(query);
    const main = tableCaptioned(page, "Indeks, domain, dan aspek (2024)");
    const indicators = tableCaptioned(page, "Tingkat per indikator");
    const regions = main.querySelectorAll("thead th").slice(1).map(textOf);
    const officialCells = main.querySelectorAll("tbody tr")[0]!.querySelectorAll("td").map((cell) => number(textOf(cell.querySelector(".tabular-nums"))));
    const rows = await csvRows(query.replace("/bandingkan", "/bandingkan.csv"));
    const official = rows.filter((row) => row.ukuran === "Indeks resmi");
    expect(official.map((row) => row.daerah)).toEqual(regions);
    expect(official.map((row) => number(row.nilai!))).toEqual(officialCells);
    expect(official.every((row) => (row.nilai === "" || row.jenis_data === "Resmi") && row.kerangka!.includes("SPBE") && row.tahun === "2024")).toBe(true);
    expect(official[0]!.sumber).not.toBe("");
    expect(official[0]!.tanggapan_daerah).toContain(`'${NOTE}`);

    const pageLevels = indicators.querySelectorAll("tbody tr").flatMap((row) => {
      const [name, ...cells] = row.querySelectorAll("th, td").map(textOf);
      return cells.map((cell, index) => `${name} ${regions[index]} ${cell === "—" ? "" : cell}`);
    });
    const levelRows = rows.filter((row) => /^\d+\. /.test(row.ukuran!));
    expect(levelRows.map((row) => `${row.ukuran} ${row.daerah} ${row.tingkat}`)).toEqual(pageLevels);
    // The levels say what kind they are: demo mode's sample data is marked as such.
    expect(levelRows.filter((row) => row.tingkat !== "").every((row) => ["Data contoh", "Tingkat terverifikasi"].includes(row.jenis_data!))).toBe(true);
  });

  it("gives the same rows as .xlsx, numbers as numbers, and a note that would be a formula neutralised", async () => {
    const csv = await csvRows(query.replace("/bandingkan", "/bandingkan.csv"), "intl");
    const xlsx = await xlsxRows(query.replace("/bandingkan", "/bandingkan.xlsx"));
    expect(xlsx.map((row) => [row.ukuran, row.kode_wilayah])).toEqual(csv.map((row) => [row.ukuran, row.kode_wilayah]));
    expect(xlsx.map((row) => row.nilai)).toEqual(csv.map((row) => (row.nilai === "" ? null : Number(row.nilai))));
    expect(xlsx.find((row) => row.kode_wilayah === "32.11")!.tanggapan_daerah).toMatch(/^'\+62 banding/);
  });

  it("keeps the framework of the page's query", async () => {
    const rows = await csvRows("/bandingkan.csv?daerah=32.11,35.10&kerangka=pemdi-2026");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.kerangka!.includes("Pemerintah Digital"))).toBe(true);
  });
});

describe("region benchmark download", () => {
  it("holds the page's ranks per peer group and its profile, in the page's order", async () => {
    const path = "/daerah/32.11/benchmark?tahun=2024";
    const page = await html(path);
    const ranks = page.querySelectorAll("section[aria-labelledby=groups-heading] li").map((item) => textOf(item.querySelector("p")));
    const rows = await csvRows("/daerah/32.11/benchmark.csv?tahun=2024");
    const rankRows = rows.filter((row) => row.peringkat !== "");
    expect(rankRows.map((row) => row.kelompok)).toEqual(ranks);
    expect(rankRows.every((row) => row.jenis_data === "Resmi" && row.tahun === "2024")).toBe(true);
    expect(rows[0]).toMatchObject({ bagian: "Nilai terbaru", jenis_data: "Resmi" });
    expect(rows.some((row) => row.bagian === "Profil domain dan aspek" && row.rata_rata_kelompok !== "")).toBe(true);
  });
});

describe("region history download", () => {
  it("holds every figure of the page's history table, newest first, each with its kind, framework and source", async () => {
    const page = await html("/daerah/32.11");
    const section = tableCaptioned(page, "Riwayat indeks");
    const officialColumn = section.querySelectorAll("thead th").map(textOf).indexOf("Resmi");
    const pageRows = section.querySelectorAll("tbody tr").flatMap((row) => {
      const cells = row.querySelectorAll("th, td");
      const official = number(textOf(cells[officialColumn]?.querySelector(".tabular-nums")));
      return official === null ? [] : [`${textOf(cells[0])} ${official}`];
    });
    const rows = await csvRows("/daerah/32.11/riwayat.csv");
    expect(rows.filter((row) => row.jenis_data === "Resmi").map((row) => `${row.tahun} ${number(row.indeks!)}`)).toEqual(pageRows);
    expect(rows.every((row) => row.kerangka !== "" && row.jenis_data !== "")).toBe(true);
    expect(rows.find((row) => row.tahun === "2024" && row.jenis_data === "Resmi")!.tanggapan_daerah).toMatch(/^'\+62/);
    const xlsx = await xlsxRows("/daerah/32.11/riwayat.xlsx");
    expect(xlsx.map((row) => [row.tahun, row.jenis_data])).toEqual(rows.map((row) => [Number(row.tahun), row.jenis_data]));
  });
});

describe("indicator download", () => {
  it("holds the page's distribution and leaders for the same year and framework", async () => {
    const page = await html("/indikator/1?kerangka=spbe-2020");
    const leaders = page
      .querySelectorAll("section[aria-labelledby^=leaders-] li a[href^='/daerah/']")
      .map((link) => link.getAttribute("href")!.split("/")[2]);
    const rows = await csvRows("/indikator/1/sebaran.csv?kerangka=spbe-2020");
    expect(rows.filter((row) => row.kode_wilayah !== "").map((row) => row.kode_wilayah)).toEqual(leaders);
    const distribution = rows.filter((row) => row.kode_wilayah === "");
    expect(distribution.length).toBeGreaterThan(0);
    expect(distribution.every((row) => row.indikator!.startsWith("1. ") && row.jenis_data !== "")).toBe(true);
  });
});

describe("practice list download", () => {
  it("holds the published practices of the page's filters and order, with no contact data, titles that would be formulas neutralised", async () => {
    const page = await html("/praktik?tag=unduhan-uji&urut=terbanyak-diadopsi");
    const ids = page.querySelectorAll("a[href^='/praktik/']").map((link) => /^\/praktik\/(\d+)$/.exec(link.getAttribute("href")!)?.[1]).filter(Boolean);
    const rows = await csvRows("/praktik.csv?tag=unduhan-uji&urut=terbanyak-diadopsi");
    expect(rows.map((row) => row.id)).toEqual([...new Set(ids)]);
    expect(rows.map((row) => row.judul)).toContain(`'${TITLE}`);
    expect(Object.keys(rows[0]!).some((column) => /kontak|contact|email|telepon/i.test(column))).toBe(false);
    const xlsx = await xlsxRows("/praktik.xlsx?tag=unduhan-uji&urut=terbanyak-diadopsi");
    expect(xlsx.map((row) => String(row.id))).toEqual(rows.map((row) => row.id));
    expect(xlsx.map((row) => row.judul)).toContain(`'${TITLE}`);
  });
});

describe("downloads of queries that cannot be shown", () => {
  it.each([
    ["/bandingkan.csv?daerah=32.11", 400, "Pilih 2 sampai 6 daerah"],
    ["/bandingkan.xlsx?daerah=%3Cscript%3E,99.99", 400, "Pilih 2 sampai 6 daerah"],
    ["/bandingkan.csv?daerah=32.11,35.10&kerangka=tidak-ada", 404, "tidak-ada"],
    ["/daerah/99.99/benchmark.csv", 404, "Tidak ada kabupaten/kota"],
    ["/daerah/%27%3B/benchmark.xlsx", 404, "Tidak ada kabupaten/kota"],
    ["/daerah/99.99/riwayat.csv", 404, "Tidak ada kabupaten/kota"],
    ["/indikator/999/sebaran.csv", 404, "Indikator dengan nomor itu tidak ada"],
    ["/indikator/abc/sebaran.xlsx", 404, "Indikator dengan nomor itu tidak ada"],
  ] as const)("%s answers %i with the reason", async (path, status, reason) => {
    const response = await request(app.origin, path);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(reason);
  });

  it("falls back to no filter for malformed filters, as the pages do", async () => {
    for (const path of ["/praktik.csv?urut=%3Cx%3E&provinsi=zz&hal=-1&tahap=%00", "/daerah/32.11/benchmark.csv?tahun=abc&kelompok=%27", "/indikator/1/sebaran.xlsx?tahun=1"]) {
      expect((await request(app.origin, path)).status, path).toBe(200);
    }
  });
});
