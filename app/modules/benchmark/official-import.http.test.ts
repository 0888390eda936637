import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { assessments, auditLog, publishedResults } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { getFrameworkSummary, PEMDI_2026 } from "../frameworks/index.server";
import { readSpreadsheet } from "../spreadsheets/import.server";

/** The official-results import over real HTTP, with files as Excel on Indonesian PCs writes them. */
let app: Awaited<ReturnType<typeof startTestApp>>;
let curator: Awaited<ReturnType<typeof createSignedInUser>>;
let editor: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  app = await startTestApp();
  [curator, editor] = await Promise.all([createSignedInUser("curator"), createSignedInUser("editor", "32.11")]);
});
afterAll(() => app.close());

function upload(file: string | Uint8Array<ArrayBuffer>, name = "hasil.csv", framework?: string) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", new File([file], name));
  return request(app.origin, `/kurasi/impor-spbe${framework ? `?kerangka=${framework}` : ""}`, { cookie: curator.cookie, form });
}

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
/** The hidden fields a preview page hands to the import button. */
function importForm(html: string, confirm: boolean) {
  const form = new FormData();
  form.append("intent", "import");
  form.append("lembar", decode(/name="lembar" value="([^"]*)"/.exec(html)![1]!));
  form.append("sidik", /name="sidik" value="([^"]*)"/.exec(html)![1]!);
  if (confirm) form.append("konfirmasi", "ya");
  return form;
}
const submit = (form: FormData, framework?: string) => request(app.origin, `/kurasi/impor-spbe${framework ? `?kerangka=${framework}` : ""}`, { cookie: curator.cookie, form });
const text = (html: string) => decode(html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " "));

async function current(code: string, year: number) {
  return db()
    .select({ value: publishedResults.value, decimals: publishedResults.decimals, origin: publishedResults.origin })
    .from(publishedResults)
    .where(and(eq(publishedResults.subjectCode, code), eq(publishedResults.year, year), isNull(publishedResults.supersededAt)));
}

describe("official results import", () => {
  it("reads a CSV saved by Excel on an Indonesian PC: BOM, semicolons, decimal commas, mixed line ends, an extra column, Excel-shortened codes", async () => {
    const csv = "\uFEFFkode_wilayah;nama_daerah;tahun;indeks;predikat;sumber;catatan_internal\r\n35.1;Kabupaten Banyuwangi;2023;4,25;Memuaskan;https://menpan.go.id/hasil-2023;cek\n35.17;Kabupaten Jombang;2023;3,62;Baik;https://menpan.go.id/hasil-2023;\r\n";
    const preview = await upload(csv);
    expect(preview.status).toBe(200);
    const page = text(await preview.text());
    for (const expected of [
      "Pratinjau: 2 baru, 0 mengubah nilai resmi yang ada, 0 tidak berubah.",
      "Dibaca sebagai CSV (titik koma); angka: gaya Indonesia (koma desimal).",
      "Kolom yang tidak dikenal dan diabaikan: catatan_internal.",
      "Kabupaten Banyuwangi 35.10 2023 Baru 4,25",
      // 3,62 is Sangat Baik: the file's predikat is flagged, not trusted.
      "Predikat tertulis “Baik”, tetapi indeks ini berpredikat Sangat Baik.",
    ]) {
      expect(page).toContain(expected);
    }
    expect(await current("35.10", 2023)).toEqual([]);
  });

  it("imports an .xlsx, shows old → new values, needs a confirmation to overwrite, and audits before and after", async () => {
    const workbook = await writeExcelFile([
      ["kode_wilayah", "nama_daerah", "tahun", "indeks", "sumber", "keputusan"].map((value) => ({ value })),
      [{ value: 35.1, type: Number }, { value: "Kabupaten Banyuwangi" }, { value: 2024, type: Number }, { value: 4.4, type: Number }, { value: "https://menpan.go.id/hasil-2024" }, { value: "Kepmen PANRB 663/2024" }],
      [{ value: "33.16" }, { value: "Kabupaten Blora" }, { value: 2023, type: Number }, { value: 3.3, type: Number }, { value: "https://menpan.go.id/hasil-2023" }, { value: "Kepmen PANRB 13/2024" }],
    ]).toBuffer();
    const preview = await upload(new Uint8Array(workbook), "hasil.xlsx");
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(text(html)).toContain("Dibaca sebagai Excel (.xlsx)");
    expect(text(html)).toContain("Kabupaten Blora 33.16 2023 Diubah 3,27 → 3,30");

    // Without the confirmation nothing changes, and the page says why next to the checkbox.
    const unconfirmed = await submit(importForm(html, false));
    expect(unconfirmed.status).toBe(400);
    expect(text(await unconfirmed.text())).toContain("Centang konfirmasi di atas untuk menimpa nilai resmi yang sudah ada. Tidak ada yang diimpor.");
    expect(await current("33.16", 2023)).toEqual([{ value: 3.27, decimals: 2, origin: "seed" }]);

    const imported = await submit(importForm(html, true));
    expect(imported.status).toBe(200);
    expect(text(await imported.text())).toContain("Impor selesai: 1 baru, 1 diubah, 0 tidak berubah.");
    expect(await current("33.16", 2023)).toEqual([{ value: 3.3, decimals: 2, origin: "import" }]);
    // The old value is kept, superseded.
    expect((await db().select().from(publishedResults).where(and(eq(publishedResults.subjectCode, "33.16"), eq(publishedResults.year, 2023)))).length).toBe(2);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "assessment.official_imported")).orderBy(desc(auditLog.id)).limit(1);
    expect(entry?.before).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "33.16", year: 2023, status: "changed", values: [expect.objectContaining({ value: 3.27 })] })]),
    );
    expect(entry?.after).toMatchObject({ counts: { new: 1, changed: 1, unchanged: 0 }, rows: expect.arrayContaining([expect.objectContaining({ code: "33.16", value: 3.3 })]) });

    // The same preview sent again (a double click) is stale and imports nothing more.
    const again = await submit(importForm(html, true));
    expect(again.status).toBe(409);
    expect(text(await again.text())).toContain("Data tersimpan berubah sejak pratinjau dibuat");
  });

  it("says an unchanged file has nothing to import", async () => {
    const page = text(await (await upload("kode_wilayah;tahun;indeks;sumber;keputusan\n33.16;2023;3,30;https://menpan.go.id/hasil-2023;Kepmen PANRB 13/2024\n")).text());
    expect(page).toContain("0 baru, 0 mengubah nilai resmi yang ada, 1 tidak berubah");
    expect(page).toContain("tidak ada yang perlu diimpor");
  });

  it("refuses a whole file with any bad row, naming each, and a forged import of it", async () => {
    const before = await db().select().from(publishedResults);
    const bad = ["kode_wilayah;nama_daerah;tahun;indeks;sumber", "32.11;;2024;tiga;https://x.go.id", "99.99;;2024;3;https://x.go.id", "35.1;Kabupaten Lumajang;2024;3;https://x.go.id", "33.16;;2024;9;https://x.go.id", "33.16;;2022;3;", "33.16;;2021;1.5;https://", "35.17;;2022;3,5;https://x.go.id", "35.17;;2022;3,6;https://x.go.id"].join("\n");
    const response = await upload(bad);
    expect(response.status).toBe(400);
    const page = text(await response.text());
    for (const expected of [
      "Baris 2 (indeks): bukan angka (tiga).",
      "Baris 3 (kode_wilayah): kode wilayah tidak dikenal (99.99).",
      "Baris 4 (nama_daerah): nama daerah tidak cocok dengan kode (Kabupaten Lumajang ≠ 35.10 Kabupaten Banyuwangi)",
      "Baris 5 (indeks): indeks di luar 0–5 (9).",
      "Baris 6 (sumber): isi sumber",
      "Baris 7 (sumber): sumber berupa alamat web harus alamat http(s) lengkap (https://).",
      "Baris 9: daerah dan tahun yang sama sudah ada di baris 8.",
    ]) {
      expect(page).toContain(expected);
    }
    expect(page).not.toMatch(/Impor \d+ baris/);
    const forged = new FormData();
    forged.append("intent", "import");
    forged.append("lembar", JSON.stringify({ format: "csv", delimiter: ";", rows: [{ line: 1, cells: ["kode_wilayah", "tahun", "indeks", "sumber"] }, { line: 2, cells: ["99.99", "2024", "3", "https://x.go.id"] }] }));
    forged.append("sidik", "x");
    forged.append("konfirmasi", "ya");
    expect((await submit(forged)).status).toBe(400);
    const junk = new FormData();
    junk.append("intent", "import");
    junk.append("lembar", "<script>");
    expect((await submit(junk)).status).toBe(400);
    expect(await db().select().from(publishedResults)).toEqual(before);
  });

  it("refuses files that are no spreadsheet, and ones too large, with a clear message", async () => {
    const png = new Uint8Array(Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
    const binary = await upload(png, "foto.csv");
    expect(binary.status).toBe(400);
    expect(text(await binary.text())).toContain("bukan berkas Excel (.xlsx) atau CSV yang dapat dibaca");
    const huge = await upload(new Uint8Array(50 * 1024 * 1024));
    expect(huge.status).toBe(413);
    const tooBig = await upload(`kode_wilayah;tahun;indeks\n${"32.11;2024;3\n".repeat(400_000)}`);
    expect(tooBig.status).toBe(413);
    expect(text(await tooBig.text())).toContain("berkas terlalu besar (maksimal 4 MB");
  });

  it("offers a template with every region and province, as .xlsx and as Indonesian CSV", async () => {
    const xlsx = await request(app.origin, "/kurasi/impor-spbe/templat.xlsx", { cookie: curator.cookie });
    expect(xlsx.headers.get("content-disposition")).toContain("templat-hasil-resmi-spbe-2020.xlsx");
    const read = await readSpreadsheet(new Uint8Array(await xlsx.arrayBuffer()));
    if (!read.ok) throw new Error(read.problem);
    expect(read.rows[0]?.cells).toEqual(["kode_wilayah", "nama_daerah", "tahun", "indeks", "predikat", "sumber", "keputusan", "kutipan"]);
    expect(read.rows).toHaveLength(1 + 38 + 514);
    expect(read.rows.find((row) => row.cells[0] === "32.11")?.cells[1]).toBe("Kabupaten Sumedang");
    const csv = await (await request(app.origin, "/kurasi/impor-spbe/templat.csv", { cookie: curator.cookie })).text();
    expect(csv).toContain("32.11;Kabupaten Sumedang;;;;;;\r\n");
  });

  it("offers each framework's template, and answers an unknown framework with a 404 listing the real ones", async () => {
    const xlsx = await request(app.origin, "/kurasi/impor-spbe/templat.xlsx?kerangka=pemdi-2026", { cookie: curator.cookie });
    expect(xlsx.headers.get("content-disposition")).toContain("templat-hasil-resmi-pemdi-2026.xlsx");
    const page = await request(app.origin, "/kurasi/impor-spbe?kerangka=pemdi-2026", { cookie: curator.cookie });
    expect(text(await page.text())).toContain("Kolom tingkat indikator bersifat opsional (semua 20 indikator");
    const unknown = await request(app.origin, "/kurasi/impor-spbe?kerangka=%3Cscript%3Ealert(1)%3C/script%3E", { cookie: curator.cookie });
    expect(unknown.status).toBe(404);
    const html = await unknown.text();
    expect(html).not.toContain("<script>alert(1)");
    expect(text(html)).toContain("Indeks Pemdi 2026");
  });

  it("imports Indeks Pemdi 2026 results with their 20 levels, recording the framework version", async () => {
    const header = ["kode_wilayah", "tahun", "indeks", "sumber", ...Array.from({ length: 20 }, (_, index) => `indikator_${index + 1}`)];
    const csv = `${header.join(";")}\n32.11;2026;1,00;https://menpan.go.id/pemdi-2026;${Array(20).fill("1").join(";")}\n`;
    const preview = await upload(csv, "pemdi.csv", PEMDI_2026);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(text(html)).toContain("Indeks dari tingkat indikator: 1,00");
    expect((await submit(importForm(html, false), PEMDI_2026)).status).toBe(200);
    const framework = (await getFrameworkSummary(PEMDI_2026))!;
    try {
      const stored = await db().select({ value: publishedResults.value, frameworkVersion: publishedResults.frameworkVersion }).from(publishedResults).where(and(eq(publishedResults.frameworkId, framework.id), eq(publishedResults.subjectCode, "32.11")));
      expect(stored).toEqual([{ value: 1, frameworkVersion: framework.version }]);
      const verified = await db().select({ index: assessments.computedIndex, frameworkVersion: assessments.frameworkVersion }).from(assessments).where(and(eq(assessments.frameworkId, framework.id), eq(assessments.regionCode, "32.11")));
      expect(verified).toEqual([{ index: 1, frameworkVersion: framework.version }]);
    } finally {
      // Pemdi results would make Pemdi the default framework of later tests in this worker.
      await db().delete(publishedResults).where(eq(publishedResults.frameworkId, framework.id));
      await db().delete(assessments).where(eq(assessments.frameworkId, framework.id));
    }
  });

  it("refuses a Pemdi file imported as SPBE, an SPBE year imported as Pemdi and levels outside the scale, naming each row; nothing changes", async () => {
    const before = await db().select().from(publishedResults);
    const pemdiHeader = ["kode_wilayah", "tahun", "indeks", "sumber", ...Array.from({ length: 20 }, (_, index) => `indikator_${index + 1}`)].join(";");
    const asSpbe = text(await (await upload(`${pemdiHeader}\n32.11;2026;3;https://x.go.id;${Array(20).fill("3").join(";")}\n`)).text());
    expect(asSpbe).toContain("Baris 1: 27 kolom indikator tidak ada; sertakan semua 47 atau tidak sama sekali.");
    const yearOnly = text(await (await upload("kode_wilayah;tahun;indeks;sumber\n32.11;2026;3;https://x.go.id\n")).text());
    expect(yearOnly).toContain("Baris 2 (tahun): tahun 2026 tidak dinilai dengan Indeks SPBE 2020");
    const spbeYear = await upload("kode_wilayah;tahun;indeks;sumber\n32.11;2024;3;https://x.go.id\n", "hasil.csv", PEMDI_2026);
    expect(spbeYear.status).toBe(400);
    expect(text(await spbeYear.text())).toContain("Baris 2 (tahun): tahun 2024 tidak dinilai dengan Indeks Pemdi 2026");
    const spbeColumns = text(await (await upload("kode_wilayah;tahun;indeks;sumber;indikator_47\n32.11;2026;3;https://x.go.id;3\n", "hasil.csv", PEMDI_2026)).text());
    expect(spbeColumns).toContain("Baris 1 (indikator_47): Indeks Pemdi 2026 tidak memiliki indikator 47");
    const outOfScale = text(await (await upload(`${pemdiHeader}\n32.11;2026;3;https://x.go.id;6;${Array(19).fill("3").join(";")}\n`, "hasil.csv", PEMDI_2026)).text());
    expect(outOfScale).toContain("Baris 2 (indikator_1): tingkat harus bilangan bulat 1–5 (6).");
    expect(await db().select().from(publishedResults)).toEqual(before);
  });

  it("is for curators and admins only", async () => {
    for (const path of ["/kurasi/impor-spbe", "/kurasi/impor-spbe/templat.xlsx"]) {
      expect((await request(app.origin, path, { cookie: editor.cookie })).status).toBe(403);
      expect((await request(app.origin, path)).status).toBe(302);
    }
    const form = new FormData();
    form.append("intent", "preview");
    form.append("file", new File(["kode_wilayah;tahun;indeks\n32.11;2024;3"], "x.csv"));
    expect((await request(app.origin, "/kurasi/impor-spbe", { cookie: editor.cookie, form })).status).toBe(403);
  });
});
