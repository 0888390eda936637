import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessments, frameworks, publishedGroupAverages, publishedResults } from "../../../db/schema";
import { upsertSource } from "../../../db/sources";
import { request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { roundIndex } from "../frameworks";
import { PEMDI_2026, SPBE_2020 } from "../frameworks/index.server";
import { readSpreadsheet } from "../spreadsheets/import.server";
import { syncSampleData } from "./sample-data.server";

/**
 * SPBE 2020 and Indeks Pemdi 2026 figures of the same regions, over real HTTP: no page ranks,
 * averages or draws one line across the two frameworks. Official Pemdi values are chosen above
 * every SPBE value the site holds (≥ 4,92), so finding one on an SPBE view is a mix-up.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;

const PEMDI_OFFICIAL = [
  ["32.11", 4.98, "4,98"],
  ["33.16", 4.96, "4,96"],
  ["35.10", 4.94, "4,94"],
] as const;
const PEMDI_NATIONAL = "4,92";
const PEMDI_VALUES = [...PEMDI_OFFICIAL.map(([, , shown]) => shown), PEMDI_NATIONAL];
const SOURCE_URL = "https://menpan.go.id/no-cross-framework/pemdi-2026";

const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");
const page = async (path: string) => {
  const response = await request(app.origin, path);
  expect(response.status, path).toBe(200);
  return response.text();
};
/** The rows of a page's first table body, as text. */
const tableRows = (html: string) => [...(/<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "").matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => text(row[1]!));
/** The options of a page's select named `name`, as values. */
const optionsOf = (html: string, name: string) => [...(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "").matchAll(/value="([^"]*)"/g)].map((match) => match[1]);
const indexValues = (row: string) => [...row.matchAll(/\b\d,\d\d\b/g)].map((match) => match[0]);

/**
 * Every chart data table with years as rows: the years in which each series (column) has a
 * value. SPBE 2020 covers years up to 2025 and Pemdi 2026 from 2026, so a series with values on
 * both sides of 2025/2026 would be one line across frameworks.
 */
function chartSeriesYears(html: string): { chart: string; series: string; years: number[] }[] {
  const found: { chart: string; series: string; years: number[] }[] = [];
  for (const [figure] of html.matchAll(/<figure[\s\S]*?<\/figure>/g)) {
    const table = /<table[\s\S]*?<\/table>/.exec(figure)?.[0];
    if (!table) continue;
    const chart = text(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(figure)?.[1] ?? "");
    const headers = [...(/<thead[\s\S]*?<\/thead>/.exec(table)?.[0] ?? "").matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((match) => text(match[1]!).trim()).slice(1);
    const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!).trim()));
    if (rows.length === 0 || !rows.every((cells) => /^\d{4}$/.test(cells[0] ?? ""))) continue;
    headers.forEach((series, column) => {
      const years = rows.filter((cells) => /\d[,.]\d/.test(cells[column + 1] ?? "")).map((cells) => Number(cells[0]));
      found.push({ chart, series, years });
    });
  }
  return found;
}

function expectNoSeriesAcrossFrameworks(html: string, where: string) {
  const found = chartSeriesYears(html);
  expect(found.length, `${where}: a chart drawn over years`).toBeGreaterThan(0);
  for (const { chart, series, years } of found) {
    const spbe = years.some((year) => year <= 2025);
    const pemdi = years.some((year) => year >= 2026);
    expect(spbe && pemdi, `${where}: "${series}" in "${chart}" spans ${years.join(", ")}`).toBe(false);
  }
}

async function frameworkId(slug: string) {
  return (await db().query.frameworks.findFirst({ where: eq(frameworks.slug, slug), columns: { id: true } }))!.id;
}

/** The Pemdi 2026 sample indices as the rankings show them, by region code. */
async function pemdiSamples() {
  const rows = await db()
    .select({ code: assessments.regionCode, index: assessments.computedIndex })
    .from(assessments)
    .where(and(eq(assessments.frameworkId, await frameworkId(PEMDI_2026)), eq(assessments.kind, "sample")));
  return new Map(rows.map((row) => [row.code, roundIndex(row.index!, 2).toFixed(2).replace(".", ",")]));
}

beforeAll(async () => {
  const pemdi = await frameworkId(PEMDI_2026);
  const sourceId = await upsertSource(db(), "official_decree", SOURCE_URL);
  await db()
    .insert(publishedResults)
    .values(PEMDI_OFFICIAL.map(([regionCode, value]) => ({ frameworkId: pemdi, regionCode, year: 2026, value, sourceId, origin: "import" as const })));
  await db().insert(publishedGroupAverages).values({ frameworkId: pemdi, year: 2026, scope: "national", label: "Indeks Pemdi nasional 2026", value: 4.92, sourceId });
  // Demo mode: SPBE 2020 and Pemdi 2026 sample data for the same regions (Pemdi's following the official values above).
  await db().transaction((tx) => syncSampleData(tx));
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
  // The worker's database is shared with later test files: leave SPBE 2020 the default again.
  const pemdi = await frameworkId(PEMDI_2026);
  await db().delete(publishedResults).where(and(eq(publishedResults.frameworkId, pemdi), inArray(publishedResults.regionCode, PEMDI_OFFICIAL.map(([code]) => code))));
  await db().delete(publishedGroupAverages).where(eq(publishedGroupAverages.frameworkId, pemdi));
  await db().transaction((tx) => syncSampleData(tx));
});

describe("rankings", () => {
  it("open on the framework of the most recent year with official results, Pemdi 2026 here, and say its status", async () => {
    const html = await page("/peringkat");
    expect(text(html)).toContain("Peringkat Indeks Pemdi 2026 tahun 2026");
    expect(html).toMatch(/<a[^>]*aria-current="page"[^>]*href="\/peringkat\?kerangka=pemdi-2026"|<a[^>]*href="\/peringkat\?kerangka=pemdi-2026"[^>]*aria-current="page"/);
    expect(text(html)).toContain("Sumber sekunder: struktur, bobot, dan predikat dibaca dari sumber publik");
  });

  it("rank only Pemdi values in the Pemdi view: its own year, no change computed from an SPBE year", async () => {
    const html = await page("/peringkat?kerangka=pemdi-2026");
    expect(optionsOf(html, "tahun")).toEqual(["2026"]);
    const rows = tableRows(html);
    expect(rows).toHaveLength(PEMDI_OFFICIAL.length);
    PEMDI_OFFICIAL.forEach(([, , shown], index) => {
      expect(rows[index]).toMatch(new RegExp(`^ ?${index + 1} `));
      // Pemdi's index, its predikat band (≥ 4,00: Memuaskan), no change: there is no Pemdi 2025.
      expect(rows[index]).toContain(`${shown} Memuaskan — `);
      expect(rows[index]).toContain("Resmi");
    });
    // The published Pemdi average is shown; no SPBE average is.
    expect(text(html)).toMatch(new RegExp(`Indeks Pemdi nasional 2026 \\( ?2026 ?\\): ${PEMDI_NATIONAL}`));
    expect(text(html)).not.toContain("3,23");
  });

  it("rank only SPBE values in the SPBE view, its years without 2026, and no Pemdi average", async () => {
    const html = await page("/peringkat?kerangka=spbe-2020&tahun=2024");
    expect(text(html)).toContain("Peringkat Indeks SPBE 2020 tahun 2024");
    expect(optionsOf(html, "tahun")).toContain("2024");
    expect(optionsOf(html, "tahun")).not.toContain("2026");
    const rows = tableRows(html);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.find((row) => row.includes("Kabupaten Sumedang"))).toContain("4,51");
    for (const row of rows) for (const value of PEMDI_VALUES) expect(row).not.toContain(value);
    for (const value of PEMDI_VALUES) expect(text(html)).not.toContain(value);
    // Every link of the view keeps its framework.
    expect(html).toContain('name="kerangka" value="spbe-2020"');
    expect(html).toMatch(/href="\/peringkat\.csv\?kerangka=spbe-2020&amp;tahun=2024/);
  });

  it("rank Pemdi sample data on its own: exactly the Pemdi 2026 samples, labelled, never SPBE ones", async () => {
    const samples = await pemdiSamples();
    const html = await page("/peringkat?kerangka=pemdi-2026&data=contoh");
    expect(text(html)).toContain("Peringkat ini memakai data contoh sintetis untuk demonstrasi.");
    expect(optionsOf(html, "tahun")).toEqual(["2026"]);
    const codes = [...html.matchAll(/href="\/daerah\/(\d{2}\.\d{2})\/benchmark\?kerangka=pemdi-2026"/g)].map((match) => match[1]!);
    const rows = tableRows(html);
    expect(codes.length).toBe(Math.min(samples.size, 50));
    expect(rows).toHaveLength(codes.length);
    rows.forEach((row, index) => {
      expect(row).toContain("Data contoh");
      // Each row's value is that region's Pemdi sample; no change, as no Pemdi 2025 exists.
      expect(indexValues(row)[0], codes[index]).toBe(samples.get(codes[index]!));
      expect(row).toMatch(/ — /);
    });
  });

  it("say plainly when a framework has no official results yet and link the kinds that exist", async () => {
    // No provincial government has an official Pemdi result.
    const html = await page("/peringkat?kerangka=pemdi-2026&jenis=provinsi");
    expect(text(html)).toContain("Belum ada hasil resmi Indeks Pemdi 2026 yang dipublikasikan untuk pemerintah provinsi, jadi belum ada peringkat resmi.");
    expect(html).toContain('href="/peringkat?kerangka=pemdi-2026&amp;data=contoh"');
    expect(tableRows(html)).toEqual([]);
  });
});

describe("rankings downloads", () => {
  it("carry the framework's name, version and status on every row, and only that framework's values", async () => {
    const pemdi = await request(app.origin, "/peringkat.csv?kerangka=pemdi-2026&gaya=id");
    expect(pemdi.headers.get("content-disposition")).toContain("peringkat-pemdi-2026-2026.csv");
    const pemdiLines = (await pemdi.text()).trim().split("\r\n");
    expect(pemdiLines[0]).toMatch(/;kerangka;versi_kerangka;status_kerangka$/);
    expect(pemdiLines.slice(1)).toHaveLength(PEMDI_OFFICIAL.length);
    for (const line of pemdiLines.slice(1)) {
      expect(line).toMatch(/;2026;Resmi;4,9\d;Memuaskan;/);
      expect(line).toMatch(/;Indeks Pemerintah Digital \(Permen PANRB No\. 8 Tahun 2026[^;]*;1;Sumber sekunder \(teks resmi belum dibaca\)$/);
    }

    const spbe = await (await request(app.origin, "/peringkat.csv?kerangka=spbe-2020&tahun=2024&gaya=intl")).text();
    const spbeLines = spbe.trim().split("\r\n").slice(1);
    expect(spbeLines.length).toBeGreaterThan(10);
    for (const line of spbeLines) {
      expect(line).toContain(",2024,Resmi,");
      expect(line).toMatch(/,Indeks SPBE \(Permen PANRB No\. 59 Tahun 2020\),1,/);
      for (const value of PEMDI_VALUES) expect(line).not.toContain(`,${value.replace(",", ".")},`);
    }

    const xlsx = await request(app.origin, "/peringkat.xlsx?kerangka=pemdi-2026");
    const read = await readSpreadsheet(new Uint8Array(await xlsx.arrayBuffer()));
    if (!read.ok) throw new Error(read.problem);
    const values = read.rows.filter((row) => typeof row.cells[6] === "number").map((row) => row.cells[6]);
    expect(values).toEqual(PEMDI_OFFICIAL.map(([, value]) => value));
    expect(read.rows.at(-1)?.cells.slice(-3)).toEqual([expect.stringContaining("Indeks Pemerintah Digital"), 1, "Sumber sekunder (teks resmi belum dibaca)"]);
  });
});

describe("framework in the URL", () => {
  it.each(["/peringkat", "/peringkat.csv", "/peringkat.xlsx"])("%s?kerangka=unknown answers 404 with the frameworks that exist", async (path) => {
    const response = await request(app.origin, `${path}?kerangka=unknown`);
    expect(response.status).toBe(404);
    if (path === "/peringkat") {
      const html = text(await response.text());
      expect(html).toContain("Kerangka “unknown” tidak dikenal. Kerangka yang tersedia:");
      expect(html).toContain("Indeks SPBE 2020");
      expect(html).toContain("Indeks Pemdi 2026");
    }
  });

  it("escapes a framework name that is markup, never a 500", async () => {
    for (const path of ["/peringkat?kerangka=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/peringkat.csv?kerangka=%3Cscript%3E", "/peringkat?kerangka=%22%3E%3Cimg%20src%3Dx%3E"]) {
      const response = await request(app.origin, path);
      expect(response.status, path).toBe(404);
      const body = await response.text();
      expect(body).not.toContain("<script>alert(1)");
      expect(body).not.toContain('"><img src=x>');
    }
    expect(text(await (await request(app.origin, "/peringkat?kerangka=%3Cscript%3Ealert(1)%3C%2Fscript%3E")).text())).toContain("Kerangka “<script>alert(1)</script>” tidak dikenal");
  });
});

describe("other pages", () => {
  it("home: each framework's national index is its own key figure, named with framework, kind and year", async () => {
    const html = await page("/");
    const figures = [...html.matchAll(/<div class="rounded-lg border[^"]*"><dt[^>]*>([\s\S]*?)<\/dt><dd[^>]*>([\s\S]*?)<\/dd><\/div>/g)].map((match) => text(`${match[1]} ${match[2]}`));
    const spbe = figures.filter((figure) => figure.includes("Indeks SPBE 2020"));
    const pemdi = figures.filter((figure) => figure.includes("Indeks Pemdi 2026"));
    expect(spbe).toHaveLength(1);
    expect(pemdi).toHaveLength(1);
    expect(spbe[0]).toMatch(/Indeks SPBE 2020 nasional 2025 3,23 Resmi/);
    expect(pemdi[0]).toMatch(new RegExp(`Indeks Pemdi 2026 nasional 2026 ${PEMDI_NATIONAL} Resmi`));
    for (const value of PEMDI_VALUES) expect(spbe[0]).not.toContain(value);
    expect(pemdi[0]).not.toContain("3,23");
  });

  it("directory and province page: SPBE 2020 figures, named so, never a Pemdi value", async () => {
    const directory = await page("/daerah?provinsi=32");
    expect(text(directory)).toContain("Indeks SPBE 2020, hasil resmi terbaru");
    expect(tableRows(directory).find((row) => row.includes("Kabupaten Sumedang"))).toContain("4,51");
    const province = await page("/provinsi/32");
    expect(text(province)).toContain("Indeks SPBE 2020 — Pemerintah Provinsi Jawa Barat");
    expect(text(province)).toContain("Indeks SPBE 2020, hasil resmi terbaru");
    for (const html of [directory, province]) for (const value of PEMDI_VALUES) expect(text(html)).not.toContain(value);
    expectNoSeriesAcrossFrameworks(province, "/provinsi/32");
  });

  it("compare page: no value of one framework in the other's view, no chart line across frameworks", async () => {
    const regions = PEMDI_OFFICIAL.map(([code]) => code).join(",");
    for (const search of [`?daerah=${regions}`, `?daerah=${regions}&kerangka=${SPBE_2020}`, `?daerah=${regions}&kerangka=${PEMDI_2026}`]) {
      const html = await page(`/bandingkan${search}`);
      expectNoSeriesAcrossFrameworks(html, search);
      const shown = text(html);
      // Sumedang's SPBE 2024 official index and its Pemdi 2026 one never stand in one view.
      expect(shown.includes("4,51") && shown.includes("4,98"), search).toBe(false);
    }
  });

  it("region pages: SPBE and Pemdi figures as separate series, never one line", async () => {
    for (const [code] of PEMDI_OFFICIAL) {
      for (const path of [`/daerah/${code}`, `/daerah/${code}/benchmark`, `/daerah/${code}/benchmark?kerangka=${SPBE_2020}`, `/daerah/${code}/benchmark?kerangka=${PEMDI_2026}`]) {
        expectNoSeriesAcrossFrameworks(await page(path), path);
      }
    }
  });
});
