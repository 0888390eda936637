import { expect, type Page, test } from "@playwright/test";
import writeExcelFile from "write-excel-file/node";
import { signInAsNewUser } from "./cli-accounts";

/**
 * On the site without sample data (as in production), by clicking from the home page: a curator
 * imports official results from Indonesian Excel files, a region's editor reports the levels
 * of its evaluation report with the PDF, the curator verifies them, and a visitor sees the
 * verified profile — with no sample data anywhere.
 */
test.describe.configure({ mode: "serial" });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

async function openCuration(page: Page) {
  await page.getByRole("link", { name: "IDSL" }).first().click();
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Kurasi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Antrean kurasi praktik" })).toBeVisible();
}

test("a curator imports Indonesian spreadsheets, overwriting an official value only when confirmed", async ({ page }) => {
  await signInAsNewUser(page, "curator");
  await openCuration(page);
  await page.getByRole("link", { name: "Impor hasil resmi SPBE" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Impor hasil resmi SPBE" })).toBeVisible();

  // As Excel on an Indonesian PC saves "CSV": semicolons, decimal commas, CRLF, a BOM, an extra column.
  const csv = "\uFEFFkode_wilayah;nama_daerah;tahun;indeks;predikat;sumber;keputusan;catatan\r\n33.16;Kabupaten Blora;2023;3,30;Baik;https://menpan.go.id/e2e/2023;Kepmen PANRB 13/2024;cek\r\n35.17;Kabupaten Jombang;2023;3,62;Sangat Baik;https://menpan.go.id/e2e/2023;Kepmen PANRB 13/2024;\r\n";
  await page.getByLabel("Berkas Excel atau CSV").setInputFiles({ name: "hasil-2023.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Periksa (belum mengimpor)" }).click();
  await expect(page.getByText("Pratinjau: 1 baru, 1 mengubah nilai resmi yang ada, 0 tidak berubah.")).toBeVisible();
  await expect(page.getByText("Dibaca sebagai CSV (titik koma); angka: gaya Indonesia (koma desimal).")).toBeVisible();
  const blora = page.getByRole("row", { name: /Kabupaten Blora/ });
  await expect(blora).toContainText("Diubah");
  await expect(blora).toContainText("3,27 → 3,30");

  // Not confirmed: nothing is imported, and the page says why.
  await page.getByRole("button", { name: "Impor 2 baris" }).click();
  await expect(page.getByText("Centang konfirmasi di atas untuk menimpa nilai resmi yang sudah ada. Tidak ada yang diimpor.")).toBeVisible();
  await page.getByLabel(/Saya sudah memeriksa: timpa 1 nilai resmi/).check();
  await page.getByRole("button", { name: "Impor 2 baris" }).click();
  await expect(page.getByText("Impor selesai: 1 baru, 1 diubah, 0 tidak berubah.")).toBeVisible();

  // An .xlsx in which Excel turned the code 35.10 into the number 35.1.
  const workbook = await writeExcelFile([
    ["kode_wilayah", "nama_daerah", "tahun", "indeks", "sumber"].map((value) => ({ value })),
    [{ value: 35.1, type: Number }, { value: "Kabupaten Banyuwangi" }, { value: 2023, type: Number }, { value: 4.2, type: Number }, { value: "https://menpan.go.id/e2e/2023" }],
  ]).toBuffer();
  await page.getByLabel("Berkas Excel atau CSV").setInputFiles({ name: "hasil.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: workbook });
  await page.getByRole("button", { name: "Periksa (belum mengimpor)" }).click();
  await expect(page.getByText("Dibaca sebagai Excel (.xlsx)")).toBeVisible();
  await expect(page.getByRole("row", { name: /Kabupaten Banyuwangi/ })).toContainText("35.10");
  await page.getByRole("button", { name: "Impor 1 baris" }).click();
  await expect(page.getByText("Impor selesai: 1 baru, 0 diubah, 0 tidak berubah.")).toBeVisible();
});

test("a region's editor reports the levels of its evaluation report, and a curator verifies them", async ({ browser }) => {
  const editor = await (await browser.newContext()).newPage();
  await signInAsNewUser(editor, "editor", { region: "33.16" });
  await editor.getByRole("link", { name: "IDSL" }).first().click();
  await editor.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Daerah" }).click();
  await editor.getByLabel("Nama daerah").fill("Blora");
  await editor.getByRole("button", { name: "Terapkan" }).click();
  await editor.getByRole("link", { name: "Kabupaten Blora" }).click();
  await editor.getByRole("link", { name: /Buka benchmark/ }).click();
  await editor.getByRole("link", { name: "Laporkan tingkat resmi dari Laporan Hasil Evaluasi" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: /Tingkat resmi dari Laporan Hasil Evaluasi/ })).toBeVisible();

  // The levels come from a spreadsheet copied from the report; every choice shows its criteria.
  const sheet = `indikator;tingkat\n${Array.from({ length: 47 }, (_, index) => `${index + 1};${index % 2 === 0 ? 3 : 4}`).join("\n")}\n`;
  await editor.getByLabel("Lembar kerja", { exact: true }).setInputFiles({ name: "tingkat.csv", mimeType: "text/csv", buffer: Buffer.from(sheet) });
  await editor.getByRole("button", { name: "Baca lembar kerja" }).click();
  await expect(editor.getByText("Semua 47 tingkat terisi dari lembar kerja.")).toBeVisible();
  const first = editor.getByRole("group", { name: /^1\. Tingkat Kematangan Kebijakan Internal Arsitektur SPBE/ });
  await expect(first.getByRole("radio", { name: /3 — Terstandardisasi/ })).toBeChecked();
  await expect(first).toContainText("Kriteria tingkat 2 telah terpenuhi");

  await editor.getByLabel("Tahun evaluasi").selectOption("2023");
  await editor.getByLabel("Indeks menurut laporan").fill("3,30");
  await editor.getByLabel("Laporan Hasil Evaluasi (PDF)").setInputFiles({ name: "LHE SPBE 2023 Blora.pdf", mimeType: "application/pdf", buffer: PDF });
  await editor.getByRole("button", { name: "Kirim untuk diverifikasi" }).click();
  await expect(editor.getByText("Terkirim. Kurator akan memeriksa tingkat dan laporannya")).toBeVisible();
  await expect(editor.getByText("Menunggu verifikasi")).toBeVisible();

  const curator = await (await browser.newContext()).newPage();
  await signInAsNewUser(curator, "curator");
  await openCuration(curator);
  await curator.getByRole("link", { name: /Verifikasi tingkat resmi \(1\)/ }).click();
  await curator.getByRole("link", { name: "Kabupaten Blora" }).click();
  await expect(curator.getByRole("heading", { level: 1, name: "Tingkat resmi Kabupaten Blora 2023" })).toBeVisible();
  await curator.getByRole("button", { name: "Verifikasi" }).click();
  await expect(curator.getByText("Tidak ada kiriman yang menunggu.")).toBeVisible();
});

test("a visitor sees the verified profile beside the official index, and no sample data anywhere", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/Demo: situs ini memuat data contoh/)).toHaveCount(0);
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Peringkat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Peringkat Indeks SPBE 2020 tahun 2023/ })).toBeVisible();
  // Only official results exist, so only they are offered.
  await expect(page.getByLabel("Jenis data").locator("option")).toHaveText(["Resmi", "Tingkat terverifikasi"]);
  await expect(page.getByRole("row", { name: /Kabupaten Blora/ })).toContainText("3,30");
  await expect(page.getByText("Data contoh", { exact: true })).toHaveCount(0);

  await page.getByRole("link", { name: "Kabupaten Blora" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Benchmark indeks Kabupaten Blora" })).toBeVisible();
  await expect(page.getByText("Indeks resmi terbaru (2023)")).toBeVisible();
  await expect(page.getByText("Tingkat terverifikasi terbaru (2023)")).toBeVisible();
  await expect(page.getByText("Profil dari data 2023.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Indeks per domain" })).toBeVisible();
  await expect(page.getByText("Data contoh", { exact: true })).toHaveCount(0);

  await page.getByRole("link", { name: "← Kabupaten Blora" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kabupaten Blora" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /3,30/ }).first()).toBeVisible();
  await expect(page.getByText("Data contoh", { exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Jawa Tengah" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Provinsi Jawa Tengah" })).toBeVisible();
  await expect(page.getByText("Data contoh", { exact: true })).toHaveCount(0);
});
